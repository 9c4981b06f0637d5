import { Buffer } from 'node:buffer';
import type { DetectorMatch } from '../../detector.js';
import { clip, dropOverlaps, MAX_MATCHES } from './find-phrases.js';
import { describeInstruction } from './instruction-check.js';
import { matchesIn } from './regex-matches.js';

/**
 * Characters a reader cannot see but a model reads. Legitimate uses are left alone: the tag
 * characters of subdivision flags (🏴 + tags + cancel tag), zero-width joiners between emoji,
 * ZWNJ/ZWJ in scripts that need them, a leading BOM, and bidi embeddings inside right-to-left text.
 */

/** One character class (high surrogate U+DB40 stands for the tag block) so the common no-hit case is one fast pass. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each code unit is looked for alone; variation selectors are what it hunts
const ANY_INVISIBLE = /[\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFE00-\uFE0F\uFEFF\uDB40]/;
/** The characters of ANY_INVISIBLE, as prefilter literals: every finding holds one. */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  ...'\u200B\u200C\u200D\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF\uDB40',
  ...Array.from({ length: 16 }, (_, i) => String.fromCharCode(0xfe00 + i)),
];
/**
 * Variation selectors in a row: one after an emoji picks its style, a run encodes bytes (one
 * byte per selector, U+FE00–FE0F for 0–15 and U+E0100–E01EF for 16–255: "emoji smuggling").
 */
const VARIATION_RUN = /(?:[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]){3,}/g;
const TAG_RUN = /(\u{1F3F4})?([\u{E0000}-\u{E007F}]+)/gu;
const FLAG_TAGS = /^[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{2,6}\u{E007F}$/u;
const ZERO_WIDTH_RUN = /[\u200B-\u200D\u2060\uFEFF]+/g;
const ZERO_WIDTH_ALL = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Letters of scripts where a zero-width character has no business inside a word. */
const WORD_CHAR = /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
const WORD_OR_ZERO_WIDTH = /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u200B-\u200D\u2060\uFEFF]/;
const BIDI_RUN = /[\u202A-\u202E\u2066-\u2069]+/g;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const BIDI_OVERRIDE = /[\u202D\u202E]/;
/** Zero-width runs this long encode data (zero-width steganography), not typography. */
const STEGO_RUN = 3;
/** Hidden text is decoded this far (UTF-16 units, two per tag character); enough to judge it. */
const MAX_DECODE = 8192;

export interface InvisibleOptions {
  /** Report a single zero-width character inside a word and any bidi control (tool descriptions). */
  readonly strict?: boolean;
}

/** The ASCII text that Unicode tag characters (U+E0020–U+E007E) spell. */
export function decodeTagCharacters(run: string): string {
  let out = '';
  for (const ch of run) {
    const code = (ch.codePointAt(0) ?? 0) - 0xe0000;
    if (code >= 0x20 && code < 0x7f) out += String.fromCharCode(code);
  }
  return out;
}

/** The text with zero-width characters removed, as a model tokenizer would effectively read it. */
export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH_ALL, '');
}

function findTagRuns(text: string): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  for (const m of matchesIn(TAG_RUN, text)) {
    const run = m[2] ?? '';
    if (m[1] && FLAG_TAGS.test(run)) continue;
    const start = m.index + (m[1]?.length ?? 0);
    const hidden = decodeTagCharacters(run.slice(0, MAX_DECODE));
    const instruction = describeInstruction(hidden);
    const what = instruction ? `hidden ${instruction}` : 'hidden text';
    found.push({
      start,
      end: start + run.length,
      detail: `Unicode tag characters (${what}): "${clip(hidden)}"`,
    });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** The bytes a run of variation selectors encodes, read as UTF-8. */
export function decodeVariationSelectors(run: string): string {
  const bytes: number[] = [];
  for (const ch of run) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xfe00 && code <= 0xfe0f) bytes.push(code - 0xfe00);
    else if (code >= 0xe0100 && code <= 0xe01ef) bytes.push(code - 0xe0100 + 16);
    if (bytes.length >= MAX_DECODE) break;
  }
  return Buffer.from(bytes).toString('utf8');
}

function findVariationRuns(text: string): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  for (const m of matchesIn(VARIATION_RUN, text)) {
    const hidden = decodeVariationSelectors(m[0]);
    const instruction = describeInstruction(hidden);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      detail: `variation selectors encoding ${instruction ? `a hidden ${instruction}` : 'hidden bytes'}: "${clip(hidden)}"`,
    });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** A word is at most this long; a megabyte of letters and zero-width characters is not one word. */
const MAX_WORD = 64;

function wordAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && start - s < MAX_WORD && WORD_OR_ZERO_WIDTH.test(text[s - 1] ?? '')) s--;
  while (e < text.length && e - end < MAX_WORD && WORD_OR_ZERO_WIDTH.test(text[e] ?? '')) e++;
  return [s, e];
}

function findZeroWidth(text: string, strict: boolean): DetectorMatch[] {
  const runs: DetectorMatch[] = [];
  const words: DetectorMatch[] = [];
  for (const m of matchesIn(ZERO_WIDTH_RUN, text)) {
    const end = m.index + m[0].length;
    if (runs.length + words.length >= MAX_MATCHES) break;
    if (m[0].length >= STEGO_RUN) {
      runs.push({
        start: m.index,
        end,
        detail: `${m[0].length} zero-width characters in a row (hidden data)`,
      });
      continue;
    }
    const last = words[words.length - 1];
    if (last && m.index < last.end) continue;
    const before = WORD_CHAR.test(text[m.index - 1] ?? '');
    const after = WORD_CHAR.test(text[end] ?? '');
    // In a tool description one beside a word counts too ("\u200BIMPORTANT\u200B:").
    if (!(before && after) && !(strict && (before || after))) continue;
    const [start, stop] = wordAround(text, m.index, end);
    words.push({
      start,
      end: stop,
      detail: `zero-width characters inside "${clip(stripZeroWidth(text.slice(start, stop)))}"`,
    });
  }
  // One split word can be a copy-paste accident; several, or one that hides an instruction, are not.
  const keepWords = strict || words.length >= 2 || words.some((w) => hidesInstruction(text, w));
  return (keepWords ? [...runs, ...words] : runs).slice(0, MAX_MATCHES * 2);
}

function hidesInstruction(text: string, word: DetectorMatch): boolean {
  const around = text.slice(Math.max(0, word.start - 200), word.end + 200);
  return describeInstruction(stripZeroWidth(around)) !== null;
}

function findBidi(text: string, strict: boolean): DetectorMatch[] {
  const rightToLeft = RTL_LETTER.test(text);
  const found: DetectorMatch[] = [];
  for (const m of matchesIn(BIDI_RUN, text)) {
    // Embeddings and isolates are normal in Arabic/Hebrew text; overrides rarely are.
    if (rightToLeft && !strict && !BIDI_OVERRIDE.test(m[0])) continue;
    const codes = [...m[0]].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      detail: `bidirectional control ${codes.join(' ')}`,
    });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** Invisible tag characters, zero-width characters inside words, and bidi controls in `text`. */
export function findInvisibleUnicode(text: string, options: InvisibleOptions = {}): DetectorMatch[] {
  if (!ANY_INVISIBLE.test(text)) return [];
  const strict = options.strict === true;
  const found = [
    ...findTagRuns(text),
    ...findVariationRuns(text),
    ...findZeroWidth(text, strict),
    ...findBidi(text, strict),
  ];
  return dropOverlaps(found).slice(0, MAX_MATCHES);
}
