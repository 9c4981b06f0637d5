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

/** Longer blobs are decoded only up to here: an instruction shows within the first few KB. */
const MAX_BLOB_CHARS = 65_536;
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

function decodeBase64(blob: string): string | null {
  // Base64 of prose has both cases; long lowercase words and paths do not.
  if (!/[a-z]/.test(blob) || !/[A-Z]/.test(blob) || slashDense(blob)) return null;
  // Check a prefix first so a megabyte of image data is rejected after 48 bytes.
  if (blob.length > PREFIX_CHARS && bytesAsText(Buffer.from(blob.slice(0, PREFIX_CHARS), 'base64')) === null)
    return null;
  return bytesAsText(Buffer.from(blob.slice(0, MAX_BLOB_CHARS), 'base64'));
}

function decodeHex(blob: string): string | null {
  const hex = blob.replace(/^0x|\\x/g, '');
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

/** Every encoded blob in `text` that decodes to readable text. */
export function findEncodedText(text: string): EncodedText[] {
  const found: EncodedText[] = [];
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
