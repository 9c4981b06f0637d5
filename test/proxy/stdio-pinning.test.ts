// Issue 4 part 5 over stdio: the first tools/list pins each tool; a later change is caught, hidden
// when configured, and released by an admin over REST.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOOL_CHANGED_RULE } from '../../src/proxy/index.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { connectThroughProxy, TEST_SERVER, tempDir } from './fixtures/proxy-client.js';

type TextResult = { content: Array<{ type: string; text?: string }>; isError?: boolean };

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`stdio proxy tool pinning (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let env: Record<string, string>;

    before(async () => {
      t = await createTestApp(backend);
      env = {
        SENTINEL_DATABASE_URL: t.database.url,
        SENTINEL_DATA_DIR: tempDir(),
        SENTINEL_SECRET_KEY: TEST_SECRET_KEY,
      };
    });
    after(() => t?.close());

    /** One agent session against the test server in `variant`; returns what the agent saw. */
    const session = async (server: string, variant: 'a' | 'b', extra: Record<string, string> = {}) => {
      const proxied = await connectThroughProxy({
        server: [process.execPath, TEST_SERVER],
        env: { ...env, ...extra, FIXTURE_VARIANT: variant },
        proxyArgs: ['--server', server],
      });
      try {
        const tools = (await proxied.client.listTools()).tools;
        const call = (await proxied.client.callTool({
          name: 'lookup',
          arguments: { id: '42' },
        })) as TextResult;
        return { tools, call };
      } finally {
        await proxied.close();
      }
    };
    const serverId = async (name: string) =>
      (await t.app.store.servers.list()).find((s) => s.name === name)!.id;
    const driftFindings = async (id: string) =>
      (await t.app.store.findings.list({ serverId: id, ruleId: TOOL_CHANGED_RULE }, { limit: 50 })).items;

    it('pins on the first tools/list and stays quiet while nothing changes', async () => {
      await session('pin-quiet', 'a');
      await session('pin-quiet', 'a');
      const id = await serverId('pin-quiet');
      const pins = (await t.request({ method: 'GET', url: `/api/servers/${id}/tools` })).json()
        .items as Array<{
        name: string;
        status: string;
      }>;
      assert.ok(pins.length >= 5);
      assert.ok(pins.every((pin) => pin.status === 'pinned'));
      assert.deepEqual(await driftFindings(id), []);
    });

    it('raises "tool definition changed" and, by default, still lists and runs the tool', async () => {
      await session('pin-alert', 'a');
      const second = await session('pin-alert', 'b');
      assert.ok(second.tools.some((tool) => tool.name === 'lookup'));
      assert.deepEqual(second.call.content, [{ type: 'text', text: 'customer 42' }]);
      const findings = await driftFindings(await serverId('pin-alert'));
      assert.ok(findings.length >= 1);
      assert.match(
        findings[0]!.detail ?? '',
        /tool definition changed: description, inputSchema of "lookup"/,
      );
      assert.equal(findings[0]!.field.endsWith('.description'), true);
    });

    it('with SENTINEL_PROXY_HIDE_CHANGED_TOOLS, hides and blocks the changed tool until an admin approves it', async () => {
      const hide = { SENTINEL_PROXY_HIDE_CHANGED_TOOLS: 'true' };
      await session('pin-hide', 'a', hide);
      const changed = await session('pin-hide', 'b', hide);
      assert.ok(!changed.tools.some((tool) => tool.name === 'lookup'), 'the changed tool is hidden');
      assert.ok(
        changed.tools.some((tool) => tool.name === 'echo'),
        'the others stay',
      );
      assert.equal(changed.call.isError, true);
      assert.match(
        changed.call.content[0]?.text ?? '',
        /definition of tool "lookup" changed since it was pinned/,
      );

      const id = await serverId('pin-hide');
      const listed = await t.request({ method: 'GET', url: `/api/servers/${id}/tools` });
      assert.equal(listed.statusCode, 200);
      const lookup = (listed.json().items as Array<Record<string, unknown>>).find(
        (pin) => pin['name'] === 'lookup',
      );
      assert.equal(lookup?.['status'], 'changed');
      assert.equal(lookup?.['hidden'], false, 'the API process itself runs without the hide setting');
      assert.deepEqual((lookup?.['changed'] as { parts: string[] } | undefined)?.parts, [
        'description',
        'inputSchema',
      ]);

      const approved = await t.request({ method: 'POST', url: `/api/servers/${id}/tools/lookup/approve` });
      assert.equal(approved.statusCode, 200);
      assert.equal(approved.json().status, 'pinned');
      assert.match(approved.json().description, /Also accepts a region/);
      const audit = await t.app.store.audit.list({ limit: 20 });
      assert.ok(audit.items.some((entry) => entry.action === 'tool.approve' && entry.targetId === id));

      const driftBefore = (await driftFindings(id)).length;
      const after = await session('pin-hide', 'b', hide);
      assert.ok(
        after.tools.some((tool) => tool.name === 'lookup'),
        'approved: listed again',
      );
      assert.deepEqual(after.call.content, [{ type: 'text', text: 'customer 42' }]);
      assert.equal((await driftFindings(id)).length, driftBefore, 'an approved definition no longer alerts');
    });

    it('answers 404 for unknown servers and tools, and approving needs the admin role', async () => {
      const unknown = await t.request({
        method: 'GET',
        url: `/api/servers/${'0'.repeat(8)}-0000-7000-8000-000000000000/tools`,
      });
      assert.equal(unknown.statusCode, 404);
      const id = await serverId('pin-quiet');
      const missing = await t.request({ method: 'POST', url: `/api/servers/${id}/tools/nope/approve` });
      assert.equal(missing.statusCode, 404);
      const viewer = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'reader', role: 'viewer' },
      });
      const key = viewer.json().key as string;
      const read = await t.request({ method: 'GET', url: `/api/servers/${id}/tools`, key });
      assert.equal(read.statusCode, 200);
      const approve = await t.request({ method: 'POST', url: `/api/servers/${id}/tools/echo/approve`, key });
      assert.equal(approve.statusCode, 403);
    });
  });
}
