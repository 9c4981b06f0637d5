import type { DetectorMatch } from '../../detector.js';
import { clip, MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Text written with a space between every letter ("I g n o r e   y o u r ..."), which keyword
 * filters read as single letters and a model reads as words. Collapsed, it gets the same
 * instruction check as any hidden text.
 */

/** At least twelve characters each followed by one space (inside a word) or a few (between words). */
const SPACED_RUN = /(?:[A-Za-z0-9.,:;!?'] {1,3}){11,}[A-Za-z0-9.,:;!?']/g;

/** Twelve characters and the eleven spaces between them. */
const MIN_RUN = 23;
/**
 * Three single characters in a row, each between spaces: every run holds them (its second to
 * fourth characters), and prose rarely does, so this cheaper test spares most text SPACED_RUN.
 */
const SPACED_HINT = / [A-Za-z0-9.,:;!?'] {1,3}[A-Za-z0-9.,:;!?'] {1,3}[A-Za-z0-9.,:;!?'] /;

/**
 * Letters joined by one separator ("I-g-n-o-r-e a-l-l p-r-e-v-i-o-u-s"): words of at least three
 * letters, spaces between words, twelve letters in all. The separator must repeat within a word.
 */
const JOINED_RUN =
  /(?<![\w*-])[A-Za-z0-9]([-_*])[A-Za-z0-9](?:\1[A-Za-z0-9])+(?:[ \t]+[A-Za-z0-9](?:\1[A-Za-z0-9])+)+/g;
const JOINED_HINT = /[A-Za-z0-9]([-_*])[A-Za-z0-9]\1[A-Za-z0-9]\1[A-Za-z0-9]/;
const MIN_JOINED_LETTERS = 12;

function findJoined(text: string, check: (collapsed: string) => string | null, out: DetectorMatch[]): void {
  if (!JOINED_HINT.test(text)) return;
  for (const m of matchesIn(JOINED_RUN, text)) {
    const separator = m[1] ?? '-';
    const collapsed = m[0]
      .split(separator)
      .join('')
      .replace(/[ \t]+/g, ' ');
    if (collapsed.replace(/ /g, '').length < MIN_JOINED_LETTERS) continue;
    const reason = check(collapsed);
    if (reason !== null) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        detail: `letters joined by "${separator}" (${reason}): "${clip(collapsed)}"`,
      });
    }
    if (out.length >= MAX_MATCHES) return;
  }
}

/** Spaced-out (or separator-joined) runs whose collapsed text passes `check` (a reason, or null). */
export function findSpacedInstructions(
  text: string,
  check: (collapsed: string) => string | null,
): DetectorMatch[] {
  if (text.length < MIN_RUN) return [];
  const out: DetectorMatch[] = [];
  findJoined(text, check, out);
  if (!SPACED_HINT.test(text)) return out;
  for (const m of matchesIn(SPACED_RUN, text)) {
    // Single spaces join letters; the wider gaps between words become one space.
    const collapsed = m[0]
      .split(/ {2,}/)
      .map((word) => word.replace(/ /g, ''))
      .join(' ');
    const reason = check(collapsed);
    if (reason !== null) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        detail: `letters spaced apart (${reason}): "${clip(collapsed)}"`,
      });
    }
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}
