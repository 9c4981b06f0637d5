import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { SENSITIVE_PATH_ALL } from './sensitive-data.js';

/**
 * Code the agent runs or writes that reads a credential file and sends it in an HTTP request:
 * `requests.post(url, files={'f': open('~/.aws/credentials')})`, or the file read into a variable
 * and posted a few lines on. Shell uploads are command-exfil.ts; this is the script form.
 */

/**
 * An HTTP call that sends a body: `.post(`/`.put(`/`.patch(` on any client (requests, httpx,
 * axios, a session), `urlopen(` (which posts when given data), `fetch(` with a writing method.
 */
const CODE_SENDER =
  /\.(?:post|put|patch)\(|\burlopen\(|\bfetch\([^)]{0,200}?\bmethod\s*:\s*['"`](?:POST|PUT|PATCH)\b/gi;
/** Prefilter literals (caseless): one is in every CODE_SENDER match. */
export const CODE_SENDER_LITERALS: readonly string[] = ['.post(', '.put(', '.patch(', 'urlopen(', 'fetch('];
/** Reading the file: what stands just before its path in a read. */
const READ_BEFORE =
  /(?:\bopen|readFileSync|readFile|read_text|read_bytes|File\.read|IO\.read|Get-Content|expanduser|Path|join)\s*\([^\n]{0,40}$/;
/**
 * Every project reads its own `.env` and then calls its API, so `.env` files are left to the
 * shell check; keys, cloud credentials and tokens are not read by code that posts anywhere.
 */
const DOTENV = /(?:^|[\\/])\.env(?:\.[a-z]+)?$/i;
/** How far apart the read and the request may be: the same call, or a few statements. */
const BEFORE = 200;
const AFTER = 400;

/** Requests in code that send a credential file read nearby to an http(s) URL. */
export function findCodeUpload(text: string): DetectorMatch[] {
  if (!/https?:\/\//i.test(text)) return [];
  const senders = [...matchesIn(CODE_SENDER, text)].map((m) => m.index);
  if (senders.length === 0) return [];
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(SENSITIVE_PATH_ALL, text)) {
    if (DOTENV.test(m[0]) || !READ_BEFORE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    const sender = senders.find((at) => at >= m.index - BEFORE && at <= m.index + AFTER);
    if (sender === undefined) continue;
    const lineStart = text.lastIndexOf('\n', sender) + 1;
    const lineEnd = text.indexOf('\n', sender);
    out.push({
      start: lineStart,
      end: lineEnd === -1 ? text.length : lineEnd,
      detail: `code sends ${m[0]} in an HTTP request`,
    });
    if (out.length >= MAX_MATCHES) break;
  }
  return out.filter((match, i) => i === 0 || match.start !== out[i - 1]?.start);
}
