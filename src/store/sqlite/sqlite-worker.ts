// The thread that owns the store's SQLite connection (src/store/sqlite/sqlite-worker-channel.ts):
// better-sqlite3 is synchronous, so B-tree work and the WAL fsync run here, off the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Row, SqlValue } from '../sql-driver.js';
import { openSqliteConnection, type SqliteConnectionOptions } from './sqlite-connection.js';
import {
  READY_ID,
  type SqliteOperation,
  type SqliteReply,
  type SqliteRequest,
  type WireError,
} from './sqlite-worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-worker.ts runs only as a worker thread');

const statements = new Map<string, Database.Statement>();
const batches = new Map<string, Database.Transaction<(rows: readonly SqlValue[][]) => boolean[]>>();

function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

function statement(db: Database.Database, sql: string): Database.Statement {
  let prepared = statements.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

function insert(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
) {
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`;
  const prepared = statement(db, sql);
  // Inside the caller's transaction the rows join it; alone, the batch is one IMMEDIATE transaction.
  if (db.inTransaction) return rows.map((row) => prepared.run(...row).changes > 0);
  let batch = batches.get(sql);
  if (batch === undefined) {
    batch = db.transaction((all: readonly SqlValue[][]) =>
      all.map((row) => prepared.run(...row).changes > 0),
    );
    batches.set(sql, batch);
  }
  return batch.immediate(rows);
}

function execute(db: Database.Database, operation: SqliteOperation): unknown {
  switch (operation.op) {
    case 'all':
      return statement(db, operation.sql).all(...operation.params) as Row[];
    case 'run':
      return statement(db, operation.sql).run(...operation.params).changes;
    case 'insert':
      return insert(db, operation.table, operation.columns, operation.rows);
    case 'begin':
      return void statement(db, 'BEGIN IMMEDIATE').run();
    case 'commit':
      return void statement(db, 'COMMIT').run();
    case 'rollback':
      if (db.inTransaction) statement(db, 'ROLLBACK').run();
      return undefined;
    case 'close':
      db.close();
      return undefined;
  }
}

function serve(db: Database.Database, channel: NonNullable<typeof parentPort>): void {
  channel.on('message', ({ id, operation }: SqliteRequest) => {
    let reply: SqliteReply;
    try {
      reply = { id, ok: true, value: execute(db, operation) };
    } catch (error) {
      reply = { id, ok: false, error: toWire(error) };
    }
    channel.postMessage(reply);
    // Closing the port empties this thread's event loop, so it ends on its own.
    if (operation.op === 'close' && !db.open) channel.close();
  });
}

try {
  const db = openSqliteConnection(workerData as SqliteConnectionOptions);
  serve(db, port);
  port.postMessage({ id: READY_ID, ok: true, value: null } satisfies SqliteReply);
} catch (error) {
  port.postMessage({ id: READY_ID, ok: false, error: toWire(error) } satisfies SqliteReply);
  port.close();
}
