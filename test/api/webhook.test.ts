import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { signBody } from '../../src/ingest/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const EXAMPLE = {
  timestamp: '2026-11-01T10:30:00Z',
  user: 'user@example.com',
  agent: 'claude-3',
  tool: 'filesystem',
  prompt: 'Read the configuration file',
  response: 'File contents: {...}',
  metadata: { file_path: '/etc/config.json', operation: 'read' },
};

interface Outcome {
  accepted: number;
  duplicates: number;
  rejected: { index: number; line?: number; reason: string }[];
  eventIds: string[];
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`webhook (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let server: { id: string; apiKey?: string; webhookPath: string };

    const post = (
      payload: string | Buffer,
      headers: Record<string, string> = {},
      path = server.webhookPath,
    ) =>
      t.http.inject({
        method: 'POST',
        url: path,
        payload,
        headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey ?? '', ...headers },
      });

    before(async () => {
      t = await createTestApp(backend, {
        SENTINEL_MAX_BODY_BYTES: '65536',
        SENTINEL_WEBHOOK_RATE_LIMIT: '1000',
      });
      server = await registerServer(t);
    });
    after(() => t?.close());

    it('stores the documented example event and answers 202 with its id', async () => {
      const response = await post(JSON.stringify(EXAMPLE));
      assert.equal(response.statusCode, 202);
      const outcome = response.json() as Outcome;
      assert.equal(outcome.accepted, 1);
      const stored = await t.request({ method: 'GET', url: `/api/events/${outcome.eventIds[0]}` });
      assert.equal(stored.statusCode, 200);
      const event = stored.json();
      assert.equal(event.user, 'user@example.com');
      assert.equal(event.timestamp, '2026-11-01T10:30:00.000Z');
      assert.deepEqual(event.metadata, EXAMPLE.metadata);
      assert.equal(event.serverId, server.id);
      assert.equal(event.source, 'webhook');
    });

    it('takes an array, stores the valid events and reports invalid ones by index', async () => {
      const body = [EXAMPLE, { user: 'no timestamp' }, { ...EXAMPLE, user: 'second' }, 'not an object'];
      const response = await post(JSON.stringify(body));
      assert.equal(response.statusCode, 202);
      const outcome = response.json() as Outcome;
      assert.equal(outcome.accepted, 2);
      assert.deepEqual(
        outcome.rejected.map((r) => r.index),
        [1, 3],
      );
      assert.match(outcome.rejected[0]?.reason ?? '', /timestamp/);
      assert.match(outcome.rejected[1]?.reason ?? '', /object/);
    });

    it('takes NDJSON, reporting a malformed line by index and line number', async () => {
      const body = `${JSON.stringify(EXAMPLE)}\n{"timestamp": oops}\n\n${JSON.stringify({ ...EXAMPLE, user: 'nd' })}\n`;
      const response = await post(body, { 'content-type': 'application/x-ndjson' });
      assert.equal(response.statusCode, 202);
      const outcome = response.json() as Outcome;
      assert.equal(outcome.accepted, 2);
      assert.equal(outcome.rejected.length, 1);
      assert.equal(outcome.rejected[0]?.index, 1);
      assert.equal(outcome.rejected[0]?.line, 2);
      assert.match(outcome.rejected[0]?.reason ?? '', /malformed JSON at line 2/);
    });

    it('recognizes NDJSON sent as application/json', async () => {
      const body = `${JSON.stringify(EXAMPLE)}\n${JSON.stringify(EXAMPLE)}`;
      const outcome = (await post(body)).json() as Outcome;
      assert.equal(outcome.accepted, 2);
    });

    it('takes a gzip body', async () => {
      const response = await post(gzipSync(JSON.stringify([EXAMPLE, EXAMPLE])), {
        'content-encoding': 'gzip',
      });
      assert.equal(response.statusCode, 202);
      assert.equal((response.json() as Outcome).accepted, 2);
    });

    it('makes a retry with the same id idempotent per server', async () => {
      const withId = { ...EXAMPLE, id: 'evt-123' };
      const first = (await post(JSON.stringify(withId))).json() as Outcome;
      const retry = await post(JSON.stringify([withId, { ...EXAMPLE, id: 'evt-124' }]));
      assert.equal(first.accepted, 1);
      assert.equal(retry.statusCode, 202);
      assert.deepEqual(
        { ...(retry.json() as Outcome), eventIds: [] },
        { accepted: 1, duplicates: 1, rejected: [], eventIds: [] },
      );
      const other = await registerServer(t, { name: 'other' });
      const elsewhere = await post(
        JSON.stringify(withId),
        { 'x-api-key': other.apiKey ?? '' },
        other.webhookPath,
      );
      assert.equal(
        (elsewhere.json() as Outcome).accepted,
        1,
        'the same id on another server is another event',
      );
    });

    it('answers 400 with the position for malformed JSON', async () => {
      const response = await post('{\n  "timestamp": "2026-11-01T10:30:00Z",\n  "user": }');
      assert.equal(response.statusCode, 400);
      const { error } = response.json();
      assert.equal(error.code, 'malformed_json');
      assert.deepEqual({ line: error.position.line, column: error.position.column }, { line: 3, column: 11 });
      assert.match(error.message, /line 3, column 11/);
    });

    it('answers 400 when every event is invalid, naming the reason', async () => {
      const response = await post(JSON.stringify({ timestamp: 'yesterday' }));
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error.message, /timestamp/);
      assert.equal((await post('')).statusCode, 400);
      assert.equal((await post('[]')).statusCode, 400);
      assert.equal((await post('42')).statusCode, 400);
    });

    it('answers 404 for an unknown or malformed server id', async () => {
      const unknown = await post(
        JSON.stringify(EXAMPLE),
        {},
        '/api/mcp/webhook/01a1fc6b-0000-7000-8000-000000000000',
      );
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'not_found');
      assert.equal(
        (await post(JSON.stringify(EXAMPLE), {}, '/api/mcp/webhook/..%2f..%2fetc')).statusCode,
        404,
      );
    });

    it('answers 413 for a body over the limit, compressed or decompressed', async () => {
      const big = JSON.stringify({ ...EXAMPLE, response: 'x'.repeat(70_000) });
      const tooBig = await post(big);
      assert.equal(tooBig.statusCode, 413);
      assert.equal(tooBig.json().error.code, 'payload_too_large');
      const bomb = gzipSync(Buffer.alloc(10_000_000, 32));
      const exploded = await post(bomb, { 'content-encoding': 'gzip' });
      assert.equal(exploded.statusCode, 413);
    });

    it('answers 415 for an unsupported content encoding', async () => {
      const response = await post(JSON.stringify(EXAMPLE), { 'content-encoding': 'br' });
      assert.equal(response.statusCode, 415);
    });

    it('answers 401 for a missing or wrong API key, and accepts Bearer as well as X-API-Key', async () => {
      const missing = await post(JSON.stringify(EXAMPLE), { 'x-api-key': '' });
      assert.equal(missing.statusCode, 401);
      assert.match(missing.json().error.message, /missing webhook API key/);
      assert.equal((await post(JSON.stringify(EXAMPLE), { 'x-api-key': 'mss_wrong' })).statusCode, 401);
      const bearer = await post(JSON.stringify(EXAMPLE), {
        'x-api-key': '',
        authorization: `Bearer ${server.apiKey}`,
      });
      assert.equal(bearer.statusCode, 202);
    });

    it('never echoes stack traces, paths or hosts in errors', async () => {
      const response = await post('{"timestamp": "2026-11-01T10:30:00Z", "user": ]');
      assert.doesNotMatch(response.body, /at .*\(|\/work\/|node_modules|\.ts:\d+/);
      assert.ok(response.json().requestId);
    });
  });

  describe(`webhook authentication methods (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let nowMs = Date.parse('2026-11-01T10:30:00Z');
    before(async () => {
      t = await createTestApp(
        backend,
        {
          SENTINEL_TRUST_PROXY: '10.0.0.1',
          SENTINEL_WEBHOOK_RATE_LIMIT: '5',
          SENTINEL_WEBHOOK_RATE_WINDOW_SECONDS: '60',
        },
        () => new Date(nowMs),
      );
    });
    after(() => t?.close());

    const send = (path: string, body: string, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
      t.http.inject({
        method: 'POST',
        url: path,
        payload: body,
        headers: { 'content-type': 'application/json', ...headers },
        remoteAddress,
      });

    it('verifies an HMAC-SHA256 signature over timestamp and raw body, within the window', async () => {
      const server = await registerServer(t, { name: 'signed', auth: { apiKey: false, hmac: true } });
      const secret = server.hmacSecret ?? '';
      const body = JSON.stringify(EXAMPLE);
      const ts = String(Math.floor(nowMs / 1000));
      const good = await send(server.webhookPath, body, {
        'x-sentinel-timestamp': ts,
        'x-sentinel-signature': signBody(secret, ts, body),
      });
      assert.equal(good.statusCode, 202);
      const tampered = await send(server.webhookPath, body.replace('user@', 'evil@'), {
        'x-sentinel-timestamp': ts,
        'x-sentinel-signature': signBody(secret, ts, body),
      });
      assert.equal(tampered.statusCode, 401);
      assert.match(tampered.json().error.message, /does not match/);
      const old = String(Math.floor(nowMs / 1000) - 301);
      const stale = await send(server.webhookPath, body, {
        'x-sentinel-timestamp': old,
        'x-sentinel-signature': signBody(secret, old, body),
      });
      assert.equal(stale.statusCode, 401);
      assert.match(stale.json().error.message, /outside the 300s window/);
      const unsigned = await send(server.webhookPath, body, {});
      assert.equal(unsigned.statusCode, 401);
    });

    it('requires every configured method when they are combined', async () => {
      const server = await registerServer(t, { name: 'both', auth: { apiKey: true, hmac: true } });
      const body = JSON.stringify(EXAMPLE);
      const ts = String(Math.floor(nowMs / 1000));
      const signature = signBody(server.hmacSecret ?? '', ts, body);
      const keyOnly = await send(server.webhookPath, body, { 'x-api-key': server.apiKey ?? '' });
      const sigOnly = await send(server.webhookPath, body, {
        'x-sentinel-timestamp': ts,
        'x-sentinel-signature': signature,
      });
      const both = await send(server.webhookPath, body, {
        'x-api-key': server.apiKey ?? '',
        'x-sentinel-timestamp': ts,
        'x-sentinel-signature': signature,
      });
      assert.deepEqual([keyOnly.statusCode, sigOnly.statusCode, both.statusCode], [401, 401, 202]);
    });

    it('enforces an IPv4 and IPv6 allowlist, believing X-Forwarded-For only from a trusted proxy', async () => {
      const server = await registerServer(t, {
        name: 'allowlisted',
        auth: { apiKey: false, ipAllowlist: ['192.168.1.0/24', '2001:db8::/32'] },
      });
      const body = JSON.stringify(EXAMPLE);
      assert.equal((await send(server.webhookPath, body, {}, '192.168.1.77')).statusCode, 202);
      assert.equal((await send(server.webhookPath, body, {}, '::ffff:192.168.1.78')).statusCode, 202);
      assert.equal((await send(server.webhookPath, body, {}, '2001:db8::5')).statusCode, 202);
      const outside = await send(server.webhookPath, body, {}, '192.168.2.1');
      assert.equal(outside.statusCode, 403);
      assert.match(outside.json().error.message, /allowlist/);
      const viaProxy = await send(server.webhookPath, body, { 'x-forwarded-for': '192.168.1.9' }, '10.0.0.1');
      assert.equal(viaProxy.statusCode, 202);
      const spoofed = await send(
        server.webhookPath,
        body,
        { 'x-forwarded-for': '192.168.1.9' },
        '203.0.113.5',
      );
      assert.equal(spoofed.statusCode, 403, 'a header from an untrusted peer is ignored');
    });

    it('accepts anyone only for a server registered with allowUnauthenticated', async () => {
      const refused = await t.request({
        method: 'POST',
        url: '/api/servers',
        body: { name: 'open', auth: { apiKey: false } },
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /allowUnauthenticated/);
      const open = await registerServer(t, {
        name: 'open',
        auth: { apiKey: false, allowUnauthenticated: true },
      });
      assert.equal((await send(open.webhookPath, JSON.stringify(EXAMPLE), {})).statusCode, 202);
    });

    it('limits requests per server and window with 429 and Retry-After', async () => {
      nowMs = Date.parse('2026-11-01T11:00:10Z');
      const server = await registerServer(t, { name: 'limited' });
      const body = JSON.stringify(EXAMPLE);
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 6; i++) {
        const response = await send(server.webhookPath, body, { 'x-api-key': server.apiKey ?? '' });
        statuses.push(response.statusCode);
        retryAfter = response.headers['retry-after'] as string | undefined;
      }
      assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
      assert.equal(retryAfter, '50');
      const other = await registerServer(t, { name: 'unaffected' });
      assert.equal(
        (await send(other.webhookPath, body, { 'x-api-key': other.apiKey ?? '' })).statusCode,
        202,
      );
      nowMs = Date.parse('2026-11-01T11:01:00Z');
      assert.equal(
        (await send(server.webhookPath, body, { 'x-api-key': server.apiKey ?? '' })).statusCode,
        202,
      );
    });
  });
}
