import type { Dialect, SqlValue } from '../sql-driver.js';

/** Every column of an event that can carry a person's name, email or identifier. */
const SUBJECT_COLUMNS = [
  'user_name',
  'agent',
  'client',
  'session_id',
  'external_id',
  'tool',
  'prompt',
  'response',
  'tool_description',
  'arguments',
  'metadata',
] as const;

/** A case-insensitive substring match of `subject` against any text field of an event. */
export function subjectClause(d: Dialect, subject: string): { sql: string; params: SqlValue[] } {
  const pattern = `%${subject.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `(${SUBJECT_COLUMNS.map((column) => d.ilike(column)).join(' OR ')})`,
    params: SUBJECT_COLUMNS.map(() => pattern),
  };
}
