/**
 * An over-approximation of the characters a regex atom can match: exact for ASCII (a 128-bit mask),
 * and three buckets beyond ASCII (Unicode spaces, the two non-ASCII case variants \w may match,
 * everything else). Safe-regex only asks "can these two atoms match the same character?", and a
 * false "yes" merely rejects a pattern, never admits a dangerous one.
 */
export interface CharSet {
  readonly ascii: bigint;
  /** Non-ASCII buckets the set touches at all. */
  readonly some: number;
  /** Non-ASCII buckets the set holds entirely (needed to complement a set soundly). */
  readonly full: number;
}

const SPACE_BUCKET = 1;
const WORD_BUCKET = 2;
const REST_BUCKET = 4;
const ALL_BUCKETS = 7;
const ALL_ASCII = (1n << 128n) - 1n;

export const EMPTY_SET: CharSet = { ascii: 0n, some: 0, full: 0 };
export const ANY_SET: CharSet = { ascii: ALL_ASCII, some: ALL_BUCKETS, full: ALL_BUCKETS };

function bit(code: number): bigint {
  return 1n << BigInt(code);
}

function rangeMask(from: number, to: number): bigint {
  if (to < from) return 0n;
  return ((1n << BigInt(to - from + 1)) - 1n) << BigInt(from);
}

const UNICODE_SPACE = /^[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$/u;

function bucketOf(code: number): number {
  if (code === 0x17f || code === 0x212a) return WORD_BUCKET | REST_BUCKET;
  return UNICODE_SPACE.test(String.fromCodePoint(code)) ? SPACE_BUCKET : REST_BUCKET;
}

/** The set of code points `from`..`to`; with `ignoreCase` ASCII letters in it count in both cases. */
export function rangeSet(from: number, to: number, ignoreCase: boolean): CharSet {
  const ascii = from < 128 ? rangeMask(from, Math.min(to, 127)) : 0n;
  const some = to < 128 ? 0 : from === to ? bucketOf(from) : ALL_BUCKETS;
  const set = { ascii, some, full: 0 };
  return ignoreCase ? foldCase(set) : set;
}

export function charSet(code: number, ignoreCase: boolean): CharSet {
  return rangeSet(code, code, ignoreCase);
}

export function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii | b.ascii, some: a.some | b.some, full: a.full | b.full };
}

export function complement(set: CharSet): CharSet {
  return { ascii: ALL_ASCII & ~set.ascii, some: ALL_BUCKETS & ~set.full, full: ALL_BUCKETS & ~set.some };
}

export function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.ascii & b.ascii) !== 0n || (a.some & b.some) !== 0;
}

const UPPER = rangeMask(65, 90);
const LOWER = rangeMask(97, 122);

function foldCase(set: CharSet): CharSet {
  const upper = (set.ascii & UPPER) << 32n;
  const lower = (set.ascii & LOWER) >> 32n;
  return { ...set, ascii: set.ascii | upper | lower };
}

export const DIGIT_SET: CharSet = { ascii: rangeMask(48, 57), some: 0, full: 0 };
/** With the i and u flags, \w also matches U+017F and U+212A (case variants of s and k). */
export const WORD_SET: CharSet = {
  ascii: rangeMask(48, 57) | UPPER | LOWER | bit(95),
  some: WORD_BUCKET,
  full: WORD_BUCKET,
};
export const SPACE_SET: CharSet = {
  ascii: rangeMask(9, 13) | bit(32),
  some: SPACE_BUCKET,
  full: SPACE_BUCKET,
};
/** `.` without the s flag: anything but line terminators (\n, \r, U+2028, U+2029). */
export const DOT_SET: CharSet = {
  ascii: ALL_ASCII & ~(bit(10) | bit(13)),
  some: ALL_BUCKETS,
  full: WORD_BUCKET | REST_BUCKET,
};
