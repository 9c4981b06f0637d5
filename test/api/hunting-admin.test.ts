import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { huntEvent } from '../support/hunting-events.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const QUERY = 'McpEvents | where Tool has "exec" | project TimeGenerated, ServerId, User, Tool';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`saved queries and analytics rules over REST (${backend.name})`, { skip }, () => {
    let t: TestApp;
    const keys: Record<'viewer' | 'responder', string> = { viewer: '', responder: '' };

    before(async () => {
      t = await createTestApp(backend, {}, () => new Date(NOW));
      for (const role of ['viewer', 'responder'] as const) {
        const response = await t.request({ method: 'POST', url: '/api/keys', body: { name: role, role } });
        assert.equal(response.statusCode, 201, response.body);
        keys[role] = (response.json() as { key: string }).key;
      }
    });
    after(() => t?.close());

    it('saved queries: CRUD with roles (responder writes, viewer reads)', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/saved-queries',
        key: keys.responder,
        body: { name: 'exec', description: 'exec calls', query: QUERY },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json() as { id: string };
      assert.equal(created.headers['location'], `/api/saved-queries/${id}`);
      const listed = await t.request({ method: 'GET', url: '/api/saved-queries', key: keys.viewer });
      assert.deepEqual(
        (listed.json() as { items: { id: string }[] }).items.map((q) => q.id),
        [id],
      );
      const forbidden = await t.request({
        method: 'PUT',
        url: `/api/saved-queries/${id}`,
        key: keys.viewer,
        body: { name: 'exec', query: QUERY },
      });
      assert.equal(forbidden.statusCode, 403);
      const replaced = await t.request({
        method: 'PUT',
        url: `/api/saved-queries/${id}`,
        key: keys.responder,
        body: { name: 'exec (renamed)', query: `${QUERY} | take 10` },
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      assert.equal((replaced.json() as { description: string }).description, '');
      const duplicate = await t.request({
        method: 'POST',
        url: '/api/saved-queries',
        body: { name: 'exec (renamed)', query: QUERY },
      });
      assert.equal(duplicate.statusCode, 409);
      const got = await t.request({ method: 'GET', url: `/api/saved-queries/${id}`, key: keys.viewer });
      assert.equal((got.json() as { name: string }).name, 'exec (renamed)');
      const deleted = await t.request({
        method: 'DELETE',
        url: `/api/saved-queries/${id}`,
        key: keys.responder,
      });
      assert.equal(deleted.statusCode, 204);
      assert.equal((await t.request({ method: 'GET', url: `/api/saved-queries/${id}` })).statusCode, 404);
    });

    it('saved queries: a KQL error comes back as 400 with its position', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/saved-queries',
        body: { name: 'bad', query: 'McpEvents | summarize count() by Nope' },
      });
      assert.equal(response.statusCode, 400, response.body);
      const body = response.json() as {
        error: { code: string; details: { path: string; message: string }[] };
      };
      assert.equal(body.error.code, 'kql_invalid');
      assert.equal(body.error.details[0]?.path, '1:34');
      assert.match(body.error.details[0]?.message ?? '', /Nope/);
    });

    it('analytics rules: admin CRUD, validation, run now raising alerts', async () => {
      await t.app.store.events.insertBatch(
        ['srv-1', 'srv-1', 'srv-2'].map((serverId, i) => ({
          event: huntEvent({
            serverId,
            tool: 'exec',
            timestamp: new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(),
          }),
          dedupeKey: null,
        })),
      );
      const rule = { name: 'exec', query: QUERY, frequencySeconds: 600, lookbackSeconds: 3600, threshold: 1 };
      const asResponder = await t.request({
        method: 'POST',
        url: '/api/analytics-rules',
        key: keys.responder,
        body: rule,
      });
      assert.equal(asResponder.statusCode, 403);
      const invalid = await t.request({
        method: 'POST',
        url: '/api/analytics-rules',
        body: { ...rule, frequencySeconds: 30 },
      });
      assert.equal(invalid.statusCode, 400);
      assert.equal(
        (invalid.json() as { error: { details: { path: string }[] } }).error.details[0]?.path,
        'frequencySeconds',
      );
      const created = await t.request({ method: 'POST', url: '/api/analytics-rules', body: rule });
      assert.equal(created.statusCode, 201, created.body);
      const { id, severity, enabled } = created.json() as { id: string; severity: string; enabled: boolean };
      assert.deepEqual([severity, enabled], ['medium', true]);
      const run = await t.request({ method: 'POST', url: `/api/analytics-rules/${id}/run` });
      assert.equal(run.statusCode, 200, run.body);
      const summary = run.json() as { status: string; rowCount: number; alertIds: string[] };
      assert.equal(summary.status, 'success');
      assert.equal(summary.rowCount, 3);
      assert.equal(summary.alertIds.length, 2);
      const alerts = await t.request({ method: 'GET', url: `/api/alerts?rule=ANALYTICS:${id}` });
      assert.equal((alerts.json() as { items: unknown[] }).items.length, 2, alerts.body);
      const replaced = await t.request({
        method: 'PUT',
        url: `/api/analytics-rules/${id}`,
        body: { ...rule, threshold: 3, enabled: false },
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      const shown = await t.request({ method: 'GET', url: `/api/analytics-rules/${id}`, key: keys.viewer });
      const view = shown.json() as { threshold: number; enabled: boolean; lastStatus: string };
      assert.deepEqual([view.threshold, view.enabled, view.lastStatus], [3, false, 'success']);
      const quiet = await t.request({ method: 'POST', url: `/api/analytics-rules/${id}/run` });
      assert.deepEqual((quiet.json() as { alertIds: string[] }).alertIds, []);
      const listed = await t.request({ method: 'GET', url: '/api/analytics-rules', key: keys.viewer });
      assert.equal((listed.json() as { items: unknown[] }).items.length, 1);
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/analytics-rules/${id}` })).statusCode,
        204,
      );
      assert.equal(
        (await t.request({ method: 'POST', url: `/api/analytics-rules/${id}/run` })).statusCode,
        404,
      );
    });

    it('documents the routes in OpenAPI from the zod schemas', async () => {
      const document = (await t.request({ method: 'GET', url: '/api/openapi.json', key: null })).json();
      for (const path of [
        '/api/saved-queries',
        '/api/saved-queries/{id}',
        '/api/analytics-rules',
        '/api/analytics-rules/{id}',
        '/api/analytics-rules/{id}/run',
      ]) {
        assert.ok(document.paths[path], path);
      }
      assert.deepEqual(document.components.schemas.AnalyticsRule.properties.frequencySeconds.minimum, 60);
      assert.deepEqual(document.components.schemas.SavedQuery.required.sort(), ['name', 'query']);
    });
  });
}
