import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

interface EventPage {
  items: { id: string; user: string; tool: string; timestamp: string }[];
  nextCursor: string | null;
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`reading events (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let serverA: string;
    let serverB: string;

    before(async () => {
      t = await createTestApp(backend);
      const a = await registerServer(t, { name: 'a' });
      const b = await registerServer(t, { name: 'b' });
      serverA = a.id;
      serverB = b.id;
      const events = Array.from({ length: 25 }, (_, i) => ({
        timestamp: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
        user: i % 5 === 0 ? 'mallory@example.com' : 'alice@example.com',
        agent: i % 2 ? 'claude-code' : 'cursor',
        tool: i % 3 ? 'read_file' : 'exec',
        method: 'tools/call',
        session_id: `s-${i % 4}`,
        arguments: { path: `/srv/app/file-${i}.txt` },
        response: i === 7 ? 'Contains the WORD Needle somewhere' : 'ok',
      }));
      for (const [server, body] of [
        [a, events],
        [b, events.slice(0, 5)],
      ] as const) {
        const response = await t.http.inject({
          method: 'POST',
          url: server.webhookPath,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey ?? '' },
        });
        assert.equal(response.statusCode, 202);
      }
    });
    after(() => t?.close());

    const list = async (query: string) => {
      const response = await t.request({ method: 'GET', url: `/api/events?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as EventPage;
    };

    it('lists newest first and pages with a cursor through every event exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: EventPage = await list(
          `server=${serverA}&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((e) => e.timestamp));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null);
      assert.equal(pages, 3);
      assert.equal(seen.length, 25);
      assert.equal(new Set(seen).size, 25);
      assert.deepEqual(seen, [...seen].sort().reverse());
    });

    it('filters by server, user, agent, tool, method, session and time range', async () => {
      assert.equal((await list(`server=${serverB}&limit=100`)).items.length, 5);
      assert.equal((await list(`server=${serverA}&user=mallory@example.com&limit=100`)).items.length, 5);
      assert.equal((await list(`server=${serverA}&agent=cursor&limit=100`)).items.length, 13);
      assert.equal((await list(`server=${serverA}&tool=exec&limit=100`)).items.length, 9);
      assert.equal((await list(`server=${serverA}&method=tools/call&limit=100`)).items.length, 25);
      assert.equal((await list(`server=${serverA}&session=s-1&limit=100`)).items.length, 6);
      const range = await list(
        `server=${serverA}&from=2026-11-01T10:05:00Z&to=2026-11-01T10:10:00Z&limit=100`,
      );
      assert.equal(range.items.length, 5);
      assert.equal(range.items[0]?.timestamp, '2026-11-01T10:09:00.000Z');
    });

    it('searches text across payload fields, case-insensitively', async () => {
      const found = await list(`q=needle&limit=100`);
      assert.equal(found.items.length, 1);
      assert.equal((await list(`q=file-24.txt&limit=100`)).items.length, 1);
    });

    it('rejects bad queries with the field named', async () => {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=abc', 'limit'],
        ['from=yesterday', 'from'],
        ['from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'from'],
        ['colour=red', ''],
        ['cursor=garbage', 'cursor'],
      ]) {
        const response = await t.request({ method: 'GET', url: `/api/events?${query}` });
        assert.equal(response.statusCode, 400, query);
        const details = response.json().error.details as { path?: string }[];
        assert.ok(
          details.some((d) => (d.path ?? '') === field),
          `${query}: ${response.body}`,
        );
      }
    });

    it('gets one event by id, 404 for unknown or malformed ids', async () => {
      const [first] = (await list('limit=1')).items;
      const one = await t.request({ method: 'GET', url: `/api/events/${first?.id}` });
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().id, first?.id);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/events/01a1fc6b-0000-7000-8000-000000000000' }))
          .statusCode,
        404,
      );
      assert.equal((await t.request({ method: 'GET', url: '/api/events/1%20OR%201' })).statusCode, 404);
    });
  });
}
