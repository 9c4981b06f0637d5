import pg from 'pg';
import type { Migration } from '../migration.js';
import { applyIncrements, counterId, type RateIncrement } from '../rate-increments.js';
import { createRepositories } from '../repositories/sql-repositories.js';
import type { RateLimitRepository, Store } from '../store.js';
import { PostgresDriver } from './postgres-driver.js';
import { createPostgresHuntRunner } from './postgres-hunt-runner.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

export interface PostgresStoreOptions {
  readonly url: string;
  readonly poolSize: number;
}

/** Any fixed number works; every Sentinel node uses this one to serialize migrations. */
const MIGRATION_LOCK = 0x5e471e1;

/** Connects, applies migrations (one node at a time) and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize });
  // An idle client's connection error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await migrate(pool, POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const driver = new PostgresDriver(pool);
  return {
    backend: 'postgres',
    ...createRepositories(driver),
    rateLimits: postgresRateLimits(driver),
    hunting: createPostgresHuntRunner(pool),
    schemaVersion: async () => {
      const rows = await driver.all('SELECT MAX(version) AS v FROM schema_migrations');
      return Number(rows[0]?.['v'] ?? 0);
    },
    ping: async () => {
      await driver.all('SELECT 1');
    },
    close: () => driver.close(),
  };
}

async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const { rows } = await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
    const applied = Number(rows[0]?.v ?? 0);
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())',
          [migration.version, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

function postgresRateLimits(driver: PostgresDriver): RateLimitRepository {
  const consumeMany = (items: readonly RateIncrement[]) =>
    applyIncrements(items, async (sums) => {
      const rows = await driver.all(
        `INSERT INTO rate_windows (key, window_start, count)
         SELECT * FROM unnest(?::text[], ?::bigint[], ?::int[])
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_windows.count + EXCLUDED.count
         RETURNING key, window_start, count`,
        [sums.map((s) => s.key), sums.map((s) => s.windowStart), sums.map((s) => s.cost)],
      );
      return new Map(
        rows.map((row) => [
          counterId({ key: String(row['key']), windowStart: Number(row['window_start']) }),
          Number(row['count']),
        ]),
      );
    });
  return {
    consumeMany,
    consume: async (key, windowStart, cost) => (await consumeMany([{ key, windowStart, cost }]))[0] ?? cost,
  };
}
