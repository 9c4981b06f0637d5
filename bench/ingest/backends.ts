/**
 * The two stores Sentinel runs on, as the benchmark sets them up: a temp data dir for SQLite, a
 * fresh schema for PostgreSQL. Each gives the server's env, a way to count stored events straight
 * from the database (a benchmark may look under the hood), and a cleanup.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export type BackendName = 'sqlite' | 'postgres';

export interface RowCounts {
  readonly events: number;
  readonly findings: number;
  readonly alerts: number;
}

const COUNT_SQL = (schema: string, param: string) =>
  ['events', 'findings', 'alerts']
    .map((table) => `(SELECT COUNT(*) FROM ${schema}${table} WHERE server_id = ${param}) AS ${table}`)
    .join(', ');

export interface Backend {
  readonly name: BackendName;
  /** SENTINEL_* settings for this store. */
  readonly env: Readonly<Record<string, string>>;
  /** Rows a server has in `events`, `findings` and `alerts`. */
  countRows(serverId: string): Promise<RowCounts>;
  cleanup(): Promise<void>;
}

export async function openBackend(name: BackendName, pgUrl: string): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), `sentinel-bench-${name}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (name === 'sqlite') {
    return {
      name,
      env: { SENTINEL_DATA_DIR: dataDir },
      countRows: async (serverId) => {
        const db = new Database(join(dataDir, 'sentinel.db'), { readonly: true, fileMustExist: true });
        try {
          const row = db.prepare(`SELECT ${COUNT_SQL('', '@id')}`).get({ id: serverId });
          return toCounts(row as Record<string, unknown>);
        } finally {
          db.close();
        }
      },
      cleanup: async () => removeDir(),
    };
  }
  const schema = `bench_ingest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const separator = pgUrl.includes('?') ? '&' : '?';
  return {
    name,
    env: {
      SENTINEL_DATA_DIR: dataDir,
      SENTINEL_DATABASE_URL: `${pgUrl}${separator}options=-c%20search_path%3D${schema}`,
      SENTINEL_SECRET_KEY: randomBytes(32).toString('hex'),
    },
    countRows: async (serverId) => {
      const result = await admin.query(`SELECT ${COUNT_SQL(`${schema}.`, '$1')}`, [serverId]);
      return toCounts(result.rows[0] ?? {});
    },
    cleanup: async () => {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
        removeDir();
      }
    },
  };
}

function toCounts(row: Record<string, unknown>): RowCounts {
  return {
    events: Number(row['events'] ?? 0),
    findings: Number(row['findings'] ?? 0),
    alerts: Number(row['alerts'] ?? 0),
  };
}
