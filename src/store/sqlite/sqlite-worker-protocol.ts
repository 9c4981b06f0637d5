import type { SqlValue } from '../sql-driver.js';

/** One thing the SQLite worker does on its connection. */
export type SqliteOperation =
  | { readonly op: 'all'; readonly sql: string; readonly params: readonly SqlValue[] }
  | { readonly op: 'run'; readonly sql: string; readonly params: readonly SqlValue[] }
  | {
      readonly op: 'insert';
      readonly table: string;
      readonly columns: readonly string[];
      readonly rows: readonly SqlValue[][];
    }
  | { readonly op: 'begin' }
  | { readonly op: 'commit' }
  | { readonly op: 'rollback' }
  | { readonly op: 'close' };

export interface SqliteRequest {
  readonly id: number;
  readonly operation: SqliteOperation;
}

/** An error as it crosses the thread boundary: structured clone would drop `code`. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** The answer to request `id`; id 0 answers the opening of the connection. */
export type SqliteReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** The id of the reply the worker sends once its connection is open (or failed to open). */
export const READY_ID = 0;
