/**
 * Where a JSON text first goes wrong. V8's JSON.parse messages carry a position only for some
 * errors (and differ between Node versions), so we find it ourselves: a small iterative
 * validator (no recursion, so deep nesting cannot overflow the stack). Only runs on bad input.
 */
export function locateJsonError(text: string): number {
  const stack: Array<'object' | 'array'> = [];
  let i = skipSpace(text, 0);
  let expectValue = true;
  while (i < text.length) {
    const c = text[i];
    if (expectValue) {
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? 'object' : 'array');
        i = skipSpace(text, i + 1);
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          expectValue = false;
        } else if (c === '{') {
          const end = scanString(text, i);
          if (!(end >= 0)) return failureAt(end, i);
          i = skipSpace(text, end);
          if (text[i] !== ':') return i;
          i = skipSpace(text, i + 1);
        }
        continue;
      }
      const end = c === '"' ? scanString(text, i) : scanLiteral(text, i);
      if (!(end >= 0)) return failureAt(end, i);
      i = skipSpace(text, end);
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (c === ',') {
      i = skipSpace(text, i + 1);
      if (top === 'object') {
        const end = scanString(text, i);
        if (!(end >= 0)) return failureAt(end, i);
        i = skipSpace(text, end);
        if (text[i] !== ':') return i;
        i = skipSpace(text, i + 1);
      }
      expectValue = true;
    } else if ((c === '}' && top === 'object') || (c === ']' && top === 'array')) {
      stack.pop();
      i = skipSpace(text, i + 1);
    } else return i;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
    i += 1;
  return i;
}

/** Scanners return the end offset, NaN when no token starts at `i`, or -(offset) of a bad character. */
function failureAt(result: number, start: number): number {
  return Number.isNaN(result) ? start : -result;
}

function scanString(text: string, i: number): number {
  if (text[i] !== '"') return Number.NaN;
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x22) return j + 1;
    if (code < 0x20) return -j;
    if (code === 0x5c) {
      const next = text[j + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -(j + 1);
        j += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) j += 1;
      else return -(j + 1);
    }
  }
  return -text.length;
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

function scanLiteral(text: string, i: number): number {
  const match = LITERAL.exec(text.slice(i, i + 400));
  return match ? i + match[0].length : Number.NaN;
}

/** Offset, line and column (1-based) of the first syntax error in `text`. */
export function jsonErrorPosition(text: string): { offset: number; line: number; column: number } {
  const offset = Math.min(Math.max(locateJsonError(text), 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** What went wrong, in words, without V8's echo of the input (which may be long or sensitive). */
export function jsonErrorMessage(text: string): string {
  const { offset } = jsonErrorPosition(text);
  if (offset >= text.length) return 'unexpected end of input';
  const near = JSON.stringify(text.slice(offset, offset + 12));
  return `unexpected ${JSON.stringify(text[offset])} near ${near}`;
}
