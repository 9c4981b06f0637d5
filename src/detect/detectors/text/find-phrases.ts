import type { DetectorMatch } from '../../detector.js';
import { type WordSet, wordHitIndexes, wordSet } from './anchor-index.js';
import { matchesIn } from './regex-matches.js';

/** Detectors read at most this much of a value: attacks sit early, and the cap bounds work per field. */
export const MAX_SCAN_CHARS = 1_000_000;

/** Stop after this many matches in one field: a few are enough to raise a finding. */
export const MAX_MATCHES = 50;

/** The part of a value a detector scans; indexes into it are indexes into the value. */
export function scanWindow(value: string): string {
  return value.length > MAX_SCAN_CHARS ? value.slice(0, MAX_SCAN_CHARS) : value;
}

/** One pattern (global flag) with the explanation its matches carry. */
export interface Phrase {
  readonly pattern: RegExp;
  readonly detail: string;
  /**
   * Whole words (lowercase; a space stands for any whitespace), one of which every match contains.
   * Only text around these words is searched, which keeps a dozen phrases to about one pass.
   */
  readonly anchors: readonly string[];
  /** Rejects look-alikes the regex alone cannot tell apart; `context` is the searched window. */
  readonly accept?: (match: RegExpExecArray, context: string) => boolean;
}

/** Phrases indexed by their anchor words. */
export interface PhraseSet {
  readonly phrases: readonly Phrase[];
  readonly byAnchor: ReadonlyMap<string, readonly number[]>;
  /** The anchors in the shared word index (anchor-index.ts). */
  readonly anchors: WordSet;
  /** The phrases of each anchor, by the anchor's index in `anchors.words`. */
  readonly byWord: readonly (readonly number[])[];
}

/** How far around an anchor word a phrase may reach. */
const WINDOW_BEFORE = 200;
const WINDOW_AFTER = 400;
/**
 * Anchor hits looked at per value. Ordinary text has a few per kilobyte; a value stuffed with
 * anchor words would otherwise make every phrase regex crawl the whole of it.
 */
const MAX_ANCHOR_HITS = 10_000;

/** Anchor words written as one space-separated string. */
export function words(list: string): readonly string[] {
  return list.split(' ');
}

/** Builds the anchor index for a list of phrases (once, at module load). */
export function phraseSet(phrases: readonly Phrase[]): PhraseSet {
  const byAnchor = new Map<string, number[]>();
  phrases.forEach((phrase, index) => {
    // matchesIn relies on it, as matchAll did.
    if (!phrase.pattern.global) throw new Error(`phrase pattern without the g flag: ${phrase.pattern}`);
    for (const anchor of phrase.anchors) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), index]);
  });
  const anchors = wordSet([...byAnchor.keys()]);
  return { phrases, byAnchor, anchors, byWord: anchors.words.map((word) => byAnchor.get(word) ?? []) };
}

/**
 * Prefilter literals (caseless) for a set: every match holds an anchor as a whole word, so it
 * holds the anchor's longest space-free piece (a space in an anchor stands for any whitespace).
 */
export function anchorLiterals(set: PhraseSet): string[] {
  return [...set.byAnchor.keys()].map(
    (anchor) => anchor.split(' ').sort((a, b) => b.length - a.length)[0] ?? anchor,
  );
}

/**
 * Merged windows around the anchor hits, per phrase: `order` lists the phrases in the order their
 * first window appeared, and `windows[index]` holds that phrase's windows as flat start, end pairs.
 */
interface PhraseWindows {
  readonly order: readonly number[];
  readonly windows: readonly (number[] | undefined)[];
}

const NO_WINDOWS: PhraseWindows = { order: [], windows: [] };

/** Merged [start, end) windows around each anchor hit, per phrase index. */
function windowsByPhrase(text: string, set: PhraseSet): PhraseWindows {
  const hits = wordHitIndexes(text, set.anchors, MAX_ANCHOR_HITS);
  // Most text holds none of a set's anchor words.
  if (hits.length === 0) return NO_WINDOWS;
  const order: number[] = [];
  const windows: (number[] | undefined)[] = [];
  for (let h = 0; h < hits.length; h += 3) {
    const start = Math.max(0, hits[h]! - WINDOW_BEFORE);
    const end = Math.min(text.length, hits[h]! + WINDOW_AFTER);
    for (const index of set.byWord[hits[h + 2]!]!) {
      const list = windows[index];
      if (list === undefined) {
        windows[index] = [start, end];
        order.push(index);
      } else if (start <= list[list.length - 1]!) {
        list[list.length - 1] = Math.max(list[list.length - 1]!, end);
      } else {
        list.push(start, end);
      }
    }
  }
  return { order, windows };
}

/** Every accepted match of the phrases in `text`, earliest first, overlaps dropped. */
export function findPhrases(text: string, set: PhraseSet, limit = MAX_MATCHES): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  const { order, windows } = windowsByPhrase(text, set);
  for (const index of order) {
    const phrase = set.phrases[index];
    const list = windows[index];
    if (!phrase || !list) continue;
    for (let w = 0; w < list.length; w += 2) {
      const start = list[w]!;
      const context = text.slice(start, list[w + 1]);
      for (const m of matchesIn(phrase.pattern, context)) {
        if (phrase.accept && !phrase.accept(m, context)) continue;
        found.push({ start: start + m.index, end: start + m.index + m[0].length, detail: phrase.detail });
        if (found.length >= limit) return dropOverlaps(found);
      }
    }
  }
  return found.length === 0 ? found : dropOverlaps(found);
}

/** The first accepted phrase's detail, or null: for yes/no checks on decoded or hidden text. */
export function firstPhrase(text: string, set: PhraseSet): string | null {
  return findPhrases(text, set, 1)[0]?.detail ?? null;
}

/** Keeps the earliest (then longest) of overlapping matches so one passage yields one match. */
export function dropOverlaps(matches: readonly DetectorMatch[]): DetectorMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DetectorMatch[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}

/** Shifts matches found in a substring back to positions in the whole value. */
export function shiftMatches(matches: readonly DetectorMatch[], offset: number): DetectorMatch[] {
  return matches.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
}

/** Shortens text for a `detail` string, keeping it on one line. */
export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
