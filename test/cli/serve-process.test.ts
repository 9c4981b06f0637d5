import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, SentinelProcess, TEST_ADMIN_KEY } from '../support/sentinel-process.js';
import { TEST_SECRET_KEY } from '../support/test-app.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };

async function registerOpenServer(base: string): Promise<{ id: string; apiKey: string }> {
  const response = await fetch(`${base}/api/servers`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ name: 'load' }),
  });
  assert.equal(response.status, 201);
  const body = (await response.json()) as { server: { id: string }; credentials: { apiKey: string } };
  return { id: body.server.id, apiKey: body.credentials.apiKey };
}

/** Posts batches with unique ids from several workers until stopped; returns the ids that got a 202. */
function startLoad(base: string, server: { id: string; apiKey: string }) {
  const acked = new Set<string>();
  let running = true;
  let sent = 0;
  const worker = async (w: number) => {
    for (let n = 0; running; n++) {
      const ids = Array.from({ length: 10 }, (_, j) => `w${w}-${n}-${j}`);
      const body = JSON.stringify(
        ids.map((id) => ({ id, timestamp: new Date().toISOString(), tool: 'load', user: `u${w}` })),
      );
      sent += 1;
      try {
        const response = await fetch(`${base}/api/mcp/webhook/${server.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
          body,
        });
        if (response.status === 202) for (const id of ids) acked.add(id);
        else await response.arrayBuffer();
      } catch {
        return; // the server went away
      }
    }
  };
  const workers = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  return {
    acked,
    sent: () => sent,
    /** Resolves once `count` events are acknowledged (a slow CI host needs longer than a fixed sleep). */
    ackedAtLeast: async (count: number, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (acked.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
    stop: async () => {
      running = false;
      await workers;
    },
  };
}

async function storedExternalIds(base: string, serverId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const url = `${base}/api/events?server=${serverId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(url, { headers: ADMIN });
    assert.equal(response.status, 200);
    const page = (await response.json()) as { items: { externalId: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((e) => e.externalId));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`serve as a process (${backend.name})`, { skip }, () => {
    const cleanups: Array<() => Promise<void>> = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    async function environment(): Promise<Record<string, string>> {
      const database: TestDatabase = await backend.create();
      const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-proc-'));
      cleanups.push(async () => {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      return {
        SENTINEL_DATA_DIR: dataDir,
        SENTINEL_DATABASE_URL: database.url,
        SENTINEL_ADMIN_KEY: TEST_ADMIN_KEY,
        SENTINEL_SECRET_KEY: TEST_SECRET_KEY,
        SENTINEL_WEBHOOK_RATE_LIMIT: '0',
      };
    }

    it('keeps every event that got a 202 when killed with SIGKILL under load', async () => {
      const env = await environment();
      const first = new SentinelProcess(await freePort(), env);
      await first.ready();
      const server = await registerOpenServer(first.url);
      const load = startLoad(first.url, server);
      await load.ackedAtLeast(300);
      first.kill('SIGKILL');
      await first.exited;
      await load.stop();
      assert.ok(load.acked.size > 100, `load too small to mean anything: ${load.acked.size} acked`);

      const second = new SentinelProcess(await freePort(), env);
      await second.ready();
      const stored = await storedExternalIds(second.url, server.id);
      second.kill('SIGTERM');
      await second.exited;
      const storedSet = new Set(stored);
      const missing = [...load.acked].filter((id) => !storedSet.has(id));
      assert.deepEqual(missing, [], `${missing.length} acknowledged events lost`);
      assert.equal(storedSet.size, stored.length, 'no event stored twice');
    });

    it('on SIGTERM stops accepting, finishes in-flight requests, closes the store and exits 0', async () => {
      const env = await environment();
      const proc = new SentinelProcess(await freePort(), env);
      await proc.ready();
      const server = await registerOpenServer(proc.url);
      const load = startLoad(proc.url, server);
      await load.ackedAtLeast(100);
      proc.kill('SIGTERM');
      const exit = await proc.exited;
      await load.stop();
      assert.equal(exit.code, 0, proc.stderr);

      const again = new SentinelProcess(await freePort(), env);
      await again.ready();
      const stored = new Set(await storedExternalIds(again.url, server.id));
      again.kill('SIGTERM');
      await again.exited;
      assert.ok(load.acked.size > 0);
      assert.deepEqual(
        [...load.acked].filter((id) => !stored.has(id)),
        [],
      );
    });

    it('prints an admin key once on first start, stores only its hash, serves /health and /metrics', async () => {
      const { SENTINEL_ADMIN_KEY: _preset, ...env } = await environment();
      const first = new SentinelProcess(await freePort(), env);
      await first.ready();
      const key = /msk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(first.stdout)?.[0];
      assert.ok(key, first.stdout);
      const health = await fetch(`${first.url}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', version: '0.1.0', store: backend.name });
      const servers = await fetch(`${first.url}/api/servers`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(servers.status, 200);
      const metrics = await (await fetch(`${first.url}/metrics`)).text();
      assert.match(
        metrics,
        /sentinel_http_requests_total\{method="GET",route="\/api\/servers",status="200"\} 1/,
      );
      assert.match(metrics, /sentinel_http_request_duration_seconds_bucket/);
      assert.match(metrics, /# TYPE sentinel_events_accepted_total counter/);
      first.kill('SIGTERM');
      await first.exited;

      const second = new SentinelProcess(await freePort(), env);
      await second.ready();
      second.kill('SIGTERM');
      await second.exited;
      assert.doesNotMatch(second.stdout, /msk_/, 'the key is printed only once');
    });
  });
}
