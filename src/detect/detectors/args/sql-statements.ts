import type { SqlToken } from './sql-tokenizer.js';

/**
 * Statement structure over SQL tokens: statements split at top-level `;`, their main verb (past a
 * `WITH` prelude), and clause lookups at parenthesis depth 0, so a `WHERE` inside a subquery does
 * not count for the outer `DELETE`.
 */

export type Statement = readonly SqlToken[];

/** Code tokens (comments dropped) split into statements at `;`. */
export function splitStatements(tokens: readonly SqlToken[]): Statement[] {
  const statements: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (token.type === 'comment') continue;
    if (token.type === 'punct' && token.text === ';') statements.push([]);
    else statements.at(-1)!.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

/** True when the token is the keyword (uppercased) given. */
export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.type === 'word' && words.includes(token.text);
}

export function isPunct(token: SqlToken | undefined, text: string): boolean {
  return token?.type === 'punct' && token.text === text;
}

/** Index of the statement's main verb: its first word, or past a `WITH` prelude the first verb at depth 0. */
export function mainVerbIndex(statement: Statement): number {
  let i = 0;
  while (isPunct(statement[i], '(')) i++;
  if (!isWord(statement[i], 'WITH')) return i;
  let depth = 0;
  for (let k = i + 1; k < statement.length; k++) {
    const token = statement[k]!;
    if (isPunct(token, '(')) depth++;
    else if (isPunct(token, ')')) depth--;
    else if (depth === 0 && isWord(token, 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE')) return k;
  }
  return i;
}

/** Index of the first top-level token from `from` on that is one of the words, or -1. */
export function findTopLevel(statement: Statement, from: number, ...words: string[]): number {
  let depth = 0;
  for (let k = from; k < statement.length; k++) {
    const token = statement[k]!;
    if (isPunct(token, '(')) depth++;
    else if (isPunct(token, ')')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isWord(token, ...words)) return k;
  }
  return -1;
}

/** Reads a possibly qualified name (`schema.table`, `"t"`, `[dbo].[t]`) at `i`; returns the index after it, or -1. */
export function skipName(statement: Statement, i: number): number {
  let k = i;
  for (;;) {
    const token = statement[k];
    if (isPunct(token, '[')) {
      const close = statement.findIndex((t, at) => at > k && isPunct(t, ']'));
      if (close < 0) return -1;
      k = close + 1;
    } else if (token?.type === 'word' || token?.type === 'quoted') k++;
    else return -1;
    if (!isPunct(statement[k], '.')) return k;
    k++;
  }
}

/** The value of a literal token as it compares (`'1'` and `1` alike), or null when not a literal. */
export function literalValue(token: SqlToken | undefined): string | null {
  if (!token) return null;
  if (token.type === 'number') return String(Number(token.text));
  if (token.type === 'string' || token.type === 'quoted')
    return Number.isNaN(Number(token.text)) || token.text === '' ? token.text : String(Number(token.text));
  if (isWord(token, 'TRUE')) return '1';
  if (isWord(token, 'FALSE')) return '0';
  return null;
}

/** Evaluates `a op b` for literals; null when it is not a literal comparison. */
export function compareLiterals(
  a: SqlToken | undefined,
  op: SqlToken | undefined,
  b: SqlToken | undefined,
): boolean | null {
  const left = literalValue(a);
  const right = literalValue(b);
  if (left === null || right === null || !op) return null;
  const numeric = !Number.isNaN(Number(left)) && !Number.isNaN(Number(right)) && left !== '' && right !== '';
  const l = numeric ? Number(left) : left;
  const r = numeric ? Number(right) : right;
  switch (op.text) {
    case '=':
    case '<=>':
    case 'LIKE':
    case 'IS':
      return l === r;
    case '<>':
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
    default:
      return null;
  }
}
