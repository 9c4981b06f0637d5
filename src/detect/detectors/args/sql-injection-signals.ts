import {
  compareLiterals,
  isPunct,
  isWord,
  literalValue,
  mainVerbIndex,
  splitStatements,
} from './sql-statements.js';
import type { SqlToken } from './sql-tokenizer.js';
import { unionSensitivity } from './sql-union.js';
import { isCall, type LocalMatch, type SqlMode, type SqlVariant } from './sql-view.js';

/**
 * Injection signals over SQL tokens: always-true conditions, UNION-based reads, stacked
 * statements, comment truncation and time delays. Each returns spans in the variant's text.
 */

function span(from: SqlToken, to: SqlToken, detail: string): LocalMatch {
  return { start: from.start, end: to.end, detail };
}

/** `OR 1=1`, `OR 'a'='a'`, `OR 1 --`; in a fragment also `AND 1=2 --` (a blind probe). */
export function findTautologies(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  const { code, endsAfter, commentAfter } = v;
  const found: LocalMatch[] = [];
  for (let i = 0; i < code.length - 1; i++) {
    const isOr = isWord(code[i], 'OR') || (mode === 'fragment' && isOperator(code[i], '||'));
    const isAnd = mode === 'fragment' && (isWord(code[i], 'AND') || isOperator(code[i], '&&'));
    if (!isOr && !isAnd) continue;
    const left = readOperand(code, i + 1);
    const right = left ? readOperand(code, left.next + 1) : null;
    const result = left && right ? compareLiterals(left.token, code[left.next], right.token) : null;
    if (left && right && result !== null) {
      const last = right.next - 1;
      const probe = isAnd && (endsAfter[last] || isPunct(code[last + 1], ')'));
      if ((isOr && result) || probe) {
        const detail = isOr ? 'always-true condition' : 'boolean blind-injection probe';
        found.push(span(code[i]!, code[last]!, detail));
      }
      continue;
    }
    const a = isPunct(code[i + 1], '(') ? i + 2 : i + 1;
    const bare = literalValue(code[a]);
    if (isOr && commentAfter[a] && bare !== null && bare !== '0' && bare !== '') {
      found.push(span(code[i]!, code[a]!, 'always-true condition before a comment'));
    }
  }
  return found;
}

/**
 * MySQL reads `||` and `&&` as OR and AND (`admin'||'1'='1`): a fragment has no dialect to say
 * otherwise, and as string concatenation the comparison after it would be pointless anyway.
 */
function isOperator(token: SqlToken | undefined, text: string): boolean {
  return token?.type === 'op' && token.text === text;
}

/** A literal, possibly in parentheses (`1`, `(1)`, `('a')`): the token and the index after it. */
function readOperand(code: readonly SqlToken[], at: number): { token: SqlToken; next: number } | null {
  let open = 0;
  let k = at;
  while (isPunct(code[k], '(') && open < 3) {
    open++;
    k++;
  }
  const token = code[k];
  if (literalValue(token) === null) return null;
  k++;
  for (let closed = 0; closed < open; closed++) {
    if (!isPunct(code[k], ')')) return open === 1 && closed === 0 ? { token: token!, next: k } : null;
    k++;
  }
  return { token: token!, next: k };
}

/** Words after SELECT that make `union select ...` read as SQL rather than prose. */
function looksLikeSelectList(code: readonly SqlToken[], i: number): boolean {
  const first = code[i];
  if (!first) return false;
  if (first.type === 'number' || first.type === 'string' || first.text === '*') return true;
  if (isWord(first, 'NULL', 'ALL', 'DISTINCT') || first.text.startsWith('@@')) return true;
  for (let k = i; k < Math.min(code.length, i + 8); k++) {
    const token = code[k]!;
    if (isPunct(token, ',') || isPunct(token, '(') || isWord(token, 'FROM')) return true;
    if (token.type !== 'word' && !isPunct(token, '.')) return false;
  }
  return false;
}

/** UNION SELECT: in a fragment always; in a whole statement when it reads catalogs, secrets or pads with NULLs. */
export function findUnions(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  const { code } = v;
  const found: LocalMatch[] = [];
  for (let i = 0; i < code.length - 1; i++) {
    if (!isWord(code[i], 'UNION')) continue;
    let k = i + 1;
    if (isWord(code[k], 'ALL', 'DISTINCT')) k++;
    while (isPunct(code[k], '(')) k++;
    if (!isWord(code[k], 'SELECT') || !looksLikeSelectList(code, k + 1)) continue;
    const reason = unionSensitivity(code, k + 1);
    if (mode === 'statement' && !reason) continue;
    found.push(span(code[i]!, code[k]!, `UNION-based read${reason ? ` of ${reason}` : ''}`));
  }
  return found;
}

/**
 * What may follow each verb for a stacked statement to count: one of some words, or a test on the
 * next token (`b`, at code index i + 1; `code` and `i` for the verbs that look further). Built once:
 * a table written inside stackedVerb was rebuilt, closures and all, for every `;`.
 */
type StackRule = readonly string[] | ((b: SqlToken, code: readonly SqlToken[], i: number) => boolean);

const STACKED_VERBS: Readonly<Record<string, StackRule>> = {
  DROP: ['TABLE', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'VIEW', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'LOGIN'],
  TRUNCATE: (t) => t.type === 'word' || t.type === 'quoted',
  DELETE: ['FROM'],
  INSERT: ['INTO'],
  ALTER: ['TABLE', 'USER', 'ROLE', 'DATABASE', 'LOGIN', 'SYSTEM', 'SERVER'],
  CREATE: [
    'TABLE',
    'USER',
    'LOGIN',
    'ROLE',
    'FUNCTION',
    'PROCEDURE',
    'TRIGGER',
    'DATABASE',
    'EXTENSION',
    'OR',
  ],
  EXEC: (t) => t.type === 'word' || t.type === 'string' || isPunct(t, '('),
  EXECUTE: (t) => t.type === 'word' || t.type === 'string' || isPunct(t, '('),
  GRANT: (t) => t.type === 'word',
  REVOKE: (t) => t.type === 'word',
  DECLARE: (t) => t.text.startsWith('@'),
  WAITFOR: ['DELAY', 'TIME'],
  SHUTDOWN: () => true,
  COPY: (t) => t.type === 'word' || t.type === 'quoted',
  ATTACH: ['DATABASE'],
  LOAD: ['DATA', 'EXTENSION'],
  UPDATE: (_b, code, i) => code.slice(i + 2, i + 5).some((t) => isWord(t, 'SET')),
  SELECT: (_b, code, i) =>
    code
      .slice(i + 1, i + 5)
      .some((t, k) => isPunct(t, '(') || t.text === '*' || (k === 0 && t.text.startsWith('@@'))),
};

/** What a statement starting at code index i would do, if it is one an injected `;` runs. */
function stackedVerb(code: readonly SqlToken[], i: number): string | null {
  const a = code[i];
  const b = code[i + 1];
  if (a?.type !== 'word' || !b) return null;
  // Own keys only: a verb like `constructor` must not find Object.prototype's.
  const rule = Object.hasOwn(STACKED_VERBS, a.text) ? STACKED_VERBS[a.text] : undefined;
  if (!rule) return null;
  const ok = typeof rule === 'function' ? rule(b, code, i) : isWord(b, ...rule);
  return ok ? `${a.text} ${b.type === 'word' ? b.text : ''}`.trim() : null;
}

/** `; DROP TABLE ...` after other text. In a whole statement only a SELECT chained to a write on one line. */
export function findStacked(v: SqlVariant, mode: SqlMode, text: string): LocalMatch[] {
  const { code } = v;
  const found: LocalMatch[] = [];
  if (mode === 'statement') {
    const statements = splitStatements(v.tokens);
    const first = statements[0];
    if (!first || !isWord(first[mainVerbIndex(first)], 'SELECT')) return [];
    for (const statement of statements.slice(1)) {
      const verb = stackedVerb(statement, 0);
      const gap = text.slice(first.at(-1)!.end, statement[0]!.start);
      // A read after a read is a script of reads (the verb reads "SELECT count" for `SELECT count(*)`).
      if (verb && !isWord(statement[0], 'SELECT') && !gap.includes('\n')) {
        found.push({ start: statement[0]!.start, end: statement[1]!.end, detail: `stacked query: ${verb}` });
      }
    }
    return found;
  }
  for (let i = 0; i < code.length - 1; i++) {
    if (!isPunct(code[i], ';')) continue;
    const verb = stackedVerb(code, i + 1);
    if (verb) found.push(span(code[i]!, code[i + 2]!, `stacked query: ${verb}`));
  }
  return found;
}

/** Server details pulled out through an error message or a fingerprinting variable. */
export function findErrorBased(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  if (mode !== 'fragment') return [];
  const { code } = v;
  const found: LocalMatch[] = [];
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    if (isCall(code, i, 'EXTRACTVALUE', 'UPDATEXML')) {
      found.push(span(token, code[i + 1]!, 'error-based extraction'));
    } else if (isCall(code, i, 'CONVERT', 'CAST') && readsServer(code, i + 2)) {
      found.push(span(token, code[i + 1]!, 'error-based extraction'));
    } else if (isWord(token, 'UTL_INADDR', 'CTXSYS') && isPunct(code[i + 1], '.')) {
      found.push(span(token, code[i + 2] ?? code[i + 1]!, 'error-based extraction'));
    } else if (/^@@(?:VERSION|DATADIR|HOSTNAME|SERVERNAME|BASEDIR)$/.test(token.text)) {
      found.push(span(token, token, 'server fingerprinting'));
    }
  }
  return found;
}

function readsServer(code: readonly SqlToken[], from: number): boolean {
  return code
    .slice(from, from + 12)
    .some(
      (t) => t.text.startsWith('@@') || isWord(t, 'SELECT', 'DB_NAME', 'USER_NAME', 'SYSTEM_USER', 'VERSION'),
    );
}

/** `SLEEP(5)`, `pg_sleep(5)`, `WAITFOR DELAY '0:0:5'`, `BENCHMARK(...)`, `DBMS_LOCK.SLEEP(...)`. */
/** Tokens after which a function call is part of a SQL expression (`AND SLEEP(5)`, `,SLEEP(5)`, `(SELECT SLEEP(5))`). */
const SQL_BEFORE_CALL = new Set([
  'AND',
  'OR',
  'XOR',
  'NOT',
  'SELECT',
  'THEN',
  'ELSE',
  'WHERE',
  'WHEN',
  '(',
  ',',
  ';',
  '||',
  '=',
  '+',
  '-',
]);

/** True when the call at i sits in SQL rather than in code (`await sleep(10)`, `sleep(1000)` on its own line). */
function inSqlPosition(code: readonly SqlToken[], i: number, mode: SqlMode): boolean {
  const prev = code[i - 1];
  if (!prev) return mode === 'statement';
  return prev.type !== 'string' && prev.type !== 'quoted' && SQL_BEFORE_CALL.has(prev.text);
}

export function findTimeDelays(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  const { code } = v;
  const found: LocalMatch[] = [];
  for (let i = 0; i < code.length - 1; i++) {
    if (isCall(code, i, 'SLEEP', 'PG_SLEEP', 'PG_SLEEP_FOR', 'PG_SLEEP_UNTIL', 'BENCHMARK')) {
      const dotted = isPunct(code[i - 1], '.');
      if (dotted ? !isWord(code[i - 2], 'DBMS_LOCK', 'DBMS_SESSION') : !inSqlPosition(code, i, mode))
        continue;
      found.push(span(code[i]!, code[i + 1]!, `time delay: ${code[i]!.text}`));
    } else if (isWord(code[i], 'WAITFOR') && isWord(code[i + 1], 'DELAY', 'TIME')) {
      found.push(span(code[i]!, code[i + 1]!, `time delay: WAITFOR ${code[i + 1]!.text}`));
    } else if (
      isWord(code[i], 'DBMS_PIPE') &&
      isPunct(code[i + 1], '.') &&
      isWord(code[i + 2], 'RECEIVE_MESSAGE')
    ) {
      found.push(span(code[i]!, code[i + 2]!, 'time delay: DBMS_PIPE.RECEIVE_MESSAGE'));
    } else if (isCall(code, i, 'RANDOMBLOB') && Number(code[i + 2]?.text) >= 1e7) {
      found.push(span(code[i]!, code[i + 2]!, 'time delay: RANDOMBLOB'));
    }
  }
  return found;
}
