/**
 * Hand-written red-team lines: examples written against the attack classes (not generated from
 * templates), kept as finished corpus lines in `red-team/<file>.jsonl` and appended after the
 * generated lines of the same file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusCategory, CorpusLine } from './corpus-line.js';

const RED_TEAM_DIR = join(dirname(fileURLToPath(import.meta.url)), 'red-team');

/**
 * Reads the red-team lines for one corpus file (`null` = benign) and refuses any line that is not
 * JSON, is labelled for another file, or reuses an id of `generated` or of an earlier line.
 */
export function readRedTeamLines(
  category: CorpusCategory | null,
  generated: readonly CorpusLine[],
): CorpusLine[] {
  const name = `${category ?? 'benign'}.jsonl`;
  const path = join(RED_TEAM_DIR, name);
  if (!existsSync(path)) return [];
  const ids = new Set(generated.map((line) => line.id));
  const lines: CorpusLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const where = `red-team/${name}:${index + 1}`;
      let line: CorpusLine;
      try {
        line = JSON.parse(text) as CorpusLine;
      } catch (error) {
        throw new Error(`${where}: not JSON: ${(error as Error).message}`);
      }
      const expectedLabel = category === null ? 'benign' : 'attack';
      if (line.label !== expectedLabel || line.category !== category) {
        throw new Error(`${where}: expected label ${expectedLabel} and category ${category}`);
      }
      if (typeof line.id !== 'string' || ids.has(line.id))
        throw new Error(`${where}: missing or repeated id`);
      if (typeof line.note !== 'string' || typeof line.event !== 'object' || line.event === null) {
        throw new Error(`${where}: needs a note and an event object`);
      }
      ids.add(line.id);
      lines.push(line);
    });
  return lines;
}
