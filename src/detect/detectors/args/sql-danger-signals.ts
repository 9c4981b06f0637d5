import {
  compareLiterals,
  findTopLevel,
  isPunct,
  isWord,
  mainVerbIndex,
  type Statement,
  skipName,
  splitStatements,
} from './sql-statements.js';
import type { SqlToken } from './sql-tokenizer.js';
import { isCall, type LocalMatch, type SqlMode, type SqlVariant } from './sql-view.js';

/**
 * SQL that does damage whatever the query around it: statements that destroy data or hand out
 * privileges, and functions that reach the operating system or its files. Statement heads are
 * read strictly (`DROP TABLE name` and then the end), so prose like "drop table users from the
 * report" is not taken for a statement.
 */

const DROPPABLE = [
  'TABLE',
  'DATABASE',
  'SCHEMA',
  'TABLESPACE',
  'OWNED',
  'COLLECTION',
  'USER',
  'ROLE',
  'LOGIN',
];
const AFTER_DROP = ['CASCADE', 'RESTRICT', 'PURGE', 'RESTART', 'CONTINUE'];
const HARMLESS_ALTER_DROP = ['DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION'];
const AFTER_DELETE_TARGET = ['WHERE', 'USING', 'RETURNING', 'LIMIT', 'ORDER', 'OUTPUT'];

function at(statement: Statement, from: number, to: number, detail: string): LocalMatch {
  return { start: statement[from]!.start, end: statement[Math.min(to, statement.length - 1)]!.end, detail };
}

/** After a list of names starting at i: the index past them, or -1. */
function skipNames(statement: Statement, i: number): number {
  let k = skipName(statement, i);
  while (k > 0 && isPunct(statement[k], ',')) k = skipName(statement, k + 1);
  return k;
}

function endsAt(statement: Statement, k: number, ...words: string[]): boolean {
  return k === statement.length || isWord(statement[k], ...words);
}

/** A WHERE that filters nothing: `WHERE 1=1`, `WHERE TRUE`. */
function whereIsAlwaysTrue(statement: Statement, where: number): boolean {
  const rest = statement.slice(where + 1);
  if (rest.length === 1) return isWord(rest[0], 'TRUE') || rest[0]!.text === '1';
  return rest.length === 3 && compareLiterals(rest[0], rest[1], rest[2]) === true;
}

/** Scratch tables that cleanup scripts drop all day (`tmp_import_2026_10`, `#staging`, `orders_old`). */
const SCRATCH_TABLE =
  /^(?:#|(?:tmp|temp|scratch|staging)(?:_|$))|_(?:tmp|temp|scratch|staging|old|bak|backup)(?:_\d+)*$/i;

function isScratchTable(names: readonly SqlToken[]): boolean {
  const tables = names.filter(
    (token, i) => (token.type === 'word' || token.type === 'quoted') && !isPunct(names[i + 1], '.'),
  );
  return tables.length > 0 && tables.every((token) => SCRATCH_TABLE.test(token.text));
}

function destructiveStatement(s: Statement, mode: SqlMode): LocalMatch | null {
  const v = mainVerbIndex(s);
  const verb = s[v];
  if (isWord(verb, 'DROP') && isWord(s[v + 1], ...DROPPABLE)) {
    let k = v + 2;
    if (isWord(s[k], 'IF') && isWord(s[k + 1], 'EXISTS')) k += 2;
    const end = skipNames(s, k);
    const temporary = isWord(s[v + 1], 'TABLE') && end > 0 && isScratchTable(s.slice(k, end));
    if (end > 0 && !temporary && endsAt(s, end, ...AFTER_DROP))
      return at(s, v, end - 1, `DROP ${s[v + 1]!.text}`);
  }
  if (isWord(verb, 'TRUNCATE')) {
    const k = isWord(s[v + 1], 'TABLE') ? v + 2 : v + 1;
    const end = skipNames(s, isWord(s[k], 'ONLY') ? k + 1 : k);
    if (end > 0 && endsAt(s, end, ...AFTER_DROP)) return at(s, v, end - 1, 'TRUNCATE');
  }
  if (isWord(verb, 'ALTER') && isWord(s[v + 1], 'TABLE')) {
    const drop = findTopLevel(s, v + 2, 'DROP');
    if (drop > 0 && !isWord(s[drop + 1], ...HARMLESS_ALTER_DROP))
      return at(s, drop, drop + 1, 'ALTER TABLE ... DROP');
  }
  if (
    isWord(verb, 'ALTER', 'CREATE') &&
    isWord(s[v + 1], 'USER', 'ROLE') &&
    findTopLevel(s, v + 2, 'SUPERUSER') > 0
  ) {
    return at(s, v, v + 2, 'grants superuser');
  }
  if (isWord(verb, 'GRANT') && isWord(s[v + 1], 'ALL')) {
    return at(s, v, isWord(s[v + 2], 'PRIVILEGES') ? v + 2 : v + 1, 'GRANT ALL');
  }
  // `DELETE name` without FROM is valid T-SQL but also JavaScript (`delete obj.prop`): only whole statements may omit FROM.
  if (isWord(verb, 'DELETE') && (isWord(s[v + 1], 'FROM') || mode === 'statement'))
    return unfilteredWrite(s, v, isWord(s[v + 1], 'FROM') ? v + 2 : v + 1, 'DELETE');
  if (isWord(verb, 'UPDATE')) return unfilteredWrite(s, v, v + 1, 'UPDATE');
  return null;
}

/** DELETE or UPDATE of a whole table: no WHERE at the top level, or one that is always true. */
function unfilteredWrite(s: Statement, v: number, target: number, verb: string): LocalMatch | null {
  let k = skipName(s, target);
  if (k < 0) return null;
  if (isWord(s[k], 'AS')) k++;
  if (s[k]?.type === 'word' && !isWord(s[k], 'SET', ...AFTER_DELETE_TARGET)) k++;
  const headOk = verb === 'UPDATE' ? isWord(s[k], 'SET') : endsAt(s, k, ...AFTER_DELETE_TARGET);
  if (!headOk) return null;
  const where = findTopLevel(s, k, 'WHERE');
  if (where < 0) return at(s, v, k - 1, `${verb} without WHERE`);
  if (whereIsAlwaysTrue(s, where)) return at(s, v, s.length - 1, `${verb} with an always-true WHERE`);
  return null;
}

export function findDestructive(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  return splitStatements(v.tokens).flatMap((statement) => destructiveStatement(statement, mode) ?? []);
}

/** Procedures and functions that run operating-system commands from the database. */
export function findOsCommands(v: SqlVariant): LocalMatch[] {
  const { code } = v;
  const found: LocalMatch[] = [];
  const push = (from: number, to: number, detail: string) =>
    found.push({ start: code[from]!.start, end: code[to]!.end, detail });
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    if (token.type !== 'word') continue;
    const next = code[i + 1];
    const invoked =
      isWord(code[i - 1], 'EXEC', 'EXECUTE') ||
      isPunct(code[i - 1], '.') ||
      next?.type === 'string' ||
      isPunct(next, '(');
    if (/^XP_(?:CMDSHELL|DIRTREE|FILEEXIST|REGREAD|REGWRITE|SERVICECONTROL)$/.test(token.text) && invoked) {
      push(i, i, `extended stored procedure ${token.text.toLowerCase()}`);
    } else if (/^SP_OA(?:CREATE|METHOD)$/.test(token.text) && invoked) {
      push(i, i, 'OLE automation procedure');
    } else if (
      isWord(token, 'SP_CONFIGURE') &&
      next?.type === 'string' &&
      /xp_cmdshell|ole automation/i.test(next.text)
    ) {
      push(i, i + 1, 'enables command execution');
    } else if (isWord(token, 'PROGRAM') && next?.type === 'string' && isWord(code[i - 1], 'TO', 'FROM')) {
      push(i - 1, i + 1, `COPY ${code[i - 1]!.text} PROGRAM`);
    } else if (isCall(code, i, 'SYS_EXEC', 'SYS_EVAL', 'LOAD_EXTENSION', 'RUNJAVA')) {
      push(i, i + 1, `${token.text.toLowerCase()}()`);
    }
  }
  return found;
}

const FILE_CALLS = [
  'LOAD_FILE',
  'PG_READ_FILE',
  'PG_READ_BINARY_FILE',
  'PG_LS_DIR',
  'PG_STAT_FILE',
  'LO_IMPORT',
  'LO_EXPORT',
];
const DATABASE_FILE = /(?:\.(?:db|sqlite3?|db3)|^:memory:|^)$/i;

/** Reading or writing server files from SQL: `LOAD_FILE`, `INTO OUTFILE`, `COPY t TO '/file'`, `ATTACH '/x.php'`. */
export function findFileAccess(v: SqlVariant): LocalMatch[] {
  const { code } = v;
  const found: LocalMatch[] = [];
  const push = (from: number, to: number, detail: string) =>
    found.push({ start: code[from]!.start, end: code[to]!.end, detail });
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    if (isCall(code, i, ...FILE_CALLS)) push(i, i + 1, `${token.text.toLowerCase()}()`);
    else if (isWord(token, 'INTO') && isWord(code[i + 1], 'OUTFILE', 'DUMPFILE'))
      push(i, i + 1, `INTO ${code[i + 1]!.text}`);
    else if (isWord(token, 'BULK') && isWord(code[i + 1], 'INSERT')) push(i, i + 1, 'BULK INSERT');
    else if (isWord(token, 'LOAD') && isWord(code[i + 1], 'DATA') && loadInfile(code, i + 2) !== null)
      push(i, loadInfile(code, i + 2)!, 'LOAD DATA INFILE');
    else if (isCall(code, i, 'OPENROWSET') && isWord(code[i + 2], 'BULK')) push(i, i + 2, 'OPENROWSET(BULK');
    else if (isWord(token, 'UTL_FILE') && isPunct(code[i + 1], '.')) push(i, i + 2, 'UTL_FILE');
    else if (isWord(token, 'TO', 'FROM') && code[i + 1]?.type === 'string' && copyBefore(code, i)) {
      push(i, i + 1, `COPY ${token.text} a server file`);
    } else if (isWord(token, 'ATTACH') && attachedFile(code, i) !== null) {
      push(i, attachedFile(code, i)!, 'ATTACH of a non-database file');
    }
  }
  return found;
}

/** MySQL's `LOAD DATA [LOW_PRIORITY|CONCURRENT] [LOCAL] INFILE` reads a server or client file. */
function loadInfile(code: readonly SqlToken[], at: number): number | null {
  let k = at;
  while (k < at + 2 && isWord(code[k], 'LOW_PRIORITY', 'CONCURRENT', 'LOCAL')) k++;
  return isWord(code[k], 'INFILE') ? k : null;
}

function copyBefore(code: readonly SqlToken[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
    if (isPunct(code[k], ';')) return false;
    if (isWord(code[k], 'COPY')) return true;
  }
  return false;
}

function attachedFile(code: readonly SqlToken[], i: number): number | null {
  const k = isWord(code[i + 1], 'DATABASE') ? i + 2 : i + 1;
  const file = code[k];
  return file?.type === 'string' && !DATABASE_FILE.test(file.text) ? k : null;
}
