import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApi } from '../../src/api/index.js';
import { createApplication } from '../../src/app/index.js';
import { createTestApp, registerServer, TEST_SECRET_KEY, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

interface Frame {
  event: string;
  data: string;
}

/** Reads server-sent events from a live connection until `until` is satisfied or time runs out. */
async function readStream(url: string, key: string, until: (frames: Frame[]) => boolean, ms = 8000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const frames: Frame[] = [];
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${key}` },
    signal: controller.signal,
  });
  const started = { status: response.status, type: response.headers.get('content-type') };
  const ready = { resolve: () => {} };
  const opened = new Promise<void>((resolve) => {
    ready.resolve = resolve;
  });
  const done = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        if (buffer.includes(': tail open')) ready.resolve();
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(raw)?.[1];
          const data = /^data: (.*)$/m.exec(raw)?.[1];
          if (event && data !== undefined) frames.push({ event, data });
          end = buffer.indexOf('\n\n');
        }
        if (until(frames)) break;
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  })();
  return { started, frames, opened, done };
}

async function post(origin: string, path: string, apiKey: string, body: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 202, await response.text());
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`GET /api/events/stream (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let origin: string;
    let other: Awaited<ReturnType<typeof buildApi>>;
    let otherOrigin: string;
    before(async () => {
      t = await createTestApp(backend);
      origin = await t.http.listen({ port: 0, host: '127.0.0.1' });
      // A second node: its own application and HTTP server over the same store.
      const app = createApplication(t.app.config, t.app.store, { secretKey: TEST_SECRET_KEY });
      other = await buildApi(app, { version: 'test', logger: false });
      otherOrigin = await other.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await other?.close();
      await t?.close();
    });

    it('needs a key and checks its filters', async () => {
      const anonymous = await t.request({ method: 'GET', url: '/api/events/stream', key: null });
      assert.equal(anonymous.statusCode, 401);
      const bad = await t.request({ method: 'GET', url: '/api/events/stream?limit=5' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /invalid event stream query/);
    });

    it('streams new events that match the filter, including ones another node ingested', async () => {
      const server = await registerServer(t, { name: 'stream' });
      const stream = await readStream(
        `${origin}/api/events/stream?server=${server.id}&user=alice%40example.com`,
        t.adminKey,
        (frames) => frames.filter((f) => f.event === 'mcp-event').length >= 2,
      );
      assert.equal(stream.started.status, 200);
      assert.match(String(stream.started.type), /text\/event-stream/);
      await stream.opened;
      const now = new Date().toISOString();
      await post(origin, server.webhookPath, server.apiKey!, [
        { timestamp: now, user: 'alice@example.com', prompt: 'first' },
        { timestamp: now, user: 'bob@example.com', prompt: 'filtered out' },
      ]);
      await post(otherOrigin, server.webhookPath, server.apiKey!, {
        timestamp: now,
        user: 'alice@example.com',
        prompt: 'via the other node',
      });
      await stream.done;
      const prompts = stream.frames
        .filter((f) => f.event === 'mcp-event')
        .map((f) => (JSON.parse(f.data) as { prompt: string }).prompt);
      assert.deepEqual(prompts.sort(), ['first', 'via the other node']);
    });

    it('does not resend an event, and a future-dated event does not blind the tail', async () => {
      const server = await registerServer(t, { name: 'future' });
      const stream = await readStream(
        `${origin}/api/events/stream?server=${server.id}`,
        t.adminKey,
        (frames) => frames.some((f) => f.data.includes('"after"')),
      );
      await stream.opened;
      await post(origin, server.webhookPath, server.apiKey!, {
        timestamp: '2099-01-01T00:00:00Z',
        prompt: 'from the future',
      });
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await post(origin, server.webhookPath, server.apiKey!, {
        timestamp: new Date().toISOString(),
        prompt: 'after',
      });
      await stream.done;
      const prompts = stream.frames.map((f) => (JSON.parse(f.data) as { prompt: string }).prompt);
      assert.deepEqual(prompts, ['from the future', 'after']);
    });
  });
}
