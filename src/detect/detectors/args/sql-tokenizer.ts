/**
 * A small SQL tokenizer, forgiving by design: it reads injection fragments (`admin' OR '1'='1`)
 * as well as whole statements, never throws, and keeps offsets so findings point at the text.
 * Strings and comments become single tokens, so words inside them are never taken for keywords.
 * MySQL executable comments (`/*!50000 UNION*\/`) are read as code, since MySQL runs them.
 */

export type SqlTokenType = 'word' | 'number' | 'string' | 'quoted' | 'comment' | 'op' | 'punct';

export interface SqlToken {
  readonly type: SqlTokenType;
  readonly start: number;
  readonly end: number;
  /** Words: uppercased. Strings and quoted identifiers: the content. Others: the source text. */
  readonly text: string;
  /** False for a string or comment that runs to the end of the input unclosed. */
  readonly closed: boolean;
}

/** Letters, `_`, `@` (T-SQL variables), `$` and anything non-ASCII; checked by code for speed. */
function isWordStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    code === 64 ||
    code === 36 ||
    code >= 128
  );
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57) || code === 35;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
const OPERATORS = ['<=>', '->>', '<>', '!=', '<=', '>=', '||', '&&', '::', ':=', '->', '#>'];

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let executable = 0;
  while (i < sql.length) {
    const code = sql.charCodeAt(i);
    if (code <= 32) {
      i++;
      continue;
    }
    if (code === 42 && sql.charCodeAt(i + 1) === 47 && executable > 0) {
      executable--;
      i += 2;
      continue;
    }
    const token = readToken(sql, i);
    if (token.type === 'comment' && sql.startsWith('/*!', i)) {
      executable++;
      i = i + 3 + (/^\d*/.exec(sql.slice(i + 3, i + 9))?.[0].length ?? 0);
      continue;
    }
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

/** Punctuation that is its own token; other symbols are operators. */
const PUNCT = new Set([';', ',', '(', ')', '.', '[', ']', '{', '}']);
/** Two- and three-character operators, by their first character. */
const OPERATOR_STARTS = new Set(OPERATORS.map((op) => op[0]!));

function readToken(sql: string, i: number): SqlToken {
  const code = sql.charCodeAt(i);
  if (isWordStart(code)) {
    // N'..', E'..', X'..', B'..' are string literals with a prefix.
    if (sql.charCodeAt(i + 1) === 39 && /[NnEeXxBb]/.test(sql[i]!) && !isWordPart(sql.charCodeAt(i - 1))) {
      const token = quoted(sql, i + 1, "'", 'string');
      return { type: token.type, start: i, end: token.end, text: token.text, closed: token.closed };
    }
    if (code === 36) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 40));
      if (tag) return dollarQuoted(sql, i, tag[0]);
    }
    return word(sql, i);
  }
  if (isDigit(code) || (code === 46 && isDigit(sql.charCodeAt(i + 1)))) return number(sql, i);
  const c = sql[i]!;
  const next = sql[i + 1];
  if ((c === '-' && next === '-') || (c === '#' && next !== '>')) return lineComment(sql, i);
  if (c === '/' && next === '*') return blockComment(sql, i);
  if (c === "'") return quoted(sql, i, "'", 'string');
  if (c === '"') return quoted(sql, i, '"', 'quoted');
  if (c === '`') return quoted(sql, i, '`', 'quoted');
  if (PUNCT.has(c)) return { type: 'punct', start: i, end: i + 1, text: c, closed: true };
  if (OPERATOR_STARTS.has(c)) {
    for (const op of OPERATORS) {
      if (sql.startsWith(op, i)) return { type: 'op', start: i, end: i + op.length, text: op, closed: true };
    }
  }
  return { type: 'op', start: i, end: i + 1, text: c, closed: true };
}

function lineComment(sql: string, i: number): SqlToken {
  const newline = sql.indexOf('\n', i);
  const end = newline < 0 ? sql.length : newline;
  return { type: 'comment', start: i, end, text: sql.slice(i, end), closed: true };
}

function blockComment(sql: string, i: number): SqlToken {
  const close = sql.indexOf('*/', i + 2);
  const end = close < 0 ? sql.length : close + 2;
  return { type: 'comment', start: i, end, text: sql.slice(i, end), closed: close >= 0 };
}

/** A quoted run; a doubled quote inside stands for one quote character. */
function quoted(sql: string, i: number, quote: string, type: 'string' | 'quoted'): SqlToken {
  let at = i + 1;
  for (;;) {
    const close = sql.indexOf(quote, at);
    if (close < 0) {
      return { type, start: i, end: sql.length, text: sql.slice(i + 1), closed: false };
    }
    if (sql[close + 1] !== quote) {
      const text = sql.slice(i + 1, close).replaceAll(quote + quote, quote);
      return { type, start: i, end: close + 1, text, closed: true };
    }
    at = close + 2;
  }
}

function dollarQuoted(sql: string, i: number, tag: string): SqlToken {
  const close = sql.indexOf(tag, i + tag.length);
  if (close < 0)
    return { type: 'string', start: i, end: sql.length, text: sql.slice(i + tag.length), closed: false };
  const end = close + tag.length;
  return { type: 'string', start: i, end, text: sql.slice(i + tag.length, close), closed: true };
}

function number(sql: string, i: number): SqlToken {
  const m = /^(?:0x[0-9a-f]+|\d*\.?\d+(?:e[+-]?\d+)?)/i.exec(sql.slice(i, i + 64));
  const end = i + (m?.[0].length || 1);
  return { type: 'number', start: i, end, text: sql.slice(i, end), closed: true };
}

function word(sql: string, i: number): SqlToken {
  let end = i + 1;
  while (end < sql.length && isWordPart(sql.charCodeAt(end))) end++;
  return { type: 'word', start: i, end, text: sql.slice(i, end).toUpperCase(), closed: true };
}
