import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NOW, seedHuntData } from '../query/hunt-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

// Ask PostgreSQL before any suite loads the KQL parser: its synchronous half-second load could
// starve the availability probe's connect timeout and skip PostgreSQL for no reason.
const skips = await Promise.all(BACKENDS.map((backend) => backend.skip()));

for (const [index, backend] of BACKENDS.entries()) {
  describe(`POST /api/hunt on ${backend.name}`, async () => {
    const skip = skips[index];
    let t: TestApp;
    let viewerKey: string;
    before(async () => {
      if (skip) return;
      t = await createTestApp(backend, { SENTINEL_HUNT_MAX_ROWS: '5' }, () => NOW);
      await seedHuntData(t.app.store);
      const created = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'analyst', role: 'viewer' },
      });
      viewerKey = (created.json() as { key: string }).key;
    });
    after(() => (skip ? undefined : t.close()));

    it('runs a query for a viewer: columns with types, rows, statistics, render hint', { skip }, async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/hunt',
        key: viewerKey,
        body: { query: 'McpEvents | summarize n = count() by Method | sort by Method asc | render piechart' },
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.deepEqual(body.columns, [
        { name: 'Method', type: 'string' },
        { name: 'n', type: 'long' },
      ]);
      assert.deepEqual(body.rows, [
        ['tools/call', 7],
        ['tools/list', 1],
      ]);
      assert.deepEqual(body.render, { visualization: 'piechart', properties: {} });
      assert.equal(body.statistics.rowCount, 2);
      assert.equal(body.statistics.truncated, false);
      assert.equal(typeof body.statistics.translateMs, 'number');
      assert.equal(typeof body.statistics.executeMs, 'number');
    });

    it('restricts to a timespan given as an ISO duration or a range', { skip }, async () => {
      const recent = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: { query: 'McpEvents | count', timespan: 'PT12H' },
      });
      assert.deepEqual(recent.json().rows, [[2]]); // 12:30 and 23:59:59.999 on Nov 1
      const range = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: {
          query: 'McpEvents | count',
          timespan: { from: '2026-10-30T00:00:00Z', to: '2026-10-31T00:00:00Z' },
        },
      });
      assert.deepEqual(range.json().rows, [[1]]);
      const bad = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: { query: 'McpEvents', timespan: '7 days' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'validation_error');
    });

    it('flags truncation at SENTINEL_HUNT_MAX_ROWS', { skip }, async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: { query: 'McpEvents | project EventId' },
      });
      assert.equal(response.json().rows.length, 5);
      assert.equal(response.json().statistics.truncated, true);
    });

    it('answers a wrong query with 400 and positioned diagnostics', { skip }, async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: { query: 'McpEvents\n| where Usr == "a"' },
      });
      assert.equal(response.statusCode, 400);
      const error = response.json().error;
      assert.equal(error.code, 'kql_invalid');
      assert.deepEqual(
        error.diagnostics.map((d: { line: number; column: number; length: number }) => [
          d.line,
          d.column,
          d.length,
        ]),
        [[2, 9, 3]],
      );
      assert.match(error.diagnostics[0].message, /Usr/);
    });

    it('answers unsupported KQL with 400 kql_unsupported naming it', { skip }, async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/hunt',
        body: { query: 'McpEvents | make-series count() on TimeGenerated step 1h' },
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'kql_unsupported');
      assert.match(response.json().error.diagnostics[0].message, /make-series/);
    });

    it('validates without running, and serves the schema', { skip }, async () => {
      const ok = await t.request({
        method: 'POST',
        url: '/api/hunt/validate',
        key: viewerKey,
        body: { query: 'Alerts | take 1' },
      });
      assert.deepEqual(ok.json(), { valid: true, diagnostics: [] });
      const wrong = await t.request({
        method: 'POST',
        url: '/api/hunt/validate',
        body: { query: 'Alerts | where Nope' },
      });
      assert.equal(wrong.json().valid, false);
      assert.equal(wrong.json().diagnostics[0].column, 16);
      const schema = await t.request({ method: 'GET', url: '/api/hunt/schema', key: viewerKey });
      assert.deepEqual(
        schema.json().tables.map((table: { table: string }) => table.table),
        ['McpEvents', 'Findings', 'Alerts', 'Servers', 'AuditLogs'],
      );
    });

    it('answers a query past SENTINEL_HUNT_TIMEOUT_SECONDS with 422 hunt_timeout', { skip }, async () => {
      const slow = await createTestApp(backend, { SENTINEL_HUNT_TIMEOUT_SECONDS: '1' }, () => NOW);
      try {
        await seedHuntData(slow.app.store);
        // Nine self-joins of 8 events on a constant key: 8^10 rows to count, far more than a second.
        const side = '(McpEvents | extend k = 1 | project k)';
        const query = `McpEvents | extend k = 1 | project k${` | join kind=inner ${side} on k`.repeat(9)} | count`;
        const response = await slow.request({ method: 'POST', url: '/api/hunt', body: { query } });
        assert.equal(response.statusCode, 422, response.body);
        assert.equal(response.json().error.code, 'hunt_timeout');
        const after = await slow.request({
          method: 'POST',
          url: '/api/hunt',
          body: { query: 'McpEvents | count' },
        });
        assert.deepEqual(after.json().rows, [[8]]);
      } finally {
        await slow.close();
      }
    });

    it('runs hunts side by side', { skip }, async () => {
      const queries = [
        'McpEvents | count',
        'Findings | count',
        'Alerts | count',
        'McpEvents | distinct User | count',
      ];
      const responses = await Promise.all(
        queries.map((query) => t.request({ method: 'POST', url: '/api/hunt', body: { query } })),
      );
      assert.deepEqual(
        responses.map((r) => r.json().rows),
        [[[8]], [[2]], [[2]], [[4]]],
      );
    });

    it('needs a key', { skip }, async () => {
      for (const [method, url] of [
        ['POST', '/api/hunt'],
        ['POST', '/api/hunt/validate'],
        ['GET', '/api/hunt/schema'],
      ] as const) {
        const response = await t.request({
          method,
          url,
          key: null,
          ...(method === 'POST' ? { body: { query: 'McpEvents' } } : {}),
        });
        assert.equal(response.statusCode, 401, url);
      }
    });
  });
}
