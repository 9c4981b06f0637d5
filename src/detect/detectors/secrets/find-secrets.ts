import type { DetectorMatch } from '../../detector.js';
import { matchesIn } from '../text/regex-matches.js';

/** Secret detectors read at most this much of a value. */
export const MAX_SCAN_CHARS = 1_000_000;
/** A few matches per field are enough to raise and redact; this bounds work on a flooded value. */
const MAX_MATCHES = 200;

export function scanText(value: string): string {
  return value.length > MAX_SCAN_CHARS ? value.slice(0, MAX_SCAN_CHARS) : value;
}

/**
 * Every match of `pattern` (global) whose secret passes `accept`. The secret is capture group 1
 * when the pattern has one and must end the match (patterns put any trailing context in a
 * lookahead), else the whole match, so its span is found without the `d` flag.
 */
export function findSecrets(
  text: string,
  pattern: RegExp,
  detail: string | ((m: RegExpExecArray) => string),
  accept: (secret: string, m: RegExpExecArray, text: string) => boolean,
): DetectorMatch[] {
  // `search` leaves the shared regex as it was and, unlike matchAll, does not clone it: most
  // values hold no secret, so this keeps the common case to one scan.
  if (text.search(pattern) === -1) return [];
  const found: DetectorMatch[] = [];
  for (const m of matchesIn(pattern, text)) {
    const secret = m[1] ?? m[0];
    if (!accept(secret, m, text)) continue;
    const end = m.index + m[0].length;
    found.push({
      start: end - secret.length,
      end,
      secret: true,
      detail: typeof detail === 'string' ? detail : detail(m),
    });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** Drops matches that overlap an earlier (or longer) one, for detectors that try several patterns. */
export function dropOverlaps(matches: readonly DetectorMatch[]): DetectorMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DetectorMatch[] = [];
  for (const match of sorted) {
    const last = kept.at(-1);
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}

/** A token character: [A-Za-z0-9_-]. */
export function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45
  );
}

/** A standard base64 character: [A-Za-z0-9/+] (`/` and the digits are adjacent codes). */
export function isBase64Char(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 47 && code <= 57) || code === 43
  );
}

/** Whether `text` holds `length` consecutive characters that `member` accepts; a fast gate. */
export function hasRunOf(text: string, length: number, member: (code: number) => boolean): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = member(text.charCodeAt(i)) ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

/** Whether `text[from, to)` is all token characters. */
export function isTokenRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isTokenChar(text.charCodeAt(i))) return false;
  return true;
}
