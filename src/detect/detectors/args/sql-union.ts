import { isPunct, isWord } from './sql-statements.js';
import type { SqlToken } from './sql-tokenizer.js';

/**
 * What a UNION's SELECT reaches for. Ordinary queries union two tables of the same shape;
 * injected ones pad columns with NULLs, read the schema catalog, credential columns or server
 * identity (`version()`, `@@hostname`) — those make a UNION in a whole statement suspicious.
 */

const CATALOGS = new Set(
  (
    'INFORMATION_SCHEMA PG_CATALOG PG_SHADOW PG_AUTHID PG_USER PG_ROLES SQLITE_MASTER SQLITE_SCHEMA ' +
    'SQLITE_TEMP_MASTER SYSOBJECTS SYSCOLUMNS SYSUSERS SYSLOGINS SYSDATABASES SQL_LOGINS SYSTEM_USERS ' +
    'ALL_TABLES ALL_TAB_COLUMNS ALL_USERS DBA_USERS DBA_TABLES USER_TABLES V$VERSION MSYSOBJECTS'
  ).split(' '),
);
const SECRET_COLUMNS = new Set(
  (
    'PASSWORD PASSWD PWD PASS PASSWORD_HASH PASSWORDHASH PASS_HASH PW_HASH HASHED_PASSWORD SECRET ' +
    'API_KEY APIKEY ACCESS_TOKEN AUTH_TOKEN TOKEN CREDIT_CARD CARD_NUMBER CC_NUMBER SSN SALT'
  ).split(' '),
);
const ACCOUNT_TABLES = new Set(
  'USERS USER ACCOUNTS ADMIN ADMINS ADMINISTRATORS MEMBERS LOGINS CREDENTIALS'.split(' '),
);
const IDENTITY_CALLS = new Set(
  'VERSION USER DATABASE SCHEMA SQLITE_VERSION CURRENT_DATABASE LOAD_FILE'.split(' '),
);
const IDENTITY_WORDS = new Set('CURRENT_USER SYSTEM_USER SESSION_USER BANNER'.split(' '));

/** Why the SELECT starting at code index `from` looks like exfiltration, or null. */
export function unionSensitivity(code: readonly SqlToken[], from: number): string | null {
  let nulls = 0;
  let afterFrom = false;
  for (let k = from; k < Math.min(code.length, from + 200); k++) {
    const token = code[k]!;
    if (isWord(token, 'UNION') || isPunct(token, ';')) break;
    if (token.type !== 'word') continue;
    const name = token.text;
    if (CATALOGS.has(name) || (name === 'MYSQL' && isPunct(code[k + 1], '.'))) return 'the schema catalog';
    if (SECRET_COLUMNS.has(name)) return 'credential columns';
    if (name.startsWith('@@') || IDENTITY_WORDS.has(name)) return 'server identity';
    if (IDENTITY_CALLS.has(name) && isPunct(code[k + 1], '(')) return 'server identity';
    if (afterFrom && ACCOUNT_TABLES.has(name) && !isPunct(code[k + 1], '.')) return 'an account table';
    if (name === 'NULL') nulls++;
    afterFrom = name === 'FROM' || (afterFrom && isPunct(code[k + 1], '.'));
  }
  return nulls >= 2 ? 'NULL-padded columns' : null;
}
