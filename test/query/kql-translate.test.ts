import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';
import { FUNCTION_CASES, type HuntCase, NULL_TEXT_CASES, OPERATOR_CASES } from './hunt-cases.js';
import { hunt, seedHuntData } from './hunt-fixture.js';

// Ask PostgreSQL before any suite loads the KQL parser: its synchronous half-second load could
// starve the availability probe's connect timeout and skip PostgreSQL for no reason.
const skips = await Promise.all(BACKENDS.map((backend) => backend.skip()));

for (const [index, backend] of BACKENDS.entries()) {
  describe(`KQL hunting on ${backend.name}`, async () => {
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

    const check = (c: HuntCase) =>
      it(c.name, { skip }, async () => {
        const out = await hunt(store, c.query);
        if (c.columns) assert.deepEqual(out.columns, c.columns);
        assert.deepEqual(out.rows, c.rows, `${c.query}\n${out.hunt.sql}`);
      });
    describe('operators', () => OPERATOR_CASES.forEach(check));
    describe('functions and string operators', () => FUNCTION_CASES.forEach(check));
    describe("null strings read as ''", () => NULL_TEXT_CASES.forEach(check));

    it('reports column types from the analyser and the render hint', { skip }, async () => {
      const out = await hunt(
        store,
        'McpEvents | summarize n = count(), latest = max(TimeGenerated), tags = make_set(Metadata.operation) by User | render timechart with (title="Users", ytitle="calls")',
      );
      assert.deepEqual(out.hunt.columns, [
        { name: 'User', type: 'string' },
        { name: 'n', type: 'long' },
        { name: 'latest', type: 'datetime' },
        { name: 'tags', type: 'dynamic' },
      ]);
      assert.deepEqual(out.hunt.render, {
        visualization: 'timechart',
        properties: { title: 'Users', ytitle: 'calls' },
      });
    });

    it('restricts every table to the timespan', { skip }, async () => {
      const out = await hunt(store, 'McpEvents | union Findings | count', {
        timespan: { from: '2026-11-01T10:15:00.000Z', to: '2026-11-01T11:05:00.000Z' },
      });
      // Events at 10:20, 10:45, 11:05 and the findings of the first and last of them.
      assert.deepEqual(out.rows, [[5]]);
    });
  });
}
