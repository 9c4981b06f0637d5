import type { DetectorMatch, ScanField } from '../../detector.js';
import { isPlaceholder } from '../secrets/secret-value.js';
import { MAX_MATCHES } from './find-phrases.js';
import { ATTACHMENT_KEY, findRiskyAttachment } from './outbound-attachment.js';
import { matchesIn } from './regex-matches.js';
import { SECRET_SHAPE } from './url-vocabulary.js';

/**
 * Secrets or a list of people put into something the agent sends out: an email, a chat message,
 * a gist, an issue. The secrets family finds the secret wherever it is; this marks the act of
 * sending it. Judged by the tool being called and the argument holding the text.
 */

/** Tools whose arguments leave the organisation (send_email, slack_post_message, create_gist...). */
const OUTBOUND_TOOL =
  /send|post|e?mail|message|gist|paste|publish|upload|share|tweet|comment|webhook|notify|chat|slack|teams|discord|reply|forward|issue|http_request/i;
/** Arguments that name recipients or routing, not the content sent. */
const ADDRESS_KEYS = new Set([
  'to',
  'cc',
  'bcc',
  'from',
  'recipient',
  'recipients',
  'attendees',
  'channel',
  'channel_id',
  'url',
]);
/**
 * HTTP clients (`fetch`, `http_request`, `curl`) send out only what sits under a request body:
 * their URL and headers are the agent reading, their body is the agent writing.
 */
const HTTP_TOOL = /fetch|http|request|curl|api_call|webhook/i;
const BODY_PATH = /\.(?:body|data|json|payload|form|content)(?:\.|$)/;
const SECRET_ALL = new RegExp(SECRET_SHAPE.source, 'g');
/** A password in a connection string or URL (`postgres://admin:pw@db`); group 1 is the password. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,64}:([^\s@/'"]{4,128})@[\w.-]+/gi;
/** Password hashes (bcrypt, argon2, sha512/sha256/md5-crypt, yescrypt): crackable offline once out. */
const PASSWORD_HASH =
  /\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$v=\d+\$[^\s"',]{20,}|\$(?:1|5|6|y)\$[./A-Za-z0-9$=]{8,}\$[./A-Za-z0-9]{22,}/g;
/** A line of /etc/passwd: name, password mark, uid, gid, gecos, home, shell in a bin directory. */
const PASSWD_LINE = /^[a-z_][\w.-]*:[x*!]?:\d+:\d+:[^:\n]*:\/[^:\n]*:\/\S*bin\/\S+$/m;
const ASSIGNED_SECRET =
  /\b[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY)[A-Z0-9_]*\s*[:=]\s*['"]?[^\s'"]{8,}/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** A message carrying this many distinct addresses is a contact export, not a note. */
const BULK_EMAILS = 5;

/** Passwords that docs and examples write in connection strings. */
const EXAMPLE_PASSWORD =
  /^(?:pass(?:word)?\d*|passwd|pwd|pw|secret|changeme|example|test|demo|admin|root|postgres|mysql|guest|your[\w-]*|my[\w-]*)$/i;

function templatePassword(password: string): boolean {
  return EXAMPLE_PASSWORD.test(password) || isPlaceholder(password);
}

function secretSpans(text: string): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  for (const pattern of [SECRET_ALL, ASSIGNED_SECRET, PASSWORD_HASH, URL_PASSWORD]) {
    for (const m of matchesIn(pattern, text)) {
      // `postgres://user:password@localhost` in a how-to is a template, not a credential.
      if (pattern === URL_PASSWORD && templatePassword(m[1] ?? '')) continue;
      if (out.some((prior) => m.index < prior.end && prior.start < m.index + m[0].length)) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        detail: 'secret in an outgoing message',
        secret: true,
      });
      if (out.length >= MAX_MATCHES) return out;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function bulkEmails(text: string): DetectorMatch[] {
  const matches = [...matchesIn(EMAIL, text)];
  const distinct = new Set(matches.map((m) => m[0].toLowerCase()));
  if (distinct.size < BULK_EMAILS) return [];
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (!first || !last) return [];
  return [
    {
      start: first.index,
      end: last.index + last[0].length,
      detail: `${distinct.size} email addresses in an outgoing message`,
    },
  ];
}

/** The system's account list: nobody mails /etc/passwd for a good reason. */
function accountFile(text: string): DetectorMatch[] {
  const m = PASSWD_LINE.exec(text);
  return m
    ? [{ start: m.index, end: m.index + m[0].length, detail: 'system account file in an outgoing message' }]
    : [];
}

/** True when the field is content the tool call sends out, not an address or a URL it reads. */
function sendsContent(field: ScanField, tool: string): boolean {
  if (ADDRESS_KEYS.has(field.key)) return false;
  return OUTBOUND_TOOL.test(tool) || (HTTP_TOOL.test(tool) && BODY_PATH.test(field.path));
}

/**
 * Secrets, bulk personal data, an account file, or a credential file or people export attached,
 * in a tool call that sends it out.
 */
export function findOutboundLeak(field: ScanField, tool: string | null, text: string): DetectorMatch[] {
  if (!tool || !sendsContent(field, tool)) return [];
  if (ATTACHMENT_KEY.test(field.key) && OUTBOUND_TOOL.test(tool)) return findRiskyAttachment(text);
  const secrets = secretSpans(text);
  if (secrets.length > 0) return secrets;
  const bulk = bulkEmails(text);
  return bulk.length > 0 ? bulk : accountFile(text);
}
