import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  readonly path: string;
  readonly synchronous: 'full' | 'normal';
  /** How long a statement waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
}

/** Opens the event file with the pragmas every connection of the store uses. */
export function openSqliteConnection(options: SqliteConnectionOptions): Database.Database {
  const db = new Database(options.path);
  // WAL lets readers in other processes (proxies, `mcp-sentinel mcp`) run while this one writes.
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous.toUpperCase()}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  db.pragma('foreign_keys = ON');
  return db;
}
