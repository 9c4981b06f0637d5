import type { Detector, DetectorMatch, ScanField } from '../detector.js';
import { findNoSqlOperators } from './args/nosql-operators.js';
import { findCommentTricks } from './args/sql-comment-tricks.js';
import { findDestructive, findFileAccess, findOsCommands } from './args/sql-danger-signals.js';
import {
  findErrorBased,
  findStacked,
  findTautologies,
  findTimeDelays,
  findUnions,
} from './args/sql-injection-signals.js';
import { findSubqueries } from './args/sql-subquery.js';
import {
  collect,
  type LocalMatch,
  SQL_ESCAPES,
  type SqlDetectorScope,
  type SqlMode,
  type SqlVariant,
  sqlView,
} from './args/sql-view.js';
import { ARG_ROLES, REGEX_SPACES } from './args/value-kind.js';

/**
 * SQL injection and destructive SQL in tool arguments. A `sql`/`query` argument holding a whole
 * statement is judged by its structure (literals and comments stripped by the tokenizer); any
 * other argument is judged as a fragment an application might paste into its own query.
 */

type Signal = (variant: SqlVariant, mode: SqlMode, text: string) => LocalMatch[];

/**
 * Builds a detector: a cheap keyword prefilter, then the signal over every reading of the value.
 * `words` (Detector.triggers, caseless) are literals every match of `prefilter` holds; the
 * escapes that make sqlView decode a value open the gate too, since such a value is judged decoded.
 */
function sqlDetector(
  id: string,
  prefilter: RegExp | ((text: string) => boolean),
  signal: Signal,
  words: readonly string[],
  scope: SqlDetectorScope = 'injection',
): Detector {
  const passes = typeof prefilter === 'function' ? prefilter : (text: string) => prefilter.test(text);
  return {
    id,
    roles: ARG_ROLES,
    triggers: { caseless: [...SQL_ESCAPES, ...words] },
    detect(field: ScanField): DetectorMatch[] {
      const view = sqlView(field, passes, scope);
      if (!view) return [];
      // Statement mode has one unprefixed variant, so the decoded text lines up with its tokens.
      return collect(view, (variant, mode) => signal(variant, mode, view.mapped.text));
    },
  };
}

/**
 * Prefilters: the cheapest regex that every finding of the signal must match, so ordinary prose
 * (which says "or", "update" and "sleep" all the time) never reaches the tokenizer.
 */
/** Space between tokens, or an empty inline comment standing for it (OR, comment, 1=1). */
const GAP = String.raw`(?:\s|/\*[^*]{0,20}\*/)*`;
const TAUTOLOGY = new RegExp(
  String.raw`(?:\b(?:or|and)|\|\||&&)${GAP}\(?${GAP}(?:['"][^'"\n]{0,40}['"]?|\d+|true|false)${GAP}\)?\s*(?:[=<>!]|like\b|is\b|--|#|\/\*)`,
  'i',
);
const UNION = /union[\s\S]{0,80}?select/i;
const STACKED =
  /;\s*(?:drop|truncate|delete|insert|alter|create|exec|execute|grant|revoke|declare|waitfor|shutdown|copy|attach|load|update|select)\b/i;
/** A value that opens with a write or DDL statement is a script, not a read an attacker stacked onto. */
const SCRIPT_START =
  /^\s*(?:create|insert|update|delete|drop|alter|begin|start|set|grant|truncate|copy|do|declare|merge|replace)\b/i;
const COMMENT_MARK = /--|#|\/\*/;
const COMMENT_SHAPE = /['"][^\n]{0,120}?(?:--|#|\/\*)|(?:--|#)\s*['"]|\w\/\*[^*]{0,6}\*\/\w/;
const ERROR_BASED =
  /extractvalue|updatexml|(?:convert|cast)\s*\([^)]{0,60}(?:@@|select|db_name|user_name|system_user|version)|utl_inaddr|ctxsys|@@(?:version|datadir|hostname|servername|basedir)/i;
const TIME = /(?:sleep|benchmark|randomblob)\s*\(|waitfor\s+(?:delay|time)|dbms_pipe/i;
const DESTRUCTIVE =
  /\b(?:drop\s+(?:table|database|schema|tablespace|owned|collection|user|role|login)|truncate\s|alter\s+(?:table|user|role)\s|create\s+(?:user|role)\s|delete\s|update\s[\s\S]{0,200}?\bset\b|grant\s+all)/i;
const OS_COMMAND =
  /xp_\w|sp_oa|sp_configure|\b(?:to|from)\s+program\b|sys_e(?:xec|val)|load_extension|runjava/i;
const FILE_ACCESS =
  /load_file|into\s+(?:outfile|dumpfile)|load\s+data\s+(?:(?:low_priority|concurrent|local)\s+){0,2}infile|pg_read|pg_ls_dir|pg_stat_file|lo_import|lo_export|bulk\s+insert|openrowset|utl_file|\bcopy\b[\s\S]{0,200}?\b(?:to|from)\s+'|\battach\b/i;

/**
 * TAUTOLOGY's comparison instead of its `or`/`and`, which nearly every value holds: an operator,
 * `like`, a comment mark, or `is` after the operand, which is quoted (a quote), a number (a digit
 * before `is`), `true`/`false` (`e`), or followed by `)` or a space.
 */
const TAUTOLOGY_WORDS = [
  ...['=', '<', '>', '!', 'like', '--', '#', '/*', "'", '"', 'eis', ')is'],
  ...[...'0123456789'].map((digit) => `${digit}is`),
  ...[...REGEX_SPACES].map((space) => `${space}is`),
];

/** NoSQL operators are judged on the parsed field (its key is the operator), not as SQL text. */
const noSqlDetector: Detector = {
  id: 'sql-injection.nosql-operator',
  roles: ARG_ROLES,
  triggers: { literals: ['$'], orKey: true },
  detect: findNoSqlOperators,
};

export const sqlInjectionDetectors: readonly Detector[] = [
  noSqlDetector,
  sqlDetector('sql-injection.tautology', TAUTOLOGY, findTautologies, TAUTOLOGY_WORDS),
  sqlDetector('sql-injection.union-select', UNION, findUnions, ['union']),
  sqlDetector(
    'sql-injection.stacked-query',
    (text) => !SCRIPT_START.test(text) && STACKED.test(text),
    findStacked,
    [';'],
  ),
  sqlDetector(
    'sql-injection.comment-truncation',
    (text) => COMMENT_MARK.test(text) && COMMENT_SHAPE.test(text),
    findCommentTricks,
    ['--', '#', '/*'],
  ),
  sqlDetector('sql-injection.subquery', /\(\s*select\b/i, findSubqueries, ['select']),
  sqlDetector('sql-injection.error-based', ERROR_BASED, findErrorBased, [
    'extractvalue',
    'updatexml',
    'convert',
    'cast',
    'utl_inaddr',
    'ctxsys',
    '@@',
  ]),
  sqlDetector('sql-injection.time-based', TIME, findTimeDelays, [
    'sleep',
    'benchmark',
    'randomblob',
    'waitfor',
    'dbms_pipe',
  ]),
  sqlDetector(
    'sql-injection.destructive',
    DESTRUCTIVE,
    findDestructive,
    ['drop', 'truncate', 'alter', 'superuser', 'delete', 'update', 'grant'],
    'statement',
  ),
  sqlDetector(
    'sql-injection.os-command',
    OS_COMMAND,
    findOsCommands,
    ['xp_', 'sp_oa', 'sp_configure', 'program', 'sys_e', 'load_extension', 'runjava'],
    'statement',
  ),
  sqlDetector(
    'sql-injection.file-access',
    FILE_ACCESS,
    findFileAccess,
    [
      'load_file',
      'infile',
      'outfile',
      'dumpfile',
      'pg_read',
      'pg_ls_dir',
      'pg_stat_file',
      'lo_import',
      'lo_export',
      'bulk',
      'openrowset',
      'utl_file',
      'copy',
      'attach',
    ],
    'statement',
  ),
];
