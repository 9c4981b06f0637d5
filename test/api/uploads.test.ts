import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

function event(i: number) {
  return {
    timestamp: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
    user: `u${i % 7}`,
    tool: 'read_file',
    arguments: { path: `/f/${i}` },
  };
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`log upload (${backend.name})`, { skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(backend);
    });
    after(() => t?.close());

    const upload = (serverId: string, payload: string | Buffer, key?: string) =>
      t.http.inject({
        method: 'POST',
        url: `/api/servers/${serverId}/uploads`,
        payload,
        headers: { authorization: `Bearer ${key ?? t.adminKey}`, 'content-type': 'application/octet-stream' },
      });

    const count = async (serverId: string) => t.app.store.events.count({ serverId });

    it('loads JSONL and reports rejected lines by line number', async () => {
      const server = await registerServer(t, { name: 'jsonl' });
      const lines = [
        JSON.stringify(event(1)),
        '{broken',
        '',
        JSON.stringify({ user: 'no time' }),
        JSON.stringify(event(2)),
      ];
      const response = await upload(server.id, lines.join('\n'));
      assert.equal(response.statusCode, 201, response.body);
      const report = response.json();
      assert.equal(report.accepted, 2);
      assert.equal(report.rejectedCount, 2);
      assert.deepEqual(
        (report.rejected as { line: number }[]).map((r) => r.line),
        [2, 4],
      );
      assert.equal(await count(server.id), 2);
    });

    it('loads a JSON array and a gzipped file', async () => {
      const server = await registerServer(t, { name: 'array' });
      const array = JSON.stringify(
        Array.from({ length: 50 }, (_, i) => event(i)),
        null,
        2,
      );
      assert.equal((await upload(server.id, array)).json().accepted, 50);
      const gz = gzipSync(Array.from({ length: 30 }, (_, i) => JSON.stringify(event(1000 + i))).join('\n'));
      assert.equal((await upload(server.id, gz)).json().accepted, 30);
      assert.equal(await count(server.id), 80);
    });

    it('does not double events when the same file is uploaded twice, yet keeps true repeats within a file', async () => {
      const server = await registerServer(t, { name: 'twice' });
      const lines = [event(1), event(2), event(2), { ...event(3), id: 'x-1' }]
        .map((e) => JSON.stringify(e))
        .join('\n');
      const first = (await upload(server.id, lines)).json();
      const second = (await upload(server.id, lines)).json();
      assert.deepEqual([first.accepted, first.duplicates], [4, 0]);
      assert.deepEqual([second.accepted, second.duplicates], [0, 4]);
      assert.equal(await count(server.id), 4);
    });

    it('streams a large upload (120,000 events) in batches', async () => {
      const server = await registerServer(t, { name: 'large' });
      const body = Array.from({ length: 120_000 }, (_, i) => JSON.stringify(event(i))).join('\n');
      const response = await upload(server.id, body);
      assert.equal(response.statusCode, 201);
      assert.equal(response.json().accepted, 120_000);
      assert.equal(await count(server.id), 120_000);
    });

    it('answers 400 for an empty or truncated upload, 404 for an unknown server, 403 below admin', async () => {
      const server = await registerServer(t, { name: 'errors' });
      const empty = await upload(server.id, '   ');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.message, /empty/);
      const truncated = await upload(server.id, `[${JSON.stringify(event(1))}, {"timestamp": "2026`);
      assert.equal(truncated.statusCode, 400);
      assert.match(truncated.json().error.message, /truncated/);
      assert.equal((await upload('01a1fc6b-0000-7000-8000-000000000000', '[]')).statusCode, 404);
      const viewer = (
        await t.request({ method: 'POST', url: '/api/keys', body: { name: 'v', role: 'viewer' } })
      ).json();
      assert.equal((await upload(server.id, JSON.stringify(event(1)), viewer.key)).statusCode, 403);
    });
  });
}
