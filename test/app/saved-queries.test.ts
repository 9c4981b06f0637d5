import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/core/index.js';
import { KqlError } from '../../src/query/index.js';
import { ADMIN, RESPONDER, VIEWER } from '../support/hunting-events.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const QUERY = 'McpEvents | where Tool has "exec" | summarize Calls = count() by User';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`saved queries (${backend.name})`, { skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(backend);
    });
    after(() => t?.close());

    it('creates, reads, replaces and deletes a saved query, auditing each change', async () => {
      const service = t.app.savedQueries;
      const created = await service.create(RESPONDER, { name: 'exec calls', query: QUERY });
      assert.equal(created.description, '');
      assert.equal(created.createdBy, 'rex');
      assert.deepEqual(await service.get(VIEWER, created.id), created);
      const updated = await service.update(ADMIN, created.id, {
        name: 'exec calls by user',
        description: 'who runs commands',
        query: `${QUERY} | top 5 by Calls`,
      });
      assert.equal(updated.updatedBy, 'ada');
      assert.equal(updated.createdBy, 'rex');
      assert.equal(updated.createdAt, created.createdAt);
      assert.deepEqual(
        (await service.list(VIEWER)).map((q) => q.name),
        ['exec calls by user'],
      );
      await service.delete(RESPONDER, created.id);
      await assert.rejects(service.get(VIEWER, created.id), NotFoundError);
      const actions = (await t.app.store.audit.list({ limit: 50 })).items
        .filter((entry) => entry.targetId === created.id)
        .map((entry) => entry.action)
        .sort();
      assert.deepEqual(actions, ['saved_query.create', 'saved_query.delete', 'saved_query.update']);
    });

    it('rejects an invalid KQL query with the error position', async () => {
      const error = await t.app.savedQueries
        .create(RESPONDER, { name: 'typo', query: 'McpEvents | where Toool == "exec"' })
        .then(
          () => assert.fail('expected a validation error'),
          (e: unknown) => e,
        );
      assert.ok(error instanceof KqlError, String(error));
      assert.equal(error.code, 'kql_invalid');
      // `Toool` starts at column 19 (1-based) of line 1, as Azure Data Explorer reports it.
      const [diagnostic] = error.diagnostics;
      assert.deepEqual(
        {
          line: diagnostic?.line,
          column: diagnostic?.column,
          offset: diagnostic?.offset,
          length: diagnostic?.length,
        },
        { line: 1, column: 19, offset: 18, length: 5 },
      );
      assert.match(diagnostic?.message ?? '', /Toool/);
      assert.equal((await t.app.savedQueries.list(VIEWER)).length, 0);
    });

    it('rejects bad fields with their paths', async () => {
      await assert.rejects(t.app.savedQueries.create(RESPONDER, { name: '', query: QUERY }), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.details.map((d) => d.path),
          ['name'],
        );
        return true;
      });
      await assert.rejects(
        t.app.savedQueries.create(RESPONDER, { name: 'x', query: QUERY, extra: 1 }),
        ValidationError,
      );
    });

    it('keeps names unique on create and on rename', async () => {
      const first = await t.app.savedQueries.create(RESPONDER, { name: 'one', query: QUERY });
      await t.app.savedQueries.create(RESPONDER, { name: 'two', query: QUERY });
      await assert.rejects(
        t.app.savedQueries.create(RESPONDER, { name: 'one', query: QUERY }),
        ConflictError,
      );
      await assert.rejects(
        t.app.savedQueries.update(RESPONDER, first.id, { name: 'two', query: QUERY }),
        ConflictError,
      );
      // Keeping its own name is not a conflict.
      await t.app.savedQueries.update(RESPONDER, first.id, { name: 'one', query: `${QUERY} | take 1` });
    });

    it('lets viewers read but not write', async () => {
      await assert.rejects(t.app.savedQueries.create(VIEWER, { name: 'nope', query: QUERY }), ForbiddenError);
      const [any] = await t.app.savedQueries.list(VIEWER);
      assert.ok(any);
      await assert.rejects(t.app.savedQueries.delete(VIEWER, any.id), ForbiddenError);
      await assert.rejects(t.app.savedQueries.get(VIEWER, 'not-an-id'), NotFoundError);
    });
  });
}
