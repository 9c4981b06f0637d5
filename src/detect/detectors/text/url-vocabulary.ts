/**
 * Names that tell what a URL parameter or placeholder carries. Kept apart from the scoring so the
 * lists can grow without burying the logic.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Parameters whose placeholders are how API docs show where your own key goes. */
export const AUTH_PARAMS = words(
  'key api_key apikey token access_token appid app_id client_id client_secret auth sig signature',
);

/** Parameters named for what an exfiltration carries. */
export const SECRET_PARAMS = words(
  'secret secrets password passwd pwd pass creds credential credentials exfil leak stolen conversation convo history chat memory ssh private_key privatekey cookie cookies ssn',
);

/** Generic parameters that carry whatever the attacker templates into them (also in French, Spanish, German, Italian, Portuguese). */
export const DATA_PARAMS = words(
  'data d q query payload content msg message info text body p s x input output result summary context b64 base64 dump log datos dados donnees daten dati contenido inhalt',
);

/** Parameters that legitimately carry long opaque values on links; on images they are data. */
export const TOKEN_PARAMS = words('token key access_token auth apikey api_key');

/** What an image placeholder may stand for: nobody templates data into an image URL innocently. */
export const SENSITIVE_NAME =
  /data|secret|conversation|convo|chat|history|summary|context|memory|message|password|passwd|pwd|token|key|credential|creds|env|ssh|info|content|payload|prompt|answer|response|result|output|exfil|leak|input|email|ssn|cookie|session/i;

/** What a link placeholder must stand for: API docs template `{message_id}` or `{email}` all the time. */
export const STRONG_NAME =
  /secret|conversation|convo|chat|history|summary|context|memory|password|passwd|pwd|credential|creds|ssh|prompt|exfil|leak|ssn|cookie|private|api[_-]?key|personal|pii/i;

const TOKEN_SHAPES =
  'sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\\w{20,}|xox[abprs]-[\\w-]{10,}|[rs]k_live_[A-Za-z0-9]{16,}|glpat-[\\w-]{20,}|AIza[\\w-]{35}';

/** Secrets by shape, in a message body or in what an encoded part of a URL decodes to. */
export const SECRET_SHAPE = new RegExp(`\\b(?:${TOKEN_SHAPES}|AKIA[0-9A-Z]{16})|-----BEGIN`);

/** The same in a URL in clear, where an AWS access key id is part of every presigned S3 link. */
export const URL_SECRET_SHAPE = new RegExp(`\\b(?:${TOKEN_SHAPES})|-----BEGIN`);

/** Paste and file-drop services: an agent posting to one is publishing, whatever the payload. */
const DROP_HOSTS = words(
  'pastebin.com paste.ee hastebin.com ghostbin.co termbin.com 0x0.st transfer.sh file.io tmpfiles.org catbox.moe bashupload.com dpaste.org dpaste.com rentry.co controlc.com justpaste.it',
);

/**
 * True when `host` is, or is under, a paste or file-drop service. Every service name has two
 * labels, so only the host's last two labels can be one.
 */
export function isDropHost(host: string): boolean {
  const lastDot = host.lastIndexOf('.');
  const secondDot = lastDot === -1 ? -1 : host.lastIndexOf('.', lastDot - 1);
  return DROP_HOSTS.has(host.slice(secondDot + 1));
}
