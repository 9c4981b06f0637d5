import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { INJECTION, sendEvents, TestClock } from '../support/triage-fixtures.js';

interface ListedEvent {
  id: string;
  findingCount: number;
  maxSeverity: string | null;
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`retention settings and events with findings over HTTP (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let viewerKey: string;
    let flagged: string[];
    let clean: string[];
    const clock = new TestClock(Date.parse('2026-11-10T12:00:00Z'));

    before(async () => {
      t = await createTestApp(backend, { SENTINEL_RETENTION_DAYS: '30' }, clock.now);
      const web = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
      flagged = await sendEvents(t, web, [
        { timestamp: '2026-11-09T10:00:00Z', user: 'alice', tool: 'fetch', response: INJECTION },
        {
          timestamp: '2026-11-09T10:02:00Z',
          user: 'alice',
          tool: 'fetch',
          response: `${INJECTION} ${INJECTION}`,
        },
      ]);
      // Bob's first use of a tool is itself a (behaviour) finding; the later use is clean.
      const due = await sendEvents(t, web, [
        { timestamp: '2026-09-01T10:00:00Z', user: 'bob', tool: 'list' },
        { timestamp: '2026-10-01T10:00:00Z', user: 'bob', tool: 'list' },
      ]);
      clean = await sendEvents(t, web, [{ timestamp: '2026-11-09T10:01:00Z', user: 'bob', tool: 'list' }]);
      assert.equal(due.length, 2);
      const created = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'v', role: 'viewer' },
      });
      viewerKey = (created.json() as { key: string }).key;
    });
    after(() => t?.close());

    it('GET /api/settings/retention shows the window, no run yet, and what is due (viewer)', async () => {
      const response = await t.request({ method: 'GET', url: '/api/settings/retention', key: viewerKey });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), {
        days: 30,
        cutoff: '2026-10-11T12:00:00.000Z',
        lastRun: null,
        dueEvents: 2,
        intervalSeconds: 3600,
      });
      const anonymous = await t.request({ method: 'GET', url: '/api/settings/retention', key: null });
      assert.equal(anonymous.statusCode, 401);
    });

    it('shows the last run after one', async () => {
      await t.app.retention.run();
      const body = (
        await t.request({ method: 'GET', url: '/api/settings/retention', key: viewerKey })
      ).json() as { lastRun: { events: number; complete: boolean; ranAt: string }; dueEvents: number };
      assert.equal(body.lastRun.events, 2);
      assert.equal(body.lastRun.complete, true);
      assert.equal(body.lastRun.ranAt, '2026-11-10T12:00:00.000Z');
      assert.equal(body.dueEvents, 0);
    });

    it('lists events with their finding count and top severity', async () => {
      const response = await t.request({ method: 'GET', url: '/api/events', key: viewerKey });
      assert.equal(response.statusCode, 200, response.body);
      const items = (response.json() as { items: ListedEvent[] }).items;
      assert.deepEqual(
        items.map((event) => event.id),
        [flagged[1], clean[0], flagged[0]],
      );
      const byId = new Map(items.map((event) => [event.id, event]));
      for (const id of flagged) {
        assert.ok((byId.get(id)?.findingCount ?? 0) >= 1, `${id} has findings`);
        assert.equal(byId.get(id)?.maxSeverity, 'high');
      }
      const stored = await t.app.store.findings.list({ eventId: flagged[1]! }, { limit: 50 });
      assert.equal(byId.get(flagged[1]!)?.findingCount, stored.items.length);
      assert.equal(byId.get(clean[0]!)?.findingCount, 0);
      assert.equal(byId.get(clean[0]!)?.maxSeverity, null);
    });

    it('filters to events with findings only, paging over the filtered set', async () => {
      const first = await t.request({ method: 'GET', url: '/api/events?findings=true&limit=1' });
      assert.equal(first.statusCode, 200, first.body);
      const page = first.json() as { items: ListedEvent[]; nextCursor: string | null };
      assert.deepEqual(
        page.items.map((event) => event.id),
        [flagged[1]],
      );
      assert.ok(page.nextCursor);
      const rest = (
        await t.request({
          method: 'GET',
          url: `/api/events?findings=true&cursor=${encodeURIComponent(page.nextCursor)}`,
        })
      ).json() as { items: ListedEvent[]; nextCursor: string | null };
      assert.deepEqual(
        rest.items.map((event) => event.id),
        [flagged[0]],
      );
      assert.equal(rest.nextCursor, null);
      const all = (await t.request({ method: 'GET', url: '/api/events?findings=false' })).json() as {
        items: ListedEvent[];
      };
      assert.equal(all.items.length, 3);
      const bad = await t.request({ method: 'GET', url: '/api/events?findings=yes' });
      assert.equal(bad.statusCode, 400);
    });
  });
}
