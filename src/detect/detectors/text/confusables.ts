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
const LEET_PROBE = new RegExp(LEET_CORE.source);
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

/** True when some leet-looking word of `text` spells a word injections use. */
function spellsTarget(text: string): boolean {
  if (!LEET_PROBE.test(text)) return false;
  let checks = 0;
  for (const m of matchesIn(LEET_CORE, text)) {
    if (++checks > MAX_LEET_CHECKS) return false;
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isLeetChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isLeetChar(text.charCodeAt(end))) end++;
    if ((start > 0 && isWordChar(text.charCodeAt(start - 1))) || isWordChar(text.charCodeAt(end))) continue;
    if (LEET_TARGETS.has(leetToWord(text.slice(start, end)))) return true;
  }
  return false;
}

export interface Normalized {
  readonly text: string;
  /** What was undone, for the match detail. */
  readonly kinds: readonly string[];
  /** Indexes whose character changed; a match must cover one to be news. */
  readonly changed: ReadonlySet<number>;
}

/** The text with disguises undone, or null when it has none. */
export function normalizeConfusables(text: string): Normalized | null {
  const fullwidth = FULLWIDTH.test(text);
  // The cheap class test first: most text has no Greek or Cyrillic letter at all.
  const mixed = GREEK_OR_CYRILLIC.test(text) && MIXED_SCRIPT.test(text);
  const leet = spellsTarget(text);
  if (!fullwidth && !mixed && !leet) return null;
  const chars = text.split('');
  const changed = new Set<number>();
  const kinds: string[] = [];
  if (fullwidth) {
    kinds.push('fullwidth letters');
    chars.forEach((ch, i) => {
      const code = ch.charCodeAt(0);
      if (code === 0x3000) chars[i] = ' ';
      else if (code >= 0xff01 && code <= 0xff5e) chars[i] = String.fromCharCode(code - 0xfee0);
      else return;
      changed.add(i);
    });
  }
  if (mixed) {
    kinds.push('look-alike letters');
    for (const m of matchesIn(MIXED_WORD, text)) {
      if (!/[A-Za-z]/.test(m[0]) || !/[^A-Za-z]/.test(m[0])) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        const latin = LOOKALIKES[text[i] ?? ''];
        if (latin) {
          chars[i] = latin;
          changed.add(i);
        }
      }
    }
  }
  if (leet) {
    kinds.push('leetspeak');
    for (const m of matchesIn(LEET_WORD, text)) {
      if ((m[0].match(/[A-Za-z]/g)?.length ?? 0) < 2) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        const letter = LEET[text[i] ?? ''];
        if (letter) {
          chars[i] = letter;
          changed.add(i);
        }
      }
    }
  }
  return changed.size === 0 ? null : { text: chars.join(''), kinds, changed };
}
