import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../src/core/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { INJECTION, sendEvents, TestClock } from '../support/triage-fixtures.js';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`triage, posture, activity and data subject routes (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let server: { id: string; apiKey?: string; webhookPath: string };
    let viewerKey: string;
    let responderKey: string;
    const alertIds: string[] = [];
    const clock = new TestClock(Date.parse('2026-11-10T12:00:00Z'));
    const createKey = async (role: string) => {
      const response = await t.request({ method: 'POST', url: '/api/keys', body: { name: role, role } });
      assert.equal(response.statusCode, 201, response.body);
      return (response.json() as { key: string }).key;
    };

    before(async () => {
      t = await createTestApp(backend, {}, clock.now);
      server = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
      viewerKey = await createKey('viewer');
      responderKey = await createKey('responder');
      for (const user of ['user1', 'user2', 'user3']) {
        await sendEvents(t, server, [
          { timestamp: '2026-11-10T10:00:00Z', user, agent: 'claude', tool: 'fetch', response: INJECTION },
        ]);
      }
      const alerts = await t.request({ method: 'GET', url: '/api/alerts?rule=MCP-PI-001&status=new' });
      alertIds.push(...(alerts.json() as { items: { id: string }[] }).items.map((alert) => alert.id));
      assert.equal(alertIds.length, 3);
    });
    after(() => t?.close());

    it('transitions, assigns, comments and reads the history over REST (responder)', async () => {
      const id = alertIds[0];
      const moved = await t.request({
        method: 'POST',
        url: `/api/alerts/${id}/transition`,
        key: responderKey,
        body: { status: 'in_progress' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().status, 'in_progress');
      const assigned = await t.request({
        method: 'POST',
        url: `/api/alerts/${id}/assign`,
        key: responderKey,
        body: { assignee: 'ana@example.com' },
      });
      assert.equal(assigned.json().assignee, 'ana@example.com');
      const mine = await t.request({
        method: 'GET',
        url: '/api/alerts?assignee=ana@example.com',
        key: viewerKey,
      });
      assert.deepEqual(
        (mine.json() as { items: { id: string }[] }).items.map((a) => a.id),
        [id],
      );
      const comment = await t.request({
        method: 'POST',
        url: `/api/alerts/${id}/comments`,
        key: responderKey,
        body: { text: '<script>alert(1)</script> looks like a scanner' },
      });
      assert.equal(comment.statusCode, 201, comment.body);
      const resolved = await t.request({
        method: 'POST',
        url: `/api/alerts/${id}/transition`,
        key: responderKey,
        body: { status: 'resolved', reason: 'false_positive', comment: 'Test page.' },
      });
      assert.equal(resolved.json().reason, 'false_positive');
      const history = await t.request({ method: 'GET', url: `/api/alerts/${id}/history`, key: viewerKey });
      assert.equal(history.statusCode, 200);
      assert.deepEqual(
        (history.json() as { items: { kind: string; actor: string }[] }).items.map((h) => [h.kind, h.actor]),
        [
          ['status', 'responder'],
          ['assign', 'responder'],
          ['comment', 'responder'],
          ['status', 'responder'],
        ],
      );
      const listed = await t.request({ method: 'GET', url: '/api/alerts?status=resolved', key: viewerKey });
      assert.deepEqual(
        (listed.json() as { items: { id: string }[] }).items.map((a) => a.id),
        [id],
      );
    });

    it('answers 400, 401, 403, 404 and 409 with clear messages', async () => {
      const id = alertIds[1];
      const error = async (
        method: 'GET' | 'POST',
        url: string,
        body: unknown,
        key: string | null,
        status: number,
      ) => {
        const response = await t.request({ method, url, body, key });
        assert.equal(response.statusCode, status, response.body);
        return (response.json() as { error: { code: string; message: string; details?: unknown[] } }).error;
      };
      assert.match(
        (await error('POST', `/api/alerts/${id}/transition`, { status: 'resolved' }, responderKey, 400))
          .message,
        /closing an alert as resolved needs a reason/,
      );
      assert.equal(
        (await error('POST', `/api/alerts/${id}/transition`, { status: 'in_progress' }, viewerKey, 403)).code,
        'forbidden',
      );
      await error('POST', `/api/alerts/${id}/transition`, { status: 'in_progress' }, null, 401);
      await error('POST', `/api/alerts/${newId()}/transition`, { status: 'in_progress' }, responderKey, 404);
      await error('POST', '/api/alerts/not-an-id/transition', { status: 'in_progress' }, responderKey, 400);
      assert.equal(
        (await error('POST', `/api/alerts/${id}/transition`, { status: 'new' }, responderKey, 409)).message,
        'the alert is already new',
      );
      await error('POST', `/api/alerts/${id}/comments`, { text: 'x'.repeat(1001) }, responderKey, 400);
      await error('POST', `/api/alerts/${id}/comments`, {}, responderKey, 400);
      await error('POST', `/api/alerts/${id}/assign`, {}, responderKey, 400);
      await error('GET', '/api/alerts?status=acknowledged', undefined, viewerKey, 400);
      await error('GET', '/api/posture', undefined, null, 401);
      await error('GET', '/api/posture?days=1000', undefined, viewerKey, 400);
      await error('GET', '/api/compliance?framework=nist', undefined, viewerKey, 400);
      await error('GET', '/api/alerts/trends?by=color', undefined, viewerKey, 400);
      await error('GET', '/api/events/statistics?bucket=minute', undefined, viewerKey, 400);
      await error('GET', `/api/activity/servers/${newId()}`, undefined, viewerKey, 404);
    });

    it('applies bulk changes per alert', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/alerts/bulk',
        key: responderKey,
        body: { ids: [alertIds[1], alertIds[2], newId()], status: 'dismissed', reason: 'duplicate' },
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { succeeded: number; failed: number; results: { ok: boolean }[] };
      assert.equal(body.succeeded, 2);
      assert.equal(body.failed, 1);
      const refused = await t.request({
        method: 'POST',
        url: '/api/alerts/bulk',
        key: responderKey,
        body: { ids: 'all', status: 'dismissed', reason: 'duplicate' },
      });
      assert.equal(refused.statusCode, 400);
    });

    it('serves posture, compliance, trends, activity, graph, tools and statistics to viewers', async () => {
      const get = async (url: string) => {
        const response = await t.request({ method: 'GET', url, key: viewerKey });
        assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
        return response.json();
      };
      const posture = await get('/api/posture?days=3');
      assert.equal(posture.trend.length, 3);
      assert.ok(posture.rating.score >= 0 && posture.rating.score <= 100);
      assert.equal(posture.riskiestServers[0].label, 'web');
      const compliance = await get('/api/compliance?framework=mitre-atlas');
      assert.ok(compliance.atlas.tactics.length > 0);
      assert.equal(compliance.owasp, undefined);
      const trends = await get('/api/alerts/trends?days=2&by=status');
      const statuses = trends.series.map((s: { key: string }) => s.key);
      assert.ok(statuses.includes('dismissed') && statuses.includes('resolved'), statuses.join());
      const user = await get('/api/activity/users/user1?days=7');
      assert.equal(user.events, 1);
      const activity = await get(`/api/activity/servers/${server.id}`);
      assert.equal(activity.events, 3);
      const graph = await get('/api/activity/graph?days=7');
      assert.ok(graph.nodes.some((n: { id: string }) => n.id === 'agent:claude'));
      const tools = await get(`/api/tools?server=${server.id}`);
      assert.equal(tools.items[0].tool, 'fetch');
      assert.equal(tools.items[0].calls, 3);
      const stats = await get(
        '/api/events/statistics?bucket=hour&from=2026-11-10T09:00:00Z&to=2026-11-10T11:00:00Z',
      );
      assert.deepEqual(
        stats.buckets.map((b: { events: number }) => b.events),
        [0, 3],
      );
    });

    it('finds, exports (JSONL) and purges a data subject; servers still delete', async () => {
      const found = await t.request({
        method: 'GET',
        url: '/api/data-subjects/events?subject=user2&limit=10',
        key: viewerKey,
      });
      assert.equal(found.statusCode, 200, found.body);
      assert.equal(found.json().items.length, 1);
      const exported = await t.request({
        method: 'GET',
        url: '/api/data-subjects/events?subject=claude&format=jsonl',
        key: viewerKey,
      });
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-type']), /application\/x-ndjson/);
      const lines = exported.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { agent: string });
      assert.equal(lines.length, 3);
      assert.ok(lines.every((event) => event.agent === 'claude'));
      const badExport = await t.request({
        method: 'GET',
        url: '/api/data-subjects/events?format=jsonl',
        key: viewerKey,
      });
      assert.equal(badExport.statusCode, 400);

      const purge = (key: string, body: unknown) =>
        t.request({ method: 'POST', url: '/api/events/purge', key, body });
      assert.equal((await purge(responderKey, { subject: 'user2', confirm: 'PURGE' })).statusCode, 403);
      const unconfirmed = await purge(t.adminKey, { subject: 'user2' });
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(unconfirmed.body, /must be exactly \\"PURGE\\"/);
      const purged = await purge(t.adminKey, { subject: 'user2', confirm: 'PURGE' });
      assert.equal(purged.statusCode, 200, purged.body);
      assert.equal(purged.json().events, 1);
      const gone = await t.request({
        method: 'GET',
        url: '/api/data-subjects/events?subject=user2',
        key: viewerKey,
      });
      assert.deepEqual(gone.json().items, []);

      const deleted = await t.request({ method: 'DELETE', url: `/api/servers/${server.id}` });
      assert.equal(deleted.statusCode, 204);
    });
  });
}
