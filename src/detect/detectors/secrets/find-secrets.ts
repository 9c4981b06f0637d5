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

/** Whether `text` holds `length` consecutive token characters ([A-Za-z0-9_-]); a fast gate. */
export function hasTokenRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const token =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
    run = token ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}
