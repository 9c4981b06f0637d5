import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATEGORIES, type Category } from '../../src/core/index.js';

/** One labelled example as stored in a corpus .jsonl file. */
export interface CorpusEntry {
  /** The line's own `id`, or `<file>:<line>` when it has none (held-out corpora may omit ids). */
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly label: 'attack' | 'benign';
  readonly category: Category | null;
  readonly note: string;
  readonly event: unknown;
}

export interface CorpusProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface Corpus {
  readonly entries: readonly CorpusEntry[];
  readonly problems: readonly CorpusProblem[];
}

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

/** Reads every `*.jsonl` file of a corpus directory; malformed lines become problems, not exceptions. */
export function readCorpus(dir: string): Corpus {
  const entries: CorpusEntry[] = [];
  const problems: CorpusProblem[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  for (const name of files) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((text, index) => {
      if (text.trim() === '') return;
      const parsed = parseEntry(basename(name), index + 1, text);
      if ('message' in parsed) problems.push(parsed);
      else entries.push(parsed);
    });
  }
  return { entries, problems };
}

function parseEntry(file: string, line: number, text: string): CorpusEntry | CorpusProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { file, line, message: `not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { file, line, message: 'line is not a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const { label, category, note, event, id } = record;
  if (label !== 'attack' && label !== 'benign')
    return { file, line, message: `bad label ${JSON.stringify(label)}` };
  if (label === 'attack' && (typeof category !== 'string' || !CATEGORY_SET.has(category))) {
    return { file, line, message: `attack with bad category ${JSON.stringify(category)}` };
  }
  if (label === 'benign' && category !== null && category !== undefined) {
    return { file, line, message: 'benign line must have category null' };
  }
  if (typeof note !== 'string' || note === '') return { file, line, message: 'missing note' };
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return { file, line, message: 'event is not an object' };
  }
  return {
    id: typeof id === 'string' && id !== '' ? id : `${file}:${line}`,
    file,
    line,
    label,
    category: label === 'attack' ? (category as Category) : null,
    note,
    event,
  };
}
