import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import {
  type HeaderEchoUpstream,
  startHangingUpstream,
  startHeaderEchoUpstream,
  startStatefulUpstream,
} from './fixtures/header-echo-upstream.js';
import {
  connectStreamable,
  freePort,
  initializeBody,
  listen,
  rawPost,
  startEverything,
  type Upstream,
} from './gateway-harness.js';

const ACCEPT = 'application/json, text/event-stream';

function errorOf(json: unknown): { code: number; message: string } {
  return (json as { error: { code: number; message: string } }).error;
}

for (const backend of BACKENDS) {
  describe(`HTTP gateway protocol rules (${backend.name})`, async () => {
    const skip = await backend.skip();
    let upstream: Upstream;
    let echo: HeaderEchoUpstream;
    let t: TestApp;
    let base: string;
    let everythingId: string;
    let echoId: string;
    let url: string;

    before(async () => {
      if (skip) return;
      upstream = await startEverything();
      echo = await startHeaderEchoUpstream();
      t = await createTestApp(backend, { SENTINEL_ALLOWED_ORIGINS: 'https://app.example.com' });
      base = await listen(t.http);
      everythingId = (await registerServer(t, { name: 'everything', endpointUrl: upstream.url })).id;
      echoId = (await registerServer(t, { name: 'echo', endpointUrl: echo.url })).id;
      url = `${base}/gateway/${everythingId}/mcp`;
    });
    after(async () => {
      if (skip) return;
      await t?.close();
      await upstream?.stop();
      await echo?.close();
    });

    const initialize = async (key = t.adminKey) => {
      const response = await rawPost(url, initializeBody(), {
        authorization: `Bearer ${key}`,
        accept: ACCEPT,
      });
      assert.equal(response.status, 200);
      const sessionId = response.headers.get('mcp-session-id');
      assert.ok(sessionId);
      return sessionId;
    };

    it('answers 401 without a Sentinel key, or with a wrong one', { skip }, async () => {
      assert.equal((await rawPost(url, initializeBody(), {})).status, 401);
      const wrong = await rawPost(url, initializeBody(), {
        authorization: 'Bearer msk_AAAAAAAAAAAA_wrongwrongwrongwrongwrongwrongwrong',
      });
      assert.equal(wrong.status, 401);
    });

    it('accepts the key as X-MCP-API-Key too', { skip }, async () => {
      const response = await rawPost(url, initializeBody(), { 'x-mcp-api-key': t.adminKey });
      assert.equal(response.status, 200);
      assert.ok(response.headers.get('mcp-session-id'));
    });

    it('answers 403 to a browser Origin not on the allowlist; allows a listed one and none', {
      skip,
    }, async () => {
      const auth = { authorization: `Bearer ${t.adminKey}` };
      assert.equal(
        (await rawPost(url, initializeBody(), { ...auth, origin: 'https://evil.example' })).status,
        403,
      );
      assert.equal((await rawPost(url, initializeBody(), { ...auth, origin: 'null' })).status, 403);
      assert.equal(
        (await rawPost(url, initializeBody(), { ...auth, origin: 'https://app.example.com' })).status,
        200,
      );
      assert.equal((await rawPost(url, initializeBody(), auth)).status, 200);
    });

    it('issues a session id at initialize and requires it after (400 without, 404 unknown)', {
      skip,
    }, async () => {
      const auth = { authorization: `Bearer ${t.adminKey}` };
      const sessionId = await initialize();
      const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
      const missing = await rawPost(url, list, auth);
      assert.equal(missing.status, 400);
      assert.match(errorOf(missing.json).message, /Mcp-Session-Id/);
      const unknown = await rawPost(url, list, {
        ...auth,
        'mcp-session-id': '0190f1f0-0000-7000-8000-000000000000',
      });
      assert.equal(unknown.status, 404);
      const known = await rawPost(url, list, { ...auth, 'mcp-session-id': sessionId });
      assert.equal(known.status, 200);
    });

    it('hides a session from another key (404)', { skip }, async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'agent-b', role: 'viewer' },
      });
      const otherKey = (created.json() as { key: string }).key;
      const sessionId = await initialize();
      const response = await rawPost(
        url,
        { jsonrpc: '2.0', id: 2, method: 'tools/list' },
        { authorization: `Bearer ${otherKey}`, 'mcp-session-id': sessionId },
      );
      assert.equal(response.status, 404);
    });

    it('rejects an unsupported or mismatched MCP-Protocol-Version (400)', { skip }, async () => {
      const sessionId = await initialize();
      const headers = { authorization: `Bearer ${t.adminKey}`, 'mcp-session-id': sessionId };
      const list = { jsonrpc: '2.0', id: 3, method: 'tools/list' };
      assert.equal(
        (await rawPost(url, list, { ...headers, 'mcp-protocol-version': '1999-01-01' })).status,
        400,
      );
      assert.equal(
        (await rawPost(url, list, { ...headers, 'mcp-protocol-version': '2025-06-18' })).status,
        400,
      );
      assert.equal(
        (await rawPost(url, list, { ...headers, 'mcp-protocol-version': '2025-11-25' })).status,
        200,
      );
    });

    it('rejects batches and bodies that are not JSON-RPC (400)', { skip }, async () => {
      const auth = { authorization: `Bearer ${t.adminKey}` };
      assert.equal((await rawPost(url, [initializeBody()], auth)).status, 400);
      assert.equal((await rawPost(url, { hello: 'world' }, auth)).status, 400);
    });

    it('answers 404 for an unknown server and 400 for one without an endpoint', { skip }, async () => {
      const auth = { authorization: `Bearer ${t.adminKey}` };
      const unknown = await rawPost(
        `${base}/gateway/0190f1f0-0000-7000-8000-000000000000/mcp`,
        initializeBody(),
        auth,
      );
      assert.equal(unknown.status, 404);
      const { id } = await registerServer(t, { name: 'no-endpoint' });
      assert.equal((await rawPost(`${base}/gateway/${id}/mcp`, initializeBody(), auth)).status, 400);
    });

    it('2026-07-28: rejects Mcp-Method/Mcp-Name that disagree with the body (400, -32020)', {
      skip,
    }, async () => {
      const echoUrl = `${base}/gateway/${echoId}/mcp`;
      const call = {
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: {
          name: 'headers',
          arguments: {},
          _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
        },
      };
      const base2026 = { authorization: `Bearer ${t.adminKey}`, 'mcp-protocol-version': '2026-07-28' };
      const wrongMethod = await rawPost(echoUrl, call, {
        ...base2026,
        'mcp-method': 'tools/list',
        'mcp-name': 'headers',
      });
      assert.equal(wrongMethod.status, 400);
      assert.equal(errorOf(wrongMethod.json).code, -32020);
      const wrongName = await rawPost(echoUrl, call, {
        ...base2026,
        'mcp-method': 'tools/call',
        'mcp-name': 'other',
      });
      assert.equal(wrongName.status, 400);
      assert.equal(errorOf(wrongName.json).code, -32020);
      const noMethod = await rawPost(echoUrl, call, { ...base2026, 'mcp-name': 'headers' });
      assert.equal(errorOf(noMethod.json).code, -32020);
      const noName = await rawPost(echoUrl, call, { ...base2026, 'mcp-method': 'tools/call' });
      assert.equal(errorOf(noName.json).code, -32020);
      // Matching headers (the name Base64-wrapped, as the spec allows) pass on to the upstream, headers included.
      const before = echo.seen.length;
      const encoded = `=?base64?${Buffer.from('headers').toString('base64')}?=`;
      const matching = await rawPost(echoUrl, call, {
        ...base2026,
        'mcp-method': 'tools/call',
        'mcp-name': encoded,
      });
      assert.notEqual((matching.json as { error?: { code: number } }).error?.code, -32020);
      assert.equal(echo.seen.length, before + 1);
      assert.equal(echo.seen.at(-1)?.['mcp-method'], 'tools/call');
      assert.equal(echo.seen.at(-1)?.['mcp-name'], encoded);
      assert.equal(echo.seen.at(-1)?.['mcp-session-id'], undefined);
    });

    it('never passes the client’s credentials upstream; sends the configured upstream credential', {
      skip,
    }, async () => {
      const put = await t.request({
        method: 'PUT',
        url: `/api/servers/${echoId}/upstream-auth`,
        body: { type: 'bearer', token: 'upstream-secret-token' },
      });
      assert.equal(put.statusCode, 200, put.body);
      const { client } = await connectStreamable(base, echoId, t.adminKey);
      const result = await client.callTool({ name: 'headers', arguments: {} });
      const seen = JSON.parse((result.content as Array<{ text: string }>)[0]?.text ?? '{}') as Record<
        string,
        string
      >;
      assert.equal(seen['authorization'], 'Bearer upstream-secret-token');
      assert.equal(seen['x-mcp-api-key'], undefined);
      assert.equal(seen['cookie'], undefined);
      for (const headers of echo.seen) assert.ok(!JSON.stringify(headers).includes(t.adminKey));
      await client.close();

      await t.request({
        method: 'PUT',
        url: `/api/servers/${echoId}/upstream-auth`,
        body: { type: 'header', name: 'X-Upstream-Token', value: 'custom-value' },
      });
      const raw = await rawPost(`${base}/gateway/${echoId}/mcp`, initializeBody(), {
        'x-mcp-api-key': t.adminKey,
        cookie: 'session=browser-cookie',
      });
      assert.equal(raw.status, 200);
      const last = echo.seen.at(-1) ?? {};
      assert.equal(last['x-upstream-token'], 'custom-value');
      assert.equal(last['authorization'], undefined);
      assert.equal(last['cookie'], undefined);
      assert.equal(last['x-mcp-api-key'], undefined);
    });

    it('gives the agent a clear JSON-RPC error when the upstream crashes', { skip }, async () => {
      const doomed = await startEverything();
      const { id } = await registerServer(t, { name: 'doomed', endpointUrl: doomed.url });
      const { client } = await connectStreamable(base, id, t.adminKey);
      assert.equal(
        (await client.callTool({ name: 'echo', arguments: { message: 'alive' } })).isError,
        undefined,
      );
      await doomed.stop();
      await assert.rejects(
        client.callTool({ name: 'echo', arguments: { message: 'anyone there?' } }),
        (error: unknown) =>
          error instanceof McpError && /upstream MCP server "doomed" is unreachable/.test(error.message),
      );
      await client.close().catch(() => {});
    });

    it('ends the session (404) when the upstream restarted and forgot it', { skip }, async () => {
      const stateful = await startStatefulUpstream();
      try {
        const { id } = await registerServer(t, { name: 'stateful', endpointUrl: stateful.url });
        const { client, transport } = await connectStreamable(base, id, t.adminKey);
        const sessionId = transport.sessionId;
        assert.ok(sessionId);
        assert.equal((await client.listTools()).tools[0]?.name, 'hello');
        stateful.forget();
        const response = await rawPost(
          `${base}/gateway/${id}/mcp`,
          { jsonrpc: '2.0', id: 2, method: 'tools/list' },
          { authorization: `Bearer ${t.adminKey}`, 'mcp-session-id': sessionId },
        );
        assert.equal(response.status, 404);
        assert.match(errorOf(response.json).message, /initialize again/);
        assert.equal(await t.app.store.gatewaySessions.findLive(sessionId, new Date().toISOString()), null);
        await client.close().catch(() => {});
      } finally {
        await stateful.close();
      }
    });

    it('answers a call whose upstream dies mid-stream with a JSON-RPC error', { skip }, async () => {
      const dying = await startEverything();
      const { id } = await registerServer(t, { name: 'dying', endpointUrl: dying.url });
      const { client } = await connectStreamable(base, id, t.adminKey);
      let killed = false;
      await assert.rejects(
        client.callTool(
          { name: 'trigger-long-running-operation', arguments: { duration: 10, steps: 10 } },
          undefined,
          {
            onprogress: () => {
              if (!killed) {
                killed = true;
                void dying.stop();
              }
            },
          },
        ),
        (error: unknown) =>
          error instanceof McpError && /"dying" closed the stream before answering/.test(error.message),
      );
      assert.ok(killed);
      await client.close().catch(() => {});
    });

    it('answers initialize with an error when the upstream is down from the start', { skip }, async () => {
      const { id } = await registerServer(t, {
        name: 'nothing-there',
        endpointUrl: `http://127.0.0.1:${await freePort()}/mcp`,
      });
      const response = await rawPost(`${base}/gateway/${id}/mcp`, initializeBody(), {
        authorization: `Bearer ${t.adminKey}`,
      });
      assert.equal(response.status, 200);
      assert.match(errorOf(response.json).message, /unreachable/);
      assert.equal(response.headers.get('mcp-session-id'), null);
    });
  });
}

describe('HTTP gateway: a hanging upstream', () => {
  it('ends a call whose upstream stream goes silent with a JSON-RPC error', async () => {
    const stateful = await startStatefulUpstream();
    const backend = BACKENDS[0];
    assert.ok(backend);
    const t = await createTestApp(backend, { SENTINEL_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: '1' });
    try {
      const base = await listen(t.http);
      const { id } = await registerServer(t, { name: 'stuck', endpointUrl: stateful.url });
      const { client } = await connectStreamable(base, id, t.adminKey);
      await assert.rejects(
        client.callTool({ name: 'hang', arguments: {} }),
        (error: unknown) => error instanceof McpError && /"stuck" went silent for 1 s/.test(error.message),
      );
      assert.equal((await client.callTool({ name: 'hello', arguments: {} })).isError, undefined);
      await client.close();
    } finally {
      await t.close();
      await stateful.close();
    }
  });

  it('times out with a JSON-RPC error naming the wait', async () => {
    const hanging = await startHangingUpstream();
    const backend = BACKENDS[0];
    assert.ok(backend);
    const t = await createTestApp(backend, { SENTINEL_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: '1' });
    try {
      const base = await listen(t.http);
      const { id } = await registerServer(t, { name: 'hung', endpointUrl: hanging.url });
      const started = Date.now();
      const response = await rawPost(`${base}/gateway/${id}/mcp`, initializeBody(), {
        authorization: `Bearer ${t.adminKey}`,
      });
      assert.equal(response.status, 200);
      assert.match(errorOf(response.json).message, /upstream MCP server "hung" did not answer within 1 s/);
      assert.ok(Date.now() - started < 5000);
    } finally {
      await t.close();
      await hanging.close();
    }
  });
});
