import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { findPhoneColumns } from './phone-columns.js';
import { matchesIn } from './regex-matches.js';

/**
 * Email addresses and phone numbers. Each distinct value is reported once (a quoted thread repeats
 * the same signature), so a rule's `minMatches` counts distinct people, not repetitions.
 */

/** The part after `@`, tried only at each `@` (a regex for the whole address would retry at every word). */
const EMAIL_DOMAIN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}([A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const ALNUM = /[A-Za-z0-9]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 260;
/** Stop looking after this many `@` signs: a value made of them is not a contact list. */
const MAX_AT_SIGNS = 4096;
/** `logo@2x.png`, `name@1.2.3.tgz`: file names, not addresses. */
const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif svg webp ico bmp js mjs cjs ts tsx jsx css scss less json yaml yml toml xml html htm md txt py rb go rs java kt swift php sh lock map wasm pdf zip gz tgz tar exe dll so'.split(
    ' ',
  ),
);

/** E.164 and international formats: "+" then 8–15 digits with light separators. */
const PHONE_INTERNATIONAL = /(?<![\w+])\+\d[\d ().-]{6,22}\d(?![\w])/g;
/** North American numbers: (415) 555-2671, 415-555-2671, 415.555.2671, 1-800-555-0199. */
const PHONE_NANP =
  /(?<![\w.+-])(?:1[-. ])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([-.]))[2-9]\d{2}[-.]\d{4}(?![\w-]|\.\d)/g;
/**
 * Trunk-prefix national numbers grouped by spaces: 020 7946 0958, 07700 900123, 01 23 45 67 89.
 * Not inside a run of byte values such as "<Buffer 01 02 03 04 05 06>".
 */
const PHONE_NATIONAL =
  /(?<![\w.+-]|\d[ .])0(?:\d{2,4} \d{3,4} ?\d{3,4}|[1-9](?: \d{2}){4}|[1-9](?:\.\d{2}){4})(?![\w-]|[ .]\d)/g;

/** The address around the `@` at `at`, as [start, end, tld], or null. */
function addressAt(text: string, at: number): [number, number, string] | null {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
  if (start > 0 && LOCAL_CHAR.test(text[start - 1] ?? '')) return null;
  while (start < at && !ALNUM.test(text[start] ?? '')) start++;
  if (start === at) return null;
  const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 1 + MAX_DOMAIN));
  if (!domain) return null;
  return [start, at + 1 + domain[0].length, (domain[1] ?? '').toLowerCase()];
}

/**
 * A commit's people: `a1b2c3d Ann Lee <ann@x.example> fix ...` (git log one-liners start with the
 * hash) or `Author: Ann Lee <ann@...>`, `Signed-off-by:` trailers. A repository's history names
 * its contributors; that is not a contact list being leaked.
 */
const COMMIT_LINE =
  /^\s*(?:[0-9a-f]{7,40}\b|(?:commit\s+[0-9a-f]{7,40}\s+)?(?:author|commit(?:ter)?|merge|signed-off-by|co-authored-by|reviewed-by|acked-by|tested-by|reported-by|helped-by|suggested-by)\s*:)/i;

/**
 * How far before an address its line's commit header or its token's URL scheme is looked for.
 * Reading back to the line start for every address was quadratic on a long line of addresses; a
 * header or a scheme further away than this belongs to something else.
 */
const LOOK_BACK = 1000;

function inCommitLine(text: string, start: number): boolean {
  if (text[start - 1] !== '<') return false;
  const from = Math.max(0, start - LOOK_BACK);
  const head = text.slice(from, start);
  const lineStart = head.lastIndexOf('\n') + 1;
  if (lineStart === 0 && from > 0) return false;
  return COMMIT_LINE.test(head.slice(lineStart));
}

function emailIsAddress(text: string, start: number, end: number, tld: string): boolean {
  if (FILE_EXTENSIONS.has(tld)) return false;
  if (inCommitLine(text, start)) return false;
  // git@github.com:org/repo.git is an SSH remote; user:pass@host in a URL is a credential, not a contact.
  if (text[end] === ':' && /[\w~/]/.test(text[end + 1] ?? '')) return false;
  const head = text.slice(Math.max(0, start - LOOK_BACK), start);
  const tokenStart = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  return !head.slice(tokenStart + 1).includes('://');
}

function pushDistinct(out: DetectorMatch[], seen: Set<string>, key: string, match: DetectorMatch): void {
  if (seen.has(key) || out.length >= MAX_MATCHES) return;
  if (out.some((prior) => match.start < prior.end && prior.start < match.end)) return;
  seen.add(key);
  out.push(match);
}

/** Distinct email addresses in `text`. */
export function findEmails(text: string): DetectorMatch[] {
  if (!text.includes('@')) return [];
  const out: DetectorMatch[] = [];
  const seen = new Set<string>();
  let tries = 0;
  for (let at = text.indexOf('@'); at !== -1 && out.length < MAX_MATCHES; at = text.indexOf('@', at + 1)) {
    if (++tries > MAX_AT_SIGNS) break;
    const found = addressAt(text, at);
    if (!found || !emailIsAddress(text, ...found)) continue;
    const [start, end] = found;
    pushDistinct(out, seen, text.slice(start, end).toLowerCase(), { start, end, detail: 'email address' });
  }
  return out;
}

function internationalValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (/[ .-]{2}/.test(candidate)) return false;
  // At most one pair of parentheses, around an area or trunk code: +44 (0)20 7946 0958.
  const parens = candidate.match(/[()]/g)?.length ?? 0;
  return parens === 0 || (parens === 2 && /\(\d{1,4}\)/.test(candidate));
}

/**
 * Distinct phone numbers in `text`, by their digits: written as phone numbers, or bare in a column
 * named for them (a header, or the query that asked for this result when `queried`).
 */
export function findPhones(text: string, queried = false): DetectorMatch[] {
  if (!/\d{3}/.test(text)) return [];
  const out: DetectorMatch[] = [];
  const seen = new Set<string>();
  const add = (m: RegExpExecArray): void => {
    const digits = m[0].replace(/\D/g, '');
    pushDistinct(out, seen, digits, { start: m.index, end: m.index + m[0].length, detail: 'phone number' });
  };
  if (text.includes('+')) {
    for (const m of matchesIn(PHONE_INTERNATIONAL, text)) if (internationalValid(m[0])) add(m);
  }
  for (const m of matchesIn(PHONE_NANP, text)) {
    // One separator style throughout: 415-555.2671 is not a phone number.
    if (m[1] && m[0].charAt(m[0].length - 5) !== m[1]) continue;
    add(m);
  }
  for (const m of matchesIn(PHONE_NATIONAL, text)) add(m);
  for (const match of findPhoneColumns(text, queried)) {
    pushDistinct(out, seen, text.slice(match.start, match.end).replace(/\D/g, ''), match);
  }
  return out.sort((a, b) => a.start - b.start);
}
