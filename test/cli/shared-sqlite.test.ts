import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../support/cli-io.js';
import { freePort, SentinelProcess, TEST_ADMIN_KEY } from '../support/sentinel-process.js';

describe('one SQLite file, several processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-shared-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a CLI ingest write to the file a running serve is writing to, losing nothing', async () => {
    const env = {
      SENTINEL_DATA_DIR: dir,
      SENTINEL_ADMIN_KEY: TEST_ADMIN_KEY,
      SENTINEL_WEBHOOK_RATE_LIMIT: '0',
    };
    const serve = new SentinelProcess(await freePort(), env);
    try {
      await serve.ready();
      const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };
      const created = (await (
        await fetch(`${serve.url}/api/servers`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'shared' }),
        })
      ).json()) as { server: { id: string }; credentials: { apiKey: string } };
      const file = join(dir, 'history.jsonl');
      const lines = Array.from({ length: 20_000 }, (_, i) =>
        JSON.stringify({
          timestamp: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(),
          tool: 'file',
          id: `f-${i}`,
        }),
      );
      writeFileSync(file, lines.join('\n'));

      let webhookAccepted = 0;
      const webhooks = (async () => {
        for (let i = 0; i < 200; i++) {
          const response = await fetch(`${serve.url}/api/mcp/webhook/${created.server.id}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': created.credentials.apiKey },
            body: JSON.stringify({ timestamp: new Date().toISOString(), tool: 'live', id: `w-${i}` }),
          });
          const text = await response.text();
          assert.equal(response.status, 202, text);
          webhookAccepted += (JSON.parse(text) as { accepted: number }).accepted;
        }
      })();
      const io = captureIo({ ...env, SENTINEL_LOG_LEVEL: 'silent' });
      const code = await main(['ingest', '--server', created.server.id, file], io);
      await webhooks;
      assert.equal(code, 0, io.err());
      assert.match(io.out(), /stored 20000/);
      assert.equal(webhookAccepted, 200);

      const live = await fetch(`${serve.url}/api/events?server=${created.server.id}&tool=live&limit=500`, {
        headers,
      });
      assert.equal(((await live.json()) as { items: unknown[] }).items.length, 200);
      const counted = await countEvents(serve.url, headers, `server=${created.server.id}&tool=file`);
      assert.equal(counted, 20_000);
    } finally {
      serve.kill('SIGTERM');
      await serve.exited;
    }
  });
});

async function countEvents(base: string, headers: Record<string, string>, query: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const url = `${base}/api/events?${query}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await fetch(url, { headers })).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return total;
}
