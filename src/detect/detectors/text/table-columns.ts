/**
 * Columns of the tables tools print: CSV, TSV, semicolon or pipe separated, markdown. Query
 * results name a column once, in the header, and the values run on far below it, out of reach of
 * a label window; a header cell names every cell under it.
 */

const SEPARATORS = ['|', '\t', ',', ';'] as const;
/** Rows read below a header: a dump longer than this has shown what it holds by then. */
const MAX_ROWS = 2000;

/** A cell's trimmed span in the text. */
export type CellSpan = readonly [start: number, end: number];

/**
 * The cells of the first column whose header cell passes `names` (given the cell trimmed and
 * lowercased, spaces and dashes as `_`), from the first header line that has one. Each later line
 * holding that many cells gives its cell; none when no header names such a column.
 */
export function columnCells(text: string, names: (cell: string) => boolean): CellSpan[] {
  const lines = lineSpans(text);
  for (let i = 0; i < lines.length - 1; i++) {
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
