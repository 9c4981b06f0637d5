import type { Detector, DetectorMatch, ScanField } from '../detector.js';
import { findDestructive, findFileAccess, findOsCommands } from './args/sql-danger-signals.js';
import {
  findCommentTricks,
  findErrorBased,
  findStacked,
  findTautologies,
  findTimeDelays,
  findUnions,
} from './args/sql-injection-signals.js';
import { collect, type LocalMatch, type SqlMode, type SqlVariant, sqlView } from './args/sql-view.js';
import { ARG_ROLES } from './args/value-kind.js';

/**
 * SQL injection and destructive SQL in tool arguments. A `sql`/`query` argument holding a whole
 * statement is judged by its structure (literals and comments stripped by the tokenizer); any
 * other argument is judged as a fragment an application might paste into its own query.
 */

type Signal = (variant: SqlVariant, mode: SqlMode, text: string) => LocalMatch[];

/** Builds a detector: a cheap keyword prefilter, then the signal over every reading of the value. */
function sqlDetector(id: string, prefilter: RegExp, signal: Signal): Detector {
  return {
    id,
    roles: ARG_ROLES,
    detect(field: ScanField): DetectorMatch[] {
      const view = sqlView(field, prefilter);
      if (!view) return [];
      // Statement mode has one unprefixed variant, so the decoded text lines up with its tokens.
      return collect(view, (variant, mode) => signal(variant, mode, view.mapped.text));
    },
  };
}

export const sqlInjectionDetectors: readonly Detector[] = [
  sqlDetector('sql-injection.tautology', /\b(?:or|and)\b|&&/i, findTautologies),
  sqlDetector('sql-injection.union-select', /\bunion\b/i, findUnions),
  sqlDetector('sql-injection.stacked-query', /;/, findStacked),
  sqlDetector('sql-injection.comment-truncation', /--|#|\/\*/, findCommentTricks),
  sqlDetector(
    'sql-injection.error-based',
    /extractvalue|updatexml|convert|cast|utl_inaddr|ctxsys|@@/i,
    findErrorBased,
  ),
  sqlDetector('sql-injection.time-based', /sleep|waitfor|benchmark|dbms_pipe|randomblob/i, findTimeDelays),
  sqlDetector(
    'sql-injection.destructive',
    /\b(?:drop|truncate|alter|delete|update|grant)\b/i,
    findDestructive,
  ),
  sqlDetector(
    'sql-injection.os-command',
    /xp_|sp_oa|sp_configure|program|sys_e|load_extension|runjava/i,
    findOsCommands,
  ),
  sqlDetector(
    'sql-injection.file-access',
    /load_file|outfile|dumpfile|pg_read|pg_ls_dir|pg_stat_file|lo_import|lo_export|bulk|utl_file|\bcopy\b|attach/i,
    findFileAccess,
  ),
];
