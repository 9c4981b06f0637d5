import type { Rng } from './rng.js';

/**
 * Ways attackers disguise instruction text so that naive keyword matching misses it. Each takes
 * plain text and returns text that a model still reads (or decodes) as the same instruction.
 */

const ZERO_WIDTH = ['\u200b', '\u200c', '\u2060', '\ufeff'];

/** Splits words with invisible zero-width characters. */
export function zeroWidth(rng: Rng, text: string): string {
  return text.replace(/[a-z]{4,}/gi, (word) => {
    const at = rng.int(1, word.length - 1);
    return word.slice(0, at) + rng.pick(ZERO_WIDTH) + word.slice(at);
  });
}

const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', i: 'і', x: 'х', y: 'у' };

/** Swaps some Latin letters for Cyrillic look-alikes. */
export function homoglyphs(rng: Rng, text: string): string {
  return [...text].map((ch) => (HOMOGLYPHS[ch] && rng.chance(0.5) ? HOMOGLYPHS[ch] : ch)).join('');
}

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

export function leetspeak(text: string): string {
  return [...text].map((ch) => LEET[ch.toLowerCase()] ?? ch).join('');
}

export function randomCase(rng: Rng, text: string): string {
  return [...text].map((ch) => (rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

/** Letters spaced apart ("i g n o r e"), words separated by a wider gap. */
export function spacedOut(text: string): string {
  return text
    .split(' ')
    .map((word) => [...word].join(' '))
    .join('   ');
}

/** Fullwidth forms (ｉｇｎｏｒｅ), which NFKC folds back to ASCII. */
export function fullwidth(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : ch;
    })
    .join('');
}

/** Invisible Unicode tag characters (U+E0000 block): "ASCII smuggling". */
export function unicodeTags(text: string): string {
  return [...text].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export function htmlEntities(text: string): string {
  return [...text].map((ch) => (/[a-z]/i.test(ch) ? `&#${ch.charCodeAt(0)};` : ch)).join('');
}

export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** Bidirectional override around the text (Trojan Source style: rendered reversed). */
export function bidiReversed(text: string): string {
  return `\u202e${[...text].reverse().join('')}\u202c`;
}
