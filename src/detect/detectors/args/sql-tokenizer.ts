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

const WORD_START = /[A-Za-z_@$\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_@$#\u0080-\uffff]/;
const OPERATORS = ['<=>', '->>', '<>', '!=', '<=', '>=', '||', '&&', '::', ':=', '->', '#>'];

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let executable = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '*' && sql[i + 1] === '/' && executable > 0) {
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

function readToken(sql: string, i: number): SqlToken {
  const c = sql[i]!;
  const next = sql[i + 1];
  if ((c === '-' && next === '-') || (c === '#' && next !== '>')) return lineComment(sql, i);
  if (c === '/' && next === '*') return blockComment(sql, i);
  if (c === "'") return quoted(sql, i, "'", 'string');
  if (/[NnEeXxBb]/.test(c) && next === "'" && !WORD_PART.test(sql[i - 1] ?? ' ')) {
    const token = quoted(sql, i + 1, "'", 'string');
    return { ...token, start: i };
  }
  if (c === '"') return quoted(sql, i, '"', 'quoted');
  if (c === '`') return quoted(sql, i, '`', 'quoted');
  if (c === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 40));
    if (tag) return dollarQuoted(sql, i, tag[0]);
  }
  if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next ?? ''))) return number(sql, i);
  if (WORD_START.test(c)) return word(sql, i);
  for (const op of OPERATORS) {
    if (sql.startsWith(op, i)) return { type: 'op', start: i, end: i + op.length, text: op, closed: true };
  }
  const type = /[;,().[\]{}]/.test(c) ? 'punct' : 'op';
  return { type, start: i, end: i + 1, text: c, closed: true };
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
  while (end < sql.length && WORD_PART.test(sql[end]!)) end++;
  return { type: 'word', start: i, end, text: sql.slice(i, end).toUpperCase(), closed: true };
}
