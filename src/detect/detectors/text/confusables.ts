import { matchesIn } from './regex-matches.js';

/**
 * Undoes the cheap disguises that keep keyword filters from reading an instruction while a model
 * still does: fullwidth letters (ＩＧＮＯＲＥ), Cyrillic and Greek look-alikes inside Latin words
 * (іgnоre), and leetspeak (1n57ruc710n). Every replacement is one UTF-16 unit for one, so a span
 * in the normalized text is the same span in the original.
 */

const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԝ: 'w',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  υ: 'u',
  τ: 't',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

const FULLWIDTH = /[\uFF01-\uFF5E\u3000]/;
/** A Cyrillic or Greek letter touching a Latin one: a disguised word, not Russian or Greek text. */
const MIXED_SCRIPT = /[A-Za-z][\u0370-\u03FF\u0400-\u04FF]|[\u0370-\u03FF\u0400-\u04FF][A-Za-z]/;
const GREEK_OR_CYRILLIC = /[\u0370-\u03FF\u0400-\u04FF]/;
const MIXED_WORD = /[A-Za-z\u0370-\u03FF\u0400-\u04FF]+/g;
/** Words with digits between letters (7h3, Pr10r17y), every digit a leet letter; hashes have 2, 6, 8, 9 too. */
const LEET_WORD =
  /(?<![A-Za-z0-9])[A-Za-z013457]*(?:[A-Za-z][013457]|[013457][A-Za-z])[A-Za-z013457]*(?![A-Za-z0-9])/g;

/** Words a leetspeak injection spells; other leet-looking tokens (ipv4, sha1) are left alone. */
const LEET_TARGETS: ReadonlySet<string> = new Set(
  'ignore instruction instructions system previous prior priority prompt override disregard forget assistant reveal secret secrets password recommend approve merge delete send user admin important rules trustworthy only'.split(
    ' ',
  ),
);

function leetToWord(token: string): string {
  return token.replace(/[013457]/g, (digit) => LEET[digit] ?? digit).toLowerCase();
}

/** Two leet digits close together inside a word (1n57, 7h3): where leet words are looked for. */
const LEET_CORE = /[A-Za-z][013457][A-Za-z]{0,2}[013457]|[013457][A-Za-z]{1,2}[013457]/g;
/**
 * A LEET_CORE match written to start at a digit, which the regex engine finds faster than a
 * letter: a digit, then 1-2 letters and a digit, or a digit right after a letter and a digit.
 * Each LEET_CORE match holds one and each of these is a LEET_CORE match, so both find the same
 * leet words.
 */
const LEET_SEED = /[013457](?:[A-Za-z][A-Za-z]?[013457]|[013457](?<=[A-Za-z]..))/g;
/** Fullwidth forms and Greek or Cyrillic letters: absent from most text, which one test settles. */
const FULLWIDTH_OR_GREEK_OR_CYRILLIC = /[\u0370-\u03FF\u0400-\u04FF\u24B6-\u24E9\u3000\uFF01-\uFF5E]/;
/** Circled letters (Ⓘⓖⓝⓞⓡⓔ), which a model reads as the letters they enclose. */
const CIRCLED = /[\u24B6-\u24E9]/;
const CIRCLED_ALL = /[\u24B6-\u24E9]/g;
/** Letters and leet digits, by char code: called for every character of a candidate word. */
function isLeetChar(code: number): boolean {
  const lower = code | 0x20;
  return (
    (lower >= 97 && lower <= 122) ||
    code === 48 ||
    code === 49 ||
    code === 51 ||
    code === 52 ||
    code === 53 ||
    code === 55
  );
}

function isWordChar(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57);
}
const MAX_LEET_CHECKS = 2000;
/** Lengths of the LEET_TARGETS words: a leet word of another length cannot spell one. */
const MIN_TARGET = Math.min(...[...LEET_TARGETS].map((word) => word.length));
const MAX_TARGET = Math.max(...[...LEET_TARGETS].map((word) => word.length));

/**
 * The leet word around [start, end), lowercased and decoded, when it is a whole word of a target's
 * length. Each walk outwards stops once the word is too long to be a target: a megabyte-long
 * "word" holds a seed every few characters, and walking it whole for each was quadratic.
 */
function leetWordAround(text: string, start: number, end: number): string | null {
  let from = start;
  let to = end;
  const floor = Math.max(0, end - MAX_TARGET - 1);
  while (from > floor && isLeetChar(text.charCodeAt(from - 1))) from--;
  const ceiling = Math.min(text.length, from + MAX_TARGET + 1);
  while (to < ceiling && isLeetChar(text.charCodeAt(to))) to++;
  if (to - from > MAX_TARGET) return null;
  if ((from > 0 && isWordChar(text.charCodeAt(from - 1))) || isWordChar(text.charCodeAt(to))) return null;
  if (to - from < MIN_TARGET) return null;
  return leetToWord(text.slice(from, to));
}

/** True when some leet-looking word of `text` spells a word injections use. */
function spellsTarget(text: string): boolean {
  LEET_SEED.lastIndex = 0;
  const first = LEET_SEED.exec(text);
  if (first === null) return false;
  // Matches are 3+ characters apart, so below this length the cap on checks cannot be reached
  // and the order the words are checked in does not matter.
  if (text.length <= MAX_LEET_CHECKS * 3) {
    for (let m: RegExpExecArray | null = first; m !== null; m = LEET_SEED.exec(text)) {
      const word = leetWordAround(text, m.index, m.index + m[0].length);
      if (word !== null && LEET_TARGETS.has(word)) return true;
    }
    return false;
  }
  let checks = 0;
  LEET_CORE.lastIndex = 0;
  for (let m = LEET_CORE.exec(text); m !== null; m = LEET_CORE.exec(text)) {
    if (++checks > MAX_LEET_CHECKS) return false;
    const word = leetWordAround(text, m.index, m.index + m[0].length);
    if (word !== null && LEET_TARGETS.has(word)) return true;
  }
  return false;
}

export interface Normalized {
  readonly text: string;
  /** What was undone, for the match detail. */
  readonly kinds: readonly string[];
  /** 1 at each index whose character changed; a match must cover one to be news. */
  readonly changed: Uint8Array;
}

const FULLWIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;
const LATIN = /[A-Za-z]/;
const NOT_LATIN = /[^A-Za-z]/;

/**
 * The characters a normalization replaces, by index: each disguise undone here is one character
 * for one. A typed array rather than a Map: a text of a million circled letters spent most of its
 * time hashing and then sorting a million Map keys.
 */
class Swaps {
  readonly codes: Uint16Array;
  size = 0;

  constructor(length: number) {
    this.codes = new Uint16Array(length);
  }

  set(index: number, char: string): void {
    if (this.codes[index] === 0) this.size++;
    this.codes[index] = char.charCodeAt(0);
  }
}

/** Fullwidth forms to ASCII, and the ideographic space to a space. */
function undoFullwidth(text: string, swaps: Swaps): void {
  for (const m of matchesIn(FULLWIDTH_ALL, text)) {
    const code = m[0].charCodeAt(0);
    swaps.set(m.index, code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0));
  }
}

/** Circled capitals (U+24B6–24CF) and small letters (U+24D0–24E9) to ASCII. */
function undoCircled(text: string, swaps: Swaps): void {
  for (const m of matchesIn(CIRCLED_ALL, text)) {
    const code = m[0].charCodeAt(0);
    swaps.set(m.index, String.fromCharCode(code < 0x24d0 ? code - 0x24b6 + 65 : code - 0x24d0 + 97));
  }
}

/** Greek and Cyrillic look-alikes inside words that also hold Latin letters. */
function undoLookalikes(text: string, swaps: Swaps): void {
  for (const m of matchesIn(MIXED_WORD, text)) {
    if (!LATIN.test(m[0]) || !NOT_LATIN.test(m[0])) continue;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const latin = LOOKALIKES[text[i] ?? ''];
      if (latin) swaps.set(i, latin);
    }
  }
}

/** Leet digits inside words with at least two letters. */
function undoLeet(text: string, swaps: Swaps): void {
  for (const m of matchesIn(LEET_WORD, text)) {
    let letters = 0;
    for (let i = 0; i < m[0].length && letters < 2; i++) if (isLetter(m[0].charCodeAt(i))) letters++;
    if (letters < 2) continue;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const letter = LEET[text[i] ?? ''];
      if (letter) swaps.set(i, letter);
    }
  }
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The text with disguises undone, or null when it has none. */
export function normalizeConfusables(text: string): Normalized | null {
  const exotic = FULLWIDTH_OR_GREEK_OR_CYRILLIC.test(text);
  const fullwidth = exotic && FULLWIDTH.test(text);
  // The cheap class test first: most text has no Greek or Cyrillic letter at all.
  const mixed = exotic && GREEK_OR_CYRILLIC.test(text) && MIXED_SCRIPT.test(text);
  const circled = exotic && CIRCLED.test(text);
  const leet = spellsTarget(text);
  if (!fullwidth && !mixed && !circled && !leet) return null;
  // Each kind reads the original text and changes its own characters (the kinds share none), so
  // only the changed characters are collected, and the text is rebuilt once around them.
  const swaps = new Swaps(text.length);
  const kinds: string[] = [];
  if (fullwidth) {
    kinds.push('fullwidth letters');
    undoFullwidth(text, swaps);
  }
  if (circled) {
    kinds.push('circled letters');
    undoCircled(text, swaps);
  }
  if (mixed) {
    kinds.push('look-alike letters');
    undoLookalikes(text, swaps);
  }
  if (leet) {
    kinds.push('leetspeak');
    undoLeet(text, swaps);
  }
  if (swaps.size === 0) return null;
  const changed = new Uint8Array(text.length);
  const { codes } = swaps;
  const parts: string[] = [];
  let from = 0;
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]!;
    if (code === 0) continue;
    parts.push(text.slice(from, index), String.fromCharCode(code));
    changed[index] = 1;
    from = index + 1;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), kinds, changed };
}
