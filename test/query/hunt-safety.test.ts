import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileKql, KqlError } from '../../src/query/index.js';
import type { Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';
import { EVENTS, hunt, NOW, seedHuntData } from './hunt-fixture.js';

async function eventCount(store: Store): Promise<number> {
  return store.events.count({});
}

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code, String(error));
    return true;
  });
}

// Ask PostgreSQL before any suite loads the KQL parser: its synchronous half-second load could
// starve the availability probe's connect timeout and skip PostgreSQL for no reason.
const skips = await Promise.all(BACKENDS.map((backend) => backend.skip()));

for (const [index, backend] of BACKENDS.entries()) {
  describe(`hunting safety on ${backend.name}`, async () => {
    const skip = skips[index];
    let database: TestDatabase;
    let store: Store;
    before(async () => {
      if (skip) return;
      database = await backend.create();
      store = await database.open();
      await seedHuntData(store);
    });
    after(async () => {
      if (skip) return;
      await store.close();
      await database.drop();
    });

    it('binds values with quotes and SQL as parameters: they match as text and change nothing', {
      skip,
    }, async () => {
      const out = await hunt(
        store,
        'McpEvents | where Response has "O\'Brien said; DROP TABLE events" | project Tool',
      );
      assert.deepEqual(out.rows, [['http_fetch']]);
      assert.doesNotMatch(out.hunt.sql, /DROP|Brien/);
      const none = await hunt(
        store,
        "McpEvents | where User == \"x'; DELETE FROM events; --\" or Tool == 'it\\'s; DROP TABLE events' | count",
      );
      assert.deepEqual(none.rows, [[0]]);
      assert.doesNotMatch(none.hunt.sql, /DELETE|DROP/);
      assert.equal(await eventCount(store), EVENTS.length);
    });

    it('binds dynamic keys too: a key full of SQL is just a missing key', { skip }, async () => {
      const out = await hunt(
        store,
        'McpEvents | where isnotnull(Metadata["\'); DROP TABLE events; --"]) or Metadata["a\\"b"] == 1 | count',
      );
      assert.deepEqual(out.rows, [[0]]);
      assert.doesNotMatch(out.hunt.sql, /DROP/);
      assert.equal(await eventCount(store), EVENTS.length);
    });

    it('only knows schema identifiers: store tables and columns are not names in KQL', { skip }, async () => {
      for (const query of [
        'events | take 1',
        'McpEvents | project user_name',
        'api_keys | take 1',
        'McpEvents | project secret_hash',
      ]) {
        await assert.rejects(
          compileKql(query, { dialect: backend.name, now: NOW, maxRows: 10 }),
          (error: unknown) => {
            assert.ok(error instanceof KqlError);
            assert.equal(error.code, 'kql_invalid');
            return true;
          },
        );
      }
    });

    it('never returns server credentials, whatever the query asks', { skip }, async () => {
      const out = await hunt(store, 'Servers | extend all = strcat(Name, Description, tostring(Tags))');
      const text = JSON.stringify(out);
      for (const secret of ['secretpfx', 'sealed-secret', 'f'.repeat(64), '10.0.0.0/8']) {
        assert.equal(text.includes(secret), false, secret);
      }
      assert.equal(out.rows.length, 1);
    });

    it('refuses, before analysis, a query whose let names expand exponentially', { skip }, async () => {
      const lets = Array.from({ length: 30 }, (_, i) => `let t${i + 1} = t${i} | union t${i};`).join(' ');
      const started = Date.now();
      await assert.rejects(
        compileKql(`let t0 = McpEvents | take 1; ${lets} t30 | count`, {
          dialect: backend.name,
          now: NOW,
          maxRows: 10,
        }),
        (error: unknown) => {
          assert.ok(error instanceof KqlError);
          assert.equal(error.code, 'kql_unsupported');
          assert.match(error.message, /reads its let names more than 256 times/);
          return true;
        },
      );
      assert.ok(Date.now() - started < 10_000);
    });

    it('runs read-only: writes are refused and change nothing', { skip }, async () => {
      const limits = { timeoutMs: 5000, maxRows: 10 };
      for (const sql of [
        'DELETE FROM events',
        "UPDATE events SET tool = 'x'",
        "INSERT INTO audit_log (id, at, actor, action, target_type) VALUES ('x', 0, 'a', 'b', 'c')",
        'CREATE TABLE hunt_probe (a INTEGER)',
        'SELECT 1; DELETE FROM events',
        'SELECT 1; COMMIT; DELETE FROM events',
      ]) {
        await assert.rejects(store.hunting.run(sql, [], limits), (error: unknown) => {
          assert.match((error as { code?: string }).code ?? '', /forbidden|validation_error/, sql);
          return true;
        });
      }
      assert.equal(await eventCount(store), EVENTS.length);
      assert.deepEqual((await hunt(store, 'McpEvents | where Tool == "x" | count')).rows, [[0]]);
    });

    it('stops a query past its time limit with hunt_timeout, and keeps working', { skip }, async () => {
      const slow =
        backend.name === 'postgres'
          ? 'SELECT pg_sleep(10)'
          : 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
      const started = Date.now();
      await rejects(store.hunting.run(slow, [], { timeoutMs: 300, maxRows: 10 }), 'hunt_timeout');
      assert.ok(Date.now() - started < 5000, 'the timeout returned promptly');
      assert.deepEqual((await hunt(store, 'McpEvents | count')).rows, [[EVENTS.length]]);
    });

    it('cuts rows at the limit and flags truncation', { skip }, async () => {
      const cut = await hunt(store, 'McpEvents | project EventId', { maxRows: 3 });
      assert.equal(cut.rows.length, 3);
      assert.equal(cut.truncated, true);
      const exact = await hunt(store, 'McpEvents | project EventId', { maxRows: EVENTS.length });
      assert.equal(exact.rows.length, EVENTS.length);
      assert.equal(exact.truncated, false);
    });
  });
}
