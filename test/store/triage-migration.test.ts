import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../../src/core/index.js';
import type { Store } from '../../src/store/index.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/postgres-migrations.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/sqlite-migrations.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

const OLD = ['new', 'acknowledged', 'investigating', 'resolved', 'false_positive'] as const;
const T = Date.parse('2026-10-01T10:00:00Z');

/** Builds the schema as it stood before version 4 and fills it with alerts in the old statuses. */
async function seedBeforeTriage(database: TestDatabase): Promise<Record<string, string>> {
  const ids = Object.fromEntries(OLD.map((status) => [status, newId()]));
  const row = (status: string) => [
    ids[status],
    `key-${status}`,
    `key-${status}`,
    'MCP-PI-001',
    'server',
    'alice',
    'Instruction override',
    'high',
    'prompt_injection',
    status,
    1,
  ];
  const insert = `INSERT INTO alerts (id, group_key, active_key, rule_id, server_id, user_name, title, severity,
    category, status, finding_count, first_seen, last_seen, created_at, updated_at)`;
  if (database.backend === 'sqlite') {
    const db = new Database(database.url.slice('sqlite:'.length));
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version < 4)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, T);
    }
    for (const status of OLD) {
      db.prepare(`${insert} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        ...row(status),
        T,
        T,
        T,
        T,
      );
    }
    db.close();
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version < 4)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
    }
    const at = new Date(T);
    for (const status of OLD) {
      await client.query(
        `${insert} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [...row(status), at, at, at, at],
      );
    }
    await client.end();
  }
  return ids;
}

async function rawRows(database: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  if (database.backend === 'sqlite') {
    const db = new Database(database.url.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`migration v4 triage (${backend.name})`, { skip }, () => {
    it('moves old statuses to the new lifecycle and frees the keys of closed alerts', async () => {
      const database = await backend.create();
      let store: Store | undefined;
      try {
        const ids = await seedBeforeTriage(database);
        store = await database.open();
        assert.ok((await store.schemaVersion()) >= 4);
        const get = async (old: string) => {
          const alert = await store?.alerts.findById(ids[old] ?? '');
          assert.ok(alert);
          return alert;
        };
        const expected: Record<string, [string, string | null, boolean]> = {
          new: ['new', null, false],
          acknowledged: ['in_progress', null, false],
          investigating: ['in_progress', null, false],
          resolved: ['resolved', null, true],
          false_positive: ['dismissed', 'false_positive', true],
        };
        for (const [old, [status, reason, closed]] of Object.entries(expected)) {
          const alert = await get(old);
          assert.deepEqual(
            [alert.status, alert.reason, alert.closedAt !== null],
            [status, reason, closed],
            old,
          );
          assert.equal(alert.assignee, null);
        }
        assert.deepEqual(await store.alertTriage.history(ids['new'] ?? ''), []);
        assert.deepEqual(
          (await store.posture.alertCounts('status', {})).map((c) => [c.key, c.count]),
          [
            ['dismissed', 1],
            ['in_progress', 2],
            ['new', 1],
            ['resolved', 1],
          ],
        );
        const activeKeys = await rawRows(
          database,
          'SELECT status, active_key FROM alerts WHERE active_key IS NOT NULL ORDER BY status',
        );
        assert.deepEqual(
          activeKeys.map((r) => r['status']),
          ['in_progress', 'in_progress', 'new'],
          'closed alerts no longer take findings',
        );
      } finally {
        await store?.close();
        await database.drop();
      }
    });
  });
}
