/**
 * Where the words that text detectors look for occur in a text, found in one regex pass for all of
 * them and shared: a response is checked by half a dozen phrase sets (overrides, concealment, tool
 * calls, sending...) and word probes (role names, cipher names), and one alternation each meant a
 * pass or two each. A word set sees exactly the hits its own `/\b(?:word|...)\b/gi` (no `u` flag)
 * would find: a plain word can only match a whole run of ASCII word characters, and a compound
 * ("e-mail") is listed together with the plain words inside it ("mail"), which a set without the
 * compound must still see; `wordHits` drops a hit that starts inside the set's previous one.
 */

/** Words registered together; a handle for `wordHits`. */
export interface WordSet {
  readonly words: readonly string[];
}

/** One hit of a set's word: [start, end) and the word, lowercase, spaces as one space. */
export interface WordHit {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

const PLAIN = /^[a-z0-9_]+$/;
const WORD_RUN = /[A-Za-z0-9_]+/g;
/** The last texts indexed: the detectors of one field ask about the same string in turn. */
const RECENT = 2;

interface Vocabulary {
  readonly words: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /** The plain words (no space or hyphen) by id: a hit written in lower case is looked up as is. */
  readonly plainIds: ReadonlyMap<string, number>;
  readonly pattern: RegExp;
  /** Per registered set, each word id's index in the set's `words`, or -1 when it is not one of them. */
  readonly members: ReadonlyMap<WordSet, Int32Array>;
}

const sets: WordSet[] = [];
let vocabulary: Vocabulary | null = null;
const recent: { text: string; triples: readonly number[] }[] = [];

/** Registers lowercase words (a space stands for any whitespace); call at module load. */
export function wordSet(words: readonly string[]): WordSet {
  const set: WordSet = { words: [...new Set(words)] };
  sets.push(set);
  vocabulary = null;
  return set;
}

function build(): Vocabulary {
  const ids = new Map<string, number>();
  for (const set of sets) for (const word of set.words) if (!ids.has(word)) ids.set(word, ids.size);
  const members = new Map<WordSet, Int32Array>();
  for (const set of sets) {
    const member = new Int32Array(ids.size).fill(-1);
    set.words.forEach((word, index) => {
      member[ids.get(word)!] = index;
    });
    members.set(set, member);
  }
  const source = [...ids.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
  recent.length = 0;
  const plainIds = new Map([...ids].filter(([word]) => PLAIN.test(word)));
  return {
    words: [...ids.keys()],
    ids,
    plainIds,
    pattern: new RegExp(`\\b(?:${source})\\b`, 'gi'),
    members,
  };
}

/** Every registered word in `text`, as flat triples (start, end, word id) in text order. */
function allHits(text: string, vocab: Vocabulary): readonly number[] {
  for (const entry of recent) if (entry.text === text) return entry.triples;
  const triples: number[] = [];
  const { pattern, ids, plainIds } = vocab;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // Most hits are plain words in lower case: no copy to lowercase, no test for a compound.
    const same = plainIds.get(m[0]);
    if (same !== undefined) {
      triples.push(m.index, m.index + m[0].length, same);
      continue;
    }
    const found = m[0].toLowerCase();
    const plain = PLAIN.test(found);
    const id = ids.get(plain ? found : found.replace(/\s+/g, ' '));
    if (id === undefined) continue;
    triples.push(m.index, m.index + found.length, id);
    if (!plain) {
      for (const run of found.matchAll(WORD_RUN)) {
        const inner = ids.get(run[0]);
        if (inner !== undefined)
          triples.push(m.index + run.index, m.index + run.index + run[0].length, inner);
      }
    }
  }
  if (recent.length >= RECENT) recent.pop();
  recent.unshift({ text, triples });
  return triples;
}

/**
 * The set's words in `text`, in order, at most `limit` of them, as flat triples: start, end and
 * the word's index in `set.words`. What `wordHits` finds, without an object per hit.
 */
export function wordHitIndexes(text: string, set: WordSet, limit = Number.POSITIVE_INFINITY): number[] {
  vocabulary ??= build();
  const triples = allHits(text, vocabulary);
  const member = vocabulary.members.get(set);
  const out: number[] = [];
  if (member === undefined) return out;
  let lastEnd = -1;
  for (let i = 0; i < triples.length && out.length < limit * 3; i += 3) {
    const start = triples[i]!;
    const index = member[triples[i + 2]!]!;
    if (index < 0 || start < lastEnd) continue;
    lastEnd = triples[i + 1]!;
    out.push(start, lastEnd, index);
  }
  return out;
}

/** The set's words in `text`, in order, at most `limit` of them. */
export function wordHits(text: string, set: WordSet, limit = Number.POSITIVE_INFINITY): WordHit[] {
  const hits = wordHitIndexes(text, set, limit);
  const out: WordHit[] = [];
  for (let i = 0; i < hits.length; i += 3) {
    out.push({ start: hits[i]!, end: hits[i + 1]!, word: set.words[hits[i + 2]!]! });
  }
  return out;
}
