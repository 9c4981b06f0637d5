import { Buffer } from 'node:buffer';
import type { DetectorMatch } from '../../detector.js';
import { clip } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Finds base64, hex and percent-encoded blobs and decodes those that turn out to be readable text.
 * Images, hashes, git SHAs and keys decode to binary and are dropped before any phrase check.
 */

const HEX_ESCAPES = /(?:\\x[0-9A-Fa-f]{2}){8,}/g;
const PERCENT = /(?:%[0-9A-Fa-f]{2}){8,}/g;
/** HTML numeric character references, spaces and punctuation between them allowed (&#73;&#103; ...). */
const ENTITY_RUN = /(?:&#(?:[xX][0-9a-fA-F]{1,6}|\d{1,7});|[ \t,.!?'"-]){16,}/g;
const ONLY_HEX = /^(?:0x)?[0-9A-Fa-f]+$/;
/** Base64 blobs shorter than this carry too little text to hold an instruction. */
const MIN_BASE64 = 24;
const MIN_HEX = 32;

/** Characters of standard and URL-safe base64 (a superset of hex digits). */
const BASE64_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-')
  BASE64_CHAR[ch.charCodeAt(0)] = 1;

/** All of what the engine reads of a field: filler before an instruction cannot push it out of reach. */
const MAX_BLOB_CHARS = 1_000_000;
const MAX_BLOBS = 4096;
const PREFIX_CHARS = 64;
/** Readable blobs handed to the instruction check per value; each check costs a few microseconds. */
const MAX_DECODED = 256;

export interface EncodedText {
  readonly start: number;
  readonly end: number;
  readonly kind: 'base64' | 'hex' | 'percent-encoded' | 'HTML-entity';
  readonly text: string;
}

/** C0 controls other than tab and line breaks, and DEL: rare in text, common in binary. */
function countControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) count++;
  }
  return count;
}

/** Decoded bytes as text, or null when they are not readable text. */
export function bytesAsText(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) return null;
  if (countControls(text) > text.length * 0.02) return null;
  return /[\p{L}]{2}/u.test(text) ? text : null;
}

/** Base64 has a '/' in about one of 64 characters; file paths and URL paths have far more. */
function slashDense(blob: string): boolean {
  let slashes = 0;
  for (let i = 0; i < blob.length; i++) if (blob.charCodeAt(i) === 47) slashes++;
  return slashes > blob.length / 16 + 1;
}

/** Values of base64 digits, of the standard and the URL-safe alphabet alike (Buffer reads both). */
const BASE64_VALUE = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].forEach((ch, value) => {
  BASE64_VALUE[ch.charCodeAt(0)] = value;
});
BASE64_VALUE['-'.charCodeAt(0)] = 62;
BASE64_VALUE['_'.charCodeAt(0)] = 63;
/** Bytes decoded by hand from a blob's head to look for a sequence UTF-8 cannot decode. */
const HEAD_BYTES = 9;

/** The first bytes a base64 blob decodes to (none when its head holds a non-digit). */
function base64Head(blob: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 3 < blob.length && bytes.length < HEAD_BYTES; i += 4) {
    const a = BASE64_VALUE[blob.charCodeAt(i)] ?? -1;
    const b = BASE64_VALUE[blob.charCodeAt(i + 1)] ?? -1;
    const c = BASE64_VALUE[blob.charCodeAt(i + 2)] ?? -1;
    const d = BASE64_VALUE[blob.charCodeAt(i + 3)] ?? -1;
    if (a < 0 || b < 0 || c < 0 || d < 0) return [];
    bytes.push((a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d);
  }
  return bytes;
}

/** The first bytes a run of hex digits decodes to. */
function hexHead(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 1 < hex.length && bytes.length < HEAD_BYTES; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16);
    if (Number.isNaN(byte)) return [];
    bytes.push(byte);
  }
  return bytes;
}

/**
 * True when the bytes hold a sequence no UTF-8 decoder accepts: a continuation byte where a
 * character should start, a byte that never occurs (C0, C1, F5-FF), or a lead byte without its
 * continuation bytes. Their text would hold U+FFFD, which bytesAsText rejects, so most binary
 * blobs (hashes, images, keys, identifiers that look like base64) need no decoding at all.
 */
function holdsInvalidUtf8(bytes: readonly number[]): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return true;
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    // A sequence cut off by the end of the head may be whole in the blob: no judgement.
    for (let k = 1; k < length && i + k < bytes.length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return true;
    }
    i += length;
  }
  return false;
}

function decodeBase64(blob: string): string | null {
  // Base64 of prose has both cases; long lowercase words and paths do not.
  if (!/[a-z]/.test(blob) || !/[A-Z]/.test(blob)) return null;
  if (holdsInvalidUtf8(base64Head(blob))) return null;
  // Check a prefix first so a megabyte of image data is rejected after 48 bytes, before the
  // slash count reads all of it.
  if (blob.length > PREFIX_CHARS && bytesAsText(Buffer.from(blob.slice(0, PREFIX_CHARS), 'base64')) === null)
    return null;
  if (slashDense(blob)) return null;
  return bytesAsText(Buffer.from(blob.slice(0, MAX_BLOB_CHARS), 'base64'));
}

function decodeHex(blob: string): string | null {
  const hex = blob.replace(/^0x|\\x/g, '');
  if (holdsInvalidUtf8(hexHead(hex))) return null;
  if (hex.length > PREFIX_CHARS && bytesAsText(Buffer.from(hex.slice(0, PREFIX_CHARS), 'hex')) === null)
    return null;
  return bytesAsText(Buffer.from(hex.slice(0, MAX_BLOB_CHARS), 'hex'));
}

function decodePercent(blob: string): string | null {
  try {
    const text = decodeURIComponent(blob.slice(0, MAX_BLOB_CHARS));
    return bytesAsText(Buffer.from(text, 'utf8'));
  } catch {
    return null;
  }
}

function isBase64Char(code: number): boolean {
  return code < 128 && BASE64_CHAR[code] === 1;
}

/**
 * Runs of at least MIN_BASE64 base64 characters (hex is a subset). Checks the last character a
 * run starting here would need first and jumps past it when it is not base64 (as Boyer-Moore
 * does), so prose made of short words is skimmed, not read character by character.
 */
function findBase64Runs(text: string, out: EncodedText[]): void {
  let tried = 0;
  let i = 0;
  while (i + MIN_BASE64 <= text.length && tried < MAX_BLOBS && out.length < MAX_DECODED) {
    let j = i + MIN_BASE64 - 1;
    while (j >= i && isBase64Char(text.charCodeAt(j))) j--;
    if (j >= i) {
      i = j + 1;
      continue;
    }
    const start = i;
    let runEnd = i + MIN_BASE64;
    while (runEnd < text.length && isBase64Char(text.charCodeAt(runEnd))) runEnd++;
    let end = runEnd;
    while (end < text.length && end - runEnd < 2 && text.charCodeAt(end) === 61) end++;
    i = end + 1;
    if (text.charCodeAt(end) === 61) continue;
    tried++;
    const blob = text.slice(start, end);
    const hex = ONLY_HEX.test(blob);
    if (hex && blob.length < MIN_HEX) continue;
    const decoded = hex ? decodeHex(blob) : decodeBase64(blob);
    if (decoded !== null) out.push({ start, end, kind: hex ? 'hex' : 'base64', text: decoded });
  }
}

function decodeEntities(run: string): string | null {
  if ((run.match(/&#/g)?.length ?? 0) < 8) return null;
  const text = run.replace(/&#([xX][0-9a-fA-F]{1,6}|\d{1,7});/g, (_, code: string) => {
    const value = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number(code);
    return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
  });
  return bytesAsText(Buffer.from(text, 'utf8'));
}

function findEscaped(text: string, out: EncodedText[]): void {
  if (text.includes('&#')) {
    for (const m of matchesIn(ENTITY_RUN, text)) {
      const decoded = decodeEntities(m[0]);
      // The span runs from the first reference to the last, without the separators around them.
      const start = m.index + m[0].indexOf('&#');
      const end = m.index + m[0].lastIndexOf(';') + 1;
      if (decoded !== null) out.push({ start, end, kind: 'HTML-entity', text: decoded });
    }
  }
  if (text.includes('\\x')) {
    for (const m of matchesIn(HEX_ESCAPES, text)) {
      const decoded = decodeHex(m[0]);
      if (decoded !== null)
        out.push({ start: m.index, end: m.index + m[0].length, kind: 'hex', text: decoded });
    }
  }
  if (text.includes('%')) {
    for (const m of matchesIn(PERCENT, text)) {
      const decoded = decodePercent(m[0]);
      if (decoded !== null)
        out.push({ start: m.index, end: m.index + m[0].length, kind: 'percent-encoded', text: decoded });
    }
  }
}

/**
 * The shortest text a blob decodes from: base64 and percent runs (24); entity runs and `\x`
 * escapes need eight references (32).
 */
const MIN_BLOB = 24;

/** Every encoded blob in `text` that decodes to readable text. */
export function findEncodedText(text: string): EncodedText[] {
  const found: EncodedText[] = [];
  if (text.length < MIN_BLOB) return found;
  findBase64Runs(text, found);
  findEscaped(text, found);
  return found;
}

/**
 * Encoded blobs whose decoded text (or the text inside it, one more layer down) passes `check`.
 * `check` returns a reason or null.
 */
export function findEncodedInstructions(
  text: string,
  check: (decoded: string) => string | null,
): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  for (const blob of findEncodedText(text)) {
    const layers = [blob.text, ...findEncodedText(blob.text).map((inner) => inner.text)];
    for (const layer of layers) {
      const reason = check(layer);
      if (reason === null) continue;
      matches.push({
        start: blob.start,
        end: blob.end,
        detail: `${blob.kind} text (${reason}): "${clip(layer)}"`,
      });
      break;
    }
  }
  return matches;
}
