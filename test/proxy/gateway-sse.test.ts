import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { connectSse, eventually, startEverything, startGateway, type Upstream } from './gateway-harness.js';

function text(result: unknown): string {
  return ((result as { content?: Array<{ text?: string }> }).content ?? [])
    .map((item) => item.text ?? '')
    .join('\n');
}

for (const backend of BACKENDS) {
  describe(`HTTP gateway, 2024-11-05 HTTP+SSE transport (${backend.name})`, async () => {
    const skip = await backend.skip();
    let upstream: Upstream;
    let t: TestApp;
    let base: string;
    let serverId: string;
    let client: Client;

    before(async () => {
      if (skip) return;
      upstream = await startEverything();
      ({ t, base, serverId } = await startGateway(backend, upstream.url));
      client = await connectSse(base, serverId, t.adminKey);
    });
    after(async () => {
      if (skip) return;
      await client?.close();
      await t?.close();
      await upstream?.stop();
    });

    it('lists and calls tools, reads resources and prompts over the old transport', { skip }, async () => {
      const tools = await client.listTools();
      assert.ok(tools.tools.some((tool) => tool.name === 'echo'));
      assert.equal(
        text(await client.callTool({ name: 'echo', arguments: { message: 'old school' } })),
        'Echo: old school',
      );
      const resources = await client.listResources();
      assert.ok(resources.resources.length > 0);
      const prompts = await client.listPrompts();
      assert.ok(prompts.prompts.length > 0);
      const progress: number[] = [];
      await client.callTool(
        { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 2 } },
        undefined,
        { onprogress: (update) => progress.push(update.progress) },
      );
      // The SDK client drops a progress notification that lands in the same tick as the result
      // (its progress handler is gone by then), so only the first one is certain to be seen.
      assert.equal(progress[0], 1);
    });

    it('blocks and records like the streamable transport', { skip }, async () => {
      const result = await client.callTool({
        name: 'echo',
        arguments: { message: '../../../../etc/shadow' },
      });
      assert.equal(result.isError, true);
      assert.match(text(result), /Blocked by MCP Sentinel/);
      await eventually(async () => {
        const page = await t.app.store.events.list({ serverId, tool: 'echo' }, { limit: 50 });
        return page.items.some((event) => event.response?.includes('Echo: old school') === true);
      });
    });

    it('refuses a POST for an unknown session (404) and without a key (401)', { skip }, async () => {
      const post = (headers: Record<string, string>) =>
        fetch(`${base}/gateway/${serverId}/messages?sessionId=0190f1f0-0000-7000-8000-000000000000`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        });
      assert.equal((await post({ authorization: `Bearer ${t.adminKey}` })).status, 404);
      assert.equal((await post({})).status, 401);
      const stream = await fetch(`${base}/gateway/${serverId}/sse`);
      assert.equal(stream.status, 401);
    });
  });
}
