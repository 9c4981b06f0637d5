import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import type { ApprovalRecord } from '../../src/store/index.js';
import type { TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import {
  eventually,
  gatewayUrl,
  rawPost,
  secondNode,
  startEverything,
  startGateway,
  type Upstream,
} from './gateway-harness.js';

interface TextResult {
  content: Array<{ type: string; text?: string }>;
  isError?: boolean;
}

/** Trips MCP-CMD-004 (destructive command), set to `approve` below; echo makes it harmless. */
const DESTRUCTIVE = { name: 'echo', arguments: { message: 'rm -rf /' } };

for (const backend of BACKENDS) {
  describe(`HTTP gateway: approve verdicts through elicitation (${backend.name})`, async () => {
    const skip = await backend.skip();
    let upstream: Upstream;
    let t: TestApp;
    let baseA: string;
    let serverId: string;
    let nodeB: Awaited<ReturnType<typeof secondNode>>;
    const env = { SENTINEL_APPROVAL_TIMEOUT_SECONDS: '3' };

    before(async () => {
      if (skip) return;
      upstream = await startEverything();
      ({ t, base: baseA, serverId } = await startGateway(backend, upstream.url, env));
      nodeB = await secondNode(t.database, env);
      await t.app.rules.configure(SYSTEM_PRINCIPAL, 'MCP-CMD-004', { action: 'approve' });
    });
    after(async () => {
      if (skip) return;
      await nodeB?.close();
      await t?.close();
      await upstream?.stop();
    });

    /** An SDK client declaring elicitation; `route` may send a POST to another node. */
    async function connect(
      answer: (message: string) => Promise<ElicitResult>,
      route: (body: string) => 'a' | 'b' = () => 'a',
    ) {
      const asked: string[] = [];
      const routed = { a: 0, b: 0 };
      const balancer: typeof fetch = (input, init) => {
        const target = new URL(input instanceof Request ? input.url : String(input));
        const node = route(typeof init?.body === 'string' ? init.body : '');
        routed[node] += 1;
        if (node === 'b') target.host = new URL(nodeB.base).host;
        return fetch(target, init);
      };
      const transport = new StreamableHTTPClientTransport(gatewayUrl(baseA, serverId), {
        requestInit: { headers: { authorization: `Bearer ${t.adminKey}` } },
        fetch: balancer,
      });
      const client = new Client(
        { name: 'elicitation-test', version: '1.0.0' },
        { capabilities: { elicitation: {} } },
      );
      client.setRequestHandler(ElicitRequestSchema, async (request) => {
        const message = String(request.params.message);
        asked.push(message);
        return answer(message);
      });
      await client.connect(transport);
      return { client, transport, asked, routed };
    }

    async function approvalsOf(sessionId: string | undefined): Promise<ApprovalRecord[]> {
      const all = await t.app.store.approvals.list({ limit: 500 });
      return all.filter((item) => item.sessionId === sessionId);
    }

    it('accept with approve=true lets the call reach the upstream (audited)', { skip }, async () => {
      const { client, transport, asked } = await connect(async () => ({
        action: 'accept',
        content: { approve: true },
      }));
      const result = (await client.callTool(DESTRUCTIVE)) as TextResult;
      assert.equal(result.isError, undefined);
      assert.deepEqual(result.content, [{ type: 'text', text: 'Echo: rm -rf /' }]);
      assert.equal(asked.length, 1);
      assert.match(asked[0]!, /echo .*rm -rf \/.* on server everything .*MCP-CMD-004.*allow\?/);
      const [row] = await approvalsOf(transport.sessionId);
      assert.equal(row?.status, 'approved');
      assert.ok(row?.decidedBy);
      const audit = await t.app.store.audit.list({ limit: 100 });
      const entry = audit.items.find((item) => item.action === 'approval.decide' && item.targetId === row.id);
      assert.ok(entry, 'the decision is audited');
      assert.equal(entry.actor, row.decidedBy, "the session's key is the actor");
      assert.equal(entry.details['via'], 'elicitation');
      assert.equal(entry.details['decision'], 'approved');
      await client.close();
    });

    it('decline, cancel, approve=false or an error block the call', { skip }, async () => {
      // The last one throws: the SDK client answers the elicitation with a JSON-RPC error.
      const answers: Array<ElicitResult | 'throw'> = [
        { action: 'decline' },
        { action: 'cancel' },
        { action: 'accept', content: { approve: false } },
        'throw',
      ];
      const { client, transport, asked } = await connect(async () => {
        const answer = answers[asked.length - 1];
        if (answer === undefined || answer === 'throw') throw new Error('the user interface crashed');
        return answer;
      });
      for (const _ of answers) {
        const result = (await client.callTool(DESTRUCTIVE)) as TextResult;
        assert.equal(result.isError, true);
        assert.match(
          result.content[0]?.text ?? '',
          /MCP-CMD-004.*approval was denied.*did not reach the server/s,
        );
      }
      assert.equal(asked.length, 4);
      const rows = await approvalsOf(transport.sessionId);
      assert.equal(rows.length, 4);
      assert.ok(rows.every((row) => row.status === 'denied'));
      // The session goes on normally after the refusals.
      const clean = (await client.callTool({ name: 'echo', arguments: { message: 'hi' } })) as TextResult;
      assert.deepEqual(clean.content, [{ type: 'text', text: 'Echo: hi' }]);
      await client.close();
    });

    it('an answer POSTed to node B releases the call held on node A', { skip }, async () => {
      const { client, transport, asked, routed } = await connect(
        async () => ({ action: 'accept', content: { approve: true } }),
        (body) => (body.includes('"sentinel-elicit-') ? 'b' : 'a'),
      );
      const result = (await client.callTool(DESTRUCTIVE)) as TextResult;
      assert.deepEqual(result.content, [{ type: 'text', text: 'Echo: rm -rf /' }]);
      assert.equal(asked.length, 1);
      assert.equal(routed.b, 1, 'the answer went to node B');
      const [row] = await approvalsOf(transport.sessionId);
      assert.equal(row?.status, 'approved');
      await client.close();
    });

    it('no answer in time denies; a late answer changes nothing', { skip }, async () => {
      let sessionId: string | undefined;
      const { client, transport } = await connect(async () => {
        // Answer only once the held call has already been denied by the timeout.
        await eventually(async () => (await approvalsOf(sessionId))[0]?.status === 'expired');
        return { action: 'accept', content: { approve: true } };
      });
      sessionId = transport.sessionId;
      const result = (await client.callTool(DESTRUCTIVE)) as TextResult;
      assert.equal(result.isError, true);
      assert.match(result.content[0]?.text ?? '', /approval was not given in time/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [row] = await approvalsOf(sessionId);
      assert.equal(row?.status, 'expired');
      await client.close();
    });

    it('without the capability: the queue, and no self-approval', { skip }, async () => {
      const transport = new StreamableHTTPClientTransport(gatewayUrl(baseA, serverId), {
        requestInit: { headers: { authorization: `Bearer ${t.adminKey}` } },
      });
      const client = new Client({ name: 'no-elicitation', version: '1.0.0' });
      await client.connect(transport);
      const call = client.callTool(DESTRUCTIVE) as Promise<TextResult>;
      let row: ApprovalRecord | undefined;
      await eventually(async () => {
        row = (await approvalsOf(transport.sessionId)).find((item) => item.status === 'pending');
        return row !== undefined;
      });
      // A forged answer naming the queued approval: 202, dropped, the row stays pending.
      const forged = await rawPost(
        gatewayUrl(nodeB.base, serverId),
        {
          jsonrpc: '2.0',
          id: `sentinel-elicit-${row!.id}`,
          result: { action: 'accept', content: { approve: true } },
        },
        {
          authorization: `Bearer ${t.adminKey}`,
          'mcp-session-id': transport.sessionId!,
          'mcp-protocol-version': transport.protocolVersion ?? '2025-11-25',
        },
      );
      assert.equal(forged.status, 202);
      assert.equal((await t.app.store.approvals.findById(row!.id))?.status, 'pending');
      const result = await call;
      assert.equal(result.isError, true);
      assert.match(result.content[0]?.text ?? '', /approval was not given in time/);
      await client.close();
    });
  });
}
