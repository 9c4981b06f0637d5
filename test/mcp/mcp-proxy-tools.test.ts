import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { BACKENDS } from '../support/test-stores.js';
import { call, envelopeJson, httpClient, textOf } from './mcp-clients.js';
import { createMcpFixture, ESCAPE_ATTEMPT, type McpFixture } from './mcp-fixture.js';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`proxy tools over MCP: tool pins and the approval queue (${backend.name})`, { skip }, () => {
    let f: McpFixture;
    let admin: Client;

    before(async () => {
      f = await createMcpFixture(backend);
      admin = await httpClient(f.baseUrl, f.t.adminKey);
      // What the proxy does when a server lists its tools: pin, then see a changed description.
      const tool = { name: 'read_file', description: 'Reads a file.', inputSchema: {}, outputSchema: null };
      await f.t.app.toolPins.review(f.serverId, [tool]);
      await f.t.app.toolPins.review(f.serverId, [
        { ...tool, description: `Reads a file. ${ESCAPE_ATTEMPT}` },
      ]);
    });
    after(async () => {
      await admin?.close();
      await f?.close();
    });

    it('lists pins with the changed description inside the envelope, and approves the change', async () => {
      const listed = await call(admin, 'list_tool_pins', { server_id: f.serverId });
      assert.notEqual(listed.isError, true, textOf(listed));
      const pins = (listed.structuredContent as { pins: { name: string; status: string }[] }).pins;
      assert.deepEqual(
        pins.map((pin) => [pin.name, pin.status]),
        [['read_file', 'changed']],
      );
      assert.deepEqual(envelopeJson(textOf(listed)), listed.structuredContent);
      assert.doesNotMatch(textOf(listed).split('<untrusted-data-')[0] ?? '', /IGNORE ALL PREVIOUS/);
      const approved = await call(admin, 'tool_pin_approve', { server_id: f.serverId, tool: 'read_file' });
      assert.equal((approved.structuredContent as { pin: { status: string } }).pin.status, 'pinned');
      const missing = await call(admin, 'tool_pin_approve', { server_id: f.serverId, tool: 'nope' });
      assert.equal(missing.isError, true);
      assert.match(textOf(missing), /not_found/);
    });

    it('shows a held call and releases it with the admin’s decision', async () => {
      const held = f.t.app.approvals.request({
        serverId: f.serverId,
        sessionId: null,
        tool: 'delete_file',
        method: 'tools/call',
        arguments: { path: '/srv/data' },
        ruleIds: ['MCP-TEST-APPROVE'],
        summary: 'delete a folder',
        timeoutMs: 20_000,
      });
      let pending: { id: string }[] = [];
      for (let i = 0; i < 50 && pending.length === 0; i++) {
        const listed = await call(admin, 'list_approvals', {});
        pending = (listed.structuredContent as { approvals: { id: string }[] }).approvals;
        if (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(pending.length, 1);
      const viewer = await httpClient(f.baseUrl, f.keys.viewer);
      try {
        const names = (await viewer.listTools()).tools.map((tool) => tool.name);
        assert.ok(names.includes('list_approvals') && !names.includes('approval_decide'));
      } finally {
        await viewer.close();
      }
      const decided = await call(admin, 'approval_decide', {
        approval_id: pending[0]?.id,
        decision: 'approve',
        comment: 'Expected clean-up.',
      });
      assert.notEqual(decided.isError, true, textOf(decided));
      assert.equal(await held, 'approved');
      const badId = await call(admin, 'approval_decide', { approval_id: 'x', decision: 'deny' });
      assert.equal(badId.isError, true);
      assert.match(textOf(badId), /approval id/);
    });
  });
}
