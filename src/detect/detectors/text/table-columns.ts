/**
 * Columns of the tables tools print: CSV, TSV, semicolon or pipe separated, markdown. Query
 * results name a column once, in the header, and the values run on far below it, out of reach of
 * a label window; a header cell names every cell under it.
 */

import { matchesIn } from './regex-matches.js';

const SEPARATORS = ['|', '\t', ',', ';'] as const;
/** Rows read below a header: a dump longer than this has shown what it holds by then. */
const MAX_ROWS = 2000;

/** A cell's trimmed span in the text. */
export type CellSpan = readonly [start: number, end: number];

/**
 * The cells of the first column whose header cell passes `names` (given the cell trimmed and
 * lowercased, spaces and dashes as `_`), from the first header line that has one. Each later line
 * holding that many cells gives its cell; none when no header names such a column. With `hint`
 * (a global regex every accepted header cell matches), only the lines it matches on are split as
 * headers: splitting every line of a page that only mentions a "hotel" cost more than the
 * detector's own scan.
 */
export function columnCells(text: string, names: (cell: string) => boolean, hint?: RegExp): CellSpan[] {
  if (hint !== undefined && text.search(hint) === -1) return [];
  const lines = lineSpans(text);
  const candidates = hint === undefined ? lines.keys() : hintedLines(text, lines, hint);
  for (const i of candidates) {
    if (i >= lines.length - 1) break;
    const [lineStart, lineEnd] = lines[i]!;
    const header = text.slice(lineStart, lineEnd);
    for (const separator of SEPARATORS) {
      if (!header.includes(separator)) continue;
      const column = header.split(separator).findIndex((cell) =>
        names(
          cell
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      );
      if (column === -1) continue;
      const cells: CellSpan[] = [];
      for (const [start, end] of lines.slice(i + 1)) {
        const cell = cellAt(text, start, end, separator, column);
        if (cell !== null && cell[1] > cell[0]) cells.push(cell);
      }
      return cells;
    }
  }
  return [];
}

/** The indexes of the lines `hint` matches on, in order, each once. */
function* hintedLines(text: string, lines: ReadonlyArray<[number, number]>, hint: RegExp): Iterable<number> {
  let next = 0;
  for (const m of matchesIn(hint, text)) {
    while (next < lines.length && lines[next]![1] < m.index) next++;
    if (next >= lines.length) return;
    // Another match on a line already given.
    if (m.index < lines[next]![0]) continue;
    yield next++;
  }
}

function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    spans.push([start, end === -1 ? text.length : end]);
    if (end === -1 || spans.length > MAX_ROWS) return spans;
    start = end + 1;
  }
}

/** The trimmed span of cell `column` of a row, or null when the row has fewer cells. */
function cellAt(
  text: string,
  start: number,
  end: number,
  separator: string,
  column: number,
): CellSpan | null {
  let cellStart = start;
  for (let n = 0; n < column; n++) {
    const next = text.indexOf(separator, cellStart);
    if (next === -1 || next >= end) return null;
    cellStart = next + 1;
  }
  const next = text.indexOf(separator, cellStart);
  let cellEnd = next === -1 || next >= end ? end : next;
  while (cellStart < cellEnd && isSpace(text.charCodeAt(cellStart))) cellStart++;
  while (cellEnd > cellStart && isSpace(text.charCodeAt(cellEnd - 1))) cellEnd--;
  return [cellStart, cellEnd];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 160;
}
