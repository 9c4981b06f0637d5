import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from '../migration.js';
import { applyIncrements, counterId, type RateIncrement } from '../rate-increments.js';
import { createRepositories } from '../repositories/sql-repositories.js';
import type { SqlDriver } from '../sql-driver.js';
import type { RateLimitRepository, Store } from '../store.js';
import { openSqliteConnection, type SqliteConnectionOptions } from './sqlite-connection.js';
import { SqliteDriver } from './sqlite-driver.js';
import { createSqliteHuntRunner } from './sqlite-hunt-runner.js';
import { SQLITE_MIGRATIONS, SQLITE_RATE_SCHEMA } from './sqlite-migrations.js';
import { SqliteWorkerDriver } from './sqlite-worker-driver.js';

export interface SqliteStoreOptions extends SqliteConnectionOptions {
  /**
   * Where the connection's statements run: 'worker' (the default, what `serve`, the gateway and
   * the proxies use) keeps inserts and the WAL fsync off the event loop; 'main' is the in-thread
   * driver, for a caller that must not start a thread.
   */
  readonly thread?: 'worker' | 'main';
}

/** Opens (creating if needed) the SQLite file, applies migrations and returns the store. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = openSqliteConnection(options);
  // A one-off at open, before the worker starts: nothing else is waiting on the loop yet.
  migrate(db, SQLITE_MIGRATIONS);
  const driver = await openDriver(db, options);
  const rateDb = openRateDatabase(join(dirname(options.path), `${basename(options.path)}-rate.db`));
  const hunting = createSqliteHuntRunner(options.path);
  return {
    backend: 'sqlite',
    ...createRepositories(driver),
    rateLimits: sqliteRateLimits(rateDb),
    hunting,
    schemaVersion: async () => {
      const rows = await driver.all('SELECT MAX(version) AS v FROM schema_migrations');
      return Number(rows[0]?.['v'] ?? 0);
    },
    ping: async () => {
      await driver.all('SELECT 1');
    },
    close: async () => {
      await hunting.close();
      await driver.close();
      rateDb.close();
    },
  };
}

async function openDriver(db: Database.Database, options: SqliteStoreOptions): Promise<SqlDriver> {
  if (options.thread === 'main') return new SqliteDriver(db);
  // The migration connection stays open for the driver's reads on this thread.
  return SqliteWorkerDriver.start(options, db);
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? 'sentinel.db';
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
  db.transaction(() => {
    const applied = currentVersion(db);
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }
  }).immediate();
}

function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function openRateDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 10000');
  db.exec(SQLITE_RATE_SCHEMA);
  return db;
}

function sqliteRateLimits(db: Database.Database): RateLimitRepository {
  const upsert = db.prepare(
    `INSERT INTO rate_windows (key, window_start, count) VALUES (?, ?, ?)
     ON CONFLICT (key, window_start) DO UPDATE SET count = count + excluded.count RETURNING count`,
  );
  const prune = db.prepare('DELETE FROM rate_windows WHERE window_start < ?');
  let calls = 0;
  // One transaction per batch: with synchronous=OFF the per-statement commit was the cost.
  const writeAll = db.transaction((sums: readonly RateIncrement[]) => {
    const totals = new Map<string, number>();
    for (const sum of sums) {
      totals.set(counterId(sum), (upsert.get(sum.key, sum.windowStart, sum.cost) as { count: number }).count);
    }
    return totals;
  });
  const consumeMany = (items: readonly RateIncrement[]) => {
    calls += 1;
    if (calls % 1000 === 0 && items[0]) prune.run(items[0].windowStart - 3_600_000);
    return applyIncrements(items, async (sums) => writeAll.immediate(sums));
  };
  return {
    consumeMany,
    consume: async (key, windowStart, cost) => (await consumeMany([{ key, windowStart, cost }]))[0] ?? cost,
  };
}
