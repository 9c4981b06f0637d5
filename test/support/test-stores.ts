import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

export const PG_URL = process.env['SENTINEL_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One fresh database for one test: a temp SQLite file, or a new schema in the test PostgreSQL. */
export interface TestDatabase {
  readonly backend: 'sqlite' | 'postgres';
  /** The SENTINEL_DATABASE_URL that points at it (for child processes). */
  readonly url: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

let pgAvailable: Promise<string | null> | undefined;

/** Null when PostgreSQL answers; otherwise why not. Under CI a missing PostgreSQL fails instead of skipping. */
export function postgresUnavailable(): Promise<string | null> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 15_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      if (process.env['CI'] === 'true') {
        throw new Error(`PostgreSQL is required under CI but ${PG_URL} failed: ${(error as Error).message}`);
      }
      return `PostgreSQL not reachable at ${PG_URL}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-test-'));
  const path = join(dir, 'sentinel.db');
  return {
    backend: 'sqlite',
    url: `sqlite:${path}`,
    open: () => openStore({ database: { kind: 'sqlite', path }, pgPoolSize: 1, sqliteSynchronous: 'normal' }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    backend: 'postgres',
    url,
    open: () =>
      openStore({ database: { kind: 'postgres', url }, pgPoolSize: 4, sqliteSynchronous: 'normal' }),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A reason to skip, or undefined to run. */
  skip(): Promise<string | undefined>;
  create(): Promise<TestDatabase>;
}

/** The backends every store-facing suite runs against. */
export const BACKENDS: readonly Backend[] = [
  { name: 'sqlite', skip: async () => undefined, create: async () => createSqliteDatabase() },
  {
    name: 'postgres',
    skip: async () => (await postgresUnavailable()) ?? undefined,
    create: createPostgresDatabase,
  },
];
