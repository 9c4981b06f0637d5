// Issue 4 parts 3 and 4 over stdio, end to end: the built CLI proxies the test server for the
// official SDK client; events and findings land in the store (both backends).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { createApplication, SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { McpEvent } from '../../src/core/index.js';
import type { Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';
import {
  connectThroughProxy,
  eventually,
  SECRET_KEY,
  TEST_SERVER,
  tempDir,
} from './fixtures/proxy-client.js';

type TextResult = {
  content: Array<{ type: string; text?: string }>;
  isError?: boolean;
  structuredContent?: unknown;
};

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`stdio proxy verdicts (${backend.name})`, { skip }, () => {
    let database: TestDatabase;
    let store: Store;
    let dataDir: string;
    let env: Record<string, string>;
    const calls = () => {
      const path = join(dataDir, 'calls.jsonl');
      if (!existsSync(path)) return [] as Array<{ name: string; args: Record<string, unknown> }>;
      return readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { name: string; args: Record<string, unknown> });
    };
    const events = async (method?: string): Promise<McpEvent[]> =>
      [...(await store.events.list(method ? { method } : {}, { limit: 500 })).items].reverse();
    const connect = (
      extra: Record<string, string> = {},
      options: Partial<Parameters<typeof connectThroughProxy>[0]> = {},
    ) =>
      connectThroughProxy({
        server: [process.execPath, TEST_SERVER],
        env: { ...env, ...extra },
        proxyArgs: ['--server', 'verdict-tests'],
        ...options,
      });

    before(async () => {
      database = await backend.create();
      dataDir = tempDir();
      env = {
        SENTINEL_DATABASE_URL: database.url,
        SENTINEL_DATA_DIR: dataDir,
        SENTINEL_SECRET_KEY: SECRET_KEY,
        SENTINEL_APPROVAL_TIMEOUT_SECONDS: '1',
        FIXTURE_CALL_LOG: join(dataDir, 'calls.jsonl'),
        FIXTURE_POISON: '1',
      };
      store = await database.open();
      // A destructive command waits for a human instead of being blocked outright.
      const app = createApplication(loadConfig(env), store, { secretKey: SECRET_KEY });
      await app.rules.configure(SYSTEM_PRINCIPAL, 'MCP-CMD-004', { action: 'approve' });
    });
    after(async () => {
      await store?.close();
      await database?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('passes clean calls through unchanged and registers the server on first use', async () => {
      const proxied = await connect();
      const result = (await proxied.client.callTool({
        name: 'echo',
        arguments: { text: 'hello' },
      })) as TextResult;
      await proxied.close();
      assert.deepEqual(result.content, [{ type: 'text', text: 'hello' }]);
      assert.deepEqual(calls().at(-1), { name: 'echo', args: { text: 'hello' } });
      const servers = await store.servers.list();
      assert.deepEqual(
        servers.map((server) => server.name),
        ['verdict-tests'],
      );
      const call = await eventually(async () =>
        (await events('tools/call')).find((event) => event.tool === 'echo'),
      );
      assert.equal(call.source, 'proxy');
      assert.equal(call.response, 'hello');
      assert.deepEqual(call.arguments, { text: 'hello' });
      assert.equal(call.client, 'proxy-test/1.0.0');
      assert.equal(call.isError, false);
      assert.ok(call.durationMs !== null && call.durationMs >= 0);
      const initialize = (await events('initialize'))[0];
      assert.ok(initialize, 'initialize is recorded too');
    });

    it('blocks a path traversal argument with a tool error; the server never sees it', async () => {
      const proxied = await connect();
      const result = (await proxied.client.callTool({
        name: 'read_note',
        arguments: { path: '../../../../etc/passwd' },
      })) as TextResult;
      await proxied.close();
      assert.equal(result.isError, true);
      const text = result.content[0]?.text ?? '';
      assert.match(text, /Blocked by MCP Sentinel/);
      assert.match(text, /MCP-PT-005/);
      assert.match(text, /arguments\.path/);
      assert.ok(!calls().some((call) => call.name === 'read_note'), 'the blocked call reached the server');
      const blocked = await eventually(async () =>
        (await events('tools/call')).find((event) => event.tool === 'read_note'),
      );
      assert.equal(blocked.isError, true);
      assert.deepEqual((blocked.metadata['sentinel'] as { action: string }).action, 'block');
      const findings = await store.findings.list({ eventId: blocked.id }, { limit: 50 });
      assert.ok(
        findings.items.some((finding) => finding.ruleId === 'MCP-PT-005' && finding.action === 'block'),
      );
      const alerts = await store.alerts.list({ ruleId: 'MCP-PT-005' }, { limit: 5 });
      assert.equal(alerts.items.length, 1, 'the finding raised an alert');
    });

    it('answers a blocked non-tool request with a JSON-RPC error', async () => {
      const proxied = await connect();
      await assert.rejects(
        proxied.client.readResource({ uri: 'file:///../../../../etc/shadow' }),
        /Blocked by MCP Sentinel/,
      );
      await proxied.close();
    });

    it('redacts a secret in a result before the agent sees it, everywhere it appears', async () => {
      const proxied = await connect();
      const result = (await proxied.client.callTool({ name: 'leak', arguments: {} })) as TextResult;
      await proxied.close();
      const text = result.content[0]?.text ?? '';
      assert.ok(!text.includes('ghp_aB3dE5'), text);
      assert.match(text, /deploy token: \[REDACTED:MCP-SEC-\d+\] \(keep safe\)/);
      assert.ok(!JSON.stringify(result.structuredContent).includes('ghp_aB3dE5'));
      const leak = await eventually(async () =>
        (await events('tools/call')).find((event) => event.tool === 'leak'),
      );
      // Stored masked with a fingerprint (SENTINEL_STORE_SECRETS=masked), with its findings.
      assert.ok(!leak.response?.includes('ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'));
      const findings = await store.findings.list({ eventId: leak.id }, { limit: 50 });
      assert.ok(
        findings.items.some((finding) => finding.action === 'redact' && finding.category === 'secrets'),
      );
    });

    it('raises an alert for a poisoned tool description (and still lists the tool)', async () => {
      const proxied = await connect();
      const tools = await proxied.client.listTools();
      await proxied.close();
      assert.ok(tools.tools.some((tool) => tool.name === 'add'));
      const list = await eventually(async () => (await events('tools/list'))[0]);
      const findings = await store.findings.list({ eventId: list.id }, { limit: 100 });
      const poisoning = findings.items.filter((finding) => finding.category === 'tool_poisoning');
      assert.ok(poisoning.length > 0, 'tool poisoning found');
      assert.ok(poisoning.every((finding) => finding.field.startsWith('response.tools.')));
    });

    it('holds an approve-rule call for elicitation when the client supports it', async () => {
      const asked: string[] = [];
      let answer: 'yes' | 'no' = 'yes';
      const proxied = await connect(
        {},
        {
          capabilities: { elicitation: {} },
          setup: (client) =>
            client.setRequestHandler(ElicitRequestSchema, async (request) => {
              asked.push(String(request.params.message));
              return answer === 'yes'
                ? { action: 'accept', content: { approve: true } }
                : { action: 'decline' };
            }),
        },
      );
      const approved = (await proxied.client.callTool({
        name: 'run',
        arguments: { command: 'rm -rf ~' },
      })) as TextResult;
      answer = 'no';
      const denied = (await proxied.client.callTool({
        name: 'run',
        arguments: { command: 'rm -rf ~' },
      })) as TextResult;
      await proxied.close();
      assert.equal(asked.length, 2);
      assert.match(asked[0]!, /run .*rm -rf ~.* on server verdict-tests .*MCP-CMD-004.*allow\?/);
      assert.deepEqual(approved.content, [{ type: 'text', text: 'ran: rm -rf ~' }]);
      assert.equal(denied.isError, true);
      assert.match(denied.content[0]?.text ?? '', /approval was denied/);
      assert.equal(calls().filter((call) => call.name === 'run').length, 1, 'only the approved call ran');
    });

    it('without elicitation, queues the call for an admin and denies it when nobody answers in time', async () => {
      const proxied = await connect();
      const result = (await proxied.client.callTool({
        name: 'run',
        arguments: { command: 'rm -rf ~' },
      })) as TextResult;
      await proxied.close();
      assert.equal(result.isError, true);
      assert.match(result.content[0]?.text ?? '', /approval was not given in time/);
      const queued = await store.approvals.list({ limit: 10 });
      assert.equal(queued.length, 1, 'the call waited in the approval queue');
      assert.equal(queued[0]?.tool, 'run');
      assert.equal(calls().filter((call) => call.name === 'run').length, 1, 'the denied call never ran');
    });
  });
}
