import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import {
  gatewayUrl,
  initializeBody,
  rawPost,
  secondNode,
  startEverything,
  startGateway,
  type Upstream,
} from './gateway-harness.js';

/** Each node reuses what it read for this long (SENTINEL_READ_CACHE_MS); short, so the tests can outwait it. */
const READ_CACHE_MS = 300;
const NODE_ENV = { SENTINEL_READ_CACHE_MS: String(READ_CACHE_MS) };
const outwaitReadCache = () => new Promise((resolve) => setTimeout(resolve, READ_CACHE_MS + 50));

// Several nodes share one database; both backends allow it (SQLite: several processes, one file).
for (const backend of BACKENDS) {
  describe(`HTTP gateway across nodes (${backend.name})`, async () => {
    const skip = await backend.skip();
    let upstream: Upstream;
    let t: TestApp;
    let baseA: string;
    let serverId: string;
    let nodeB: Awaited<ReturnType<typeof secondNode>>;

    before(async () => {
      if (skip) return;
      upstream = await startEverything();
      ({ t, base: baseA, serverId } = await startGateway(backend, upstream.url, NODE_ENV));
      nodeB = await secondNode(t.database, NODE_ENV);
    });
    after(async () => {
      if (skip) return;
      await nodeB?.close();
      await t?.close();
      await upstream?.stop();
    });

    it('serves a session initialized on node A from node B', { skip }, async () => {
      const hits = { a: 0, b: 0 };
      // A load balancer that sends initialize to A and everything after it to B.
      const balancer: typeof fetch = (input, init) => {
        const target = new URL(input instanceof Request ? input.url : String(input));
        const body = typeof init?.body === 'string' ? init.body : '';
        const toA = body.includes('"method":"initialize"');
        if (toA) hits.a += 1;
        else {
          hits.b += 1;
          target.host = new URL(nodeB.base).host;
        }
        return fetch(target, init);
      };
      const transport = new StreamableHTTPClientTransport(gatewayUrl(baseA, serverId), {
        requestInit: { headers: { authorization: `Bearer ${t.adminKey}` } },
        fetch: balancer,
      });
      const client = new Client({ name: 'multi-node', version: '1.0.0' });
      await client.connect(transport);
      const result = await client.callTool({ name: 'echo', arguments: { message: 'from node B' } });
      assert.equal((result.content as Array<{ text: string }>)[0]?.text, 'Echo: from node B');
      const tools = await client.listTools();
      assert.ok(tools.tools.length > 0);
      assert.equal(hits.a, 1);
      assert.ok(hits.b >= 2);
      // Ended on B, the session is gone on A too, once A's read of it is older than the cache time.
      const sessionId = transport.sessionId;
      assert.ok(sessionId);
      await transport.terminateSession();
      await outwaitReadCache();
      const onA = await rawPost(
        gatewayUrl(baseA, serverId),
        { jsonrpc: '2.0', id: 5, method: 'tools/list' },
        { authorization: `Bearer ${t.adminKey}`, 'mcp-session-id': sessionId },
      );
      assert.equal(onA.status, 404);
      await client.close();
    });

    it('stops taking a key revoked on the other node within the read cache time', { skip }, async () => {
      const created = await t.app.apiKeys.create(await t.app.apiKeys.authenticate(t.adminKey), {
        name: 'agent key',
        role: 'viewer',
      });
      const call = (base: string) =>
        rawPost(gatewayUrl(base, serverId), initializeBody(), { authorization: `Bearer ${created.key}` });
      assert.equal((await call(nodeB.base)).status, 200, 'node B has read the key');
      await t.app.apiKeys.revoke(await t.app.apiKeys.authenticate(t.adminKey), created.apiKey.id);
      assert.equal((await call(baseA)).status, 401, 'the node that revoked it refuses it at once');
      await outwaitReadCache();
      assert.equal((await call(nodeB.base)).status, 401, 'the other node refuses it after the cache time');
    });

    it('keeps the client info from initialize on the other node’s events', { skip }, async () => {
      const init = await rawPost(
        gatewayUrl(baseA, serverId),
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-11-25',
            capabilities: {},
            clientInfo: { name: 'agent-x', version: '7' },
          },
        },
        { authorization: `Bearer ${t.adminKey}` },
      );
      const sessionId = init.headers.get('mcp-session-id');
      assert.ok(sessionId);
      const headers = {
        authorization: `Bearer ${t.adminKey}`,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      };
      const urlB = gatewayUrl(nodeB.base, serverId);
      assert.equal(
        (await rawPost(urlB, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).status,
        202,
      );
      const call = await rawPost(
        urlB,
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: 'node b event' } },
        },
        headers,
      );
      assert.equal(call.status, 200);
      const deadline = Date.now() + 10_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        const page = await t.app.store.events.list({ serverId, sessionId }, { limit: 10 });
        found = page.items.some((event) => event.tool === 'echo' && event.client === 'agent-x/7');
        if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(found, 'the call on node B is recorded with the client info from node A');
    });
  });
}
