import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { BACKENDS } from '../support/test-stores.js';
import { call, envelopeJson, httpClient, textOf } from './mcp-clients.js';
import { createMcpFixture, type McpFixture } from './mcp-fixture.js';

const HUNTING_TOOLS = ['run_kql_query', 'validate_kql_query', 'get_hunting_schema'];

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`hunting tools over MCP (${backend.name})`, { skip }, () => {
    let f: McpFixture;
    let admin: Client;

    before(async () => {
      f = await createMcpFixture(backend);
      const created = await f.t.request({
        method: 'POST',
        url: '/api/saved-queries',
        body: {
          name: 'Calls per user',
          description: 'How many tool calls each user made.',
          query: 'McpEvents | summarize Calls = count() by User | sort by Calls desc',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      admin = await httpClient(f.baseUrl, f.t.adminKey);
    });
    after(async () => {
      await admin?.close();
      await f?.close();
    });

    it('lists the hunting tools and one tool per saved query', async () => {
      const names = (await admin.listTools()).tools.map((tool) => tool.name);
      for (const name of [...HUNTING_TOOLS, 'list_saved_queries', 'saved_query_calls_per_user']) {
        assert.ok(names.includes(name), name);
      }
      const huntersOnly = await httpClient(f.baseUrl, f.keys.viewer);
      try {
        const viewerNames = (await huntersOnly.listTools()).tools.map((tool) => tool.name);
        assert.ok(
          viewerNames.includes('run_kql_query') && viewerNames.includes('saved_query_calls_per_user'),
        );
      } finally {
        await huntersOnly.close();
      }
    });

    it('validates, runs and describes KQL, with captured values inside the envelope', async () => {
      const valid = await call(admin, 'validate_kql_query', { query: 'McpEvents | take 1' });
      assert.equal((valid.structuredContent as { valid: boolean }).valid, true, textOf(valid));
      const invalid = await call(admin, 'validate_kql_query', {
        query: 'McpEvents | where NoSuchColumn == 1',
      });
      const diagnostics = invalid.structuredContent as { valid: boolean; diagnostics: { message: string }[] };
      assert.equal(diagnostics.valid, false);
      assert.ok(diagnostics.diagnostics.length > 0);
      const ran = await call(admin, 'run_kql_query', {
        query: 'McpEvents | summarize Calls = count() by User | sort by Calls desc',
        timespan: { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      });
      assert.notEqual(ran.isError, true, textOf(ran));
      const result = ran.structuredContent as { rows: unknown[][]; columns: { name: string }[] };
      assert.deepEqual(
        result.columns.map((column) => column.name),
        ['User', 'Calls'],
      );
      assert.deepEqual(result.rows[0], ['alice@example.com', 2]);
      assert.deepEqual(envelopeJson(textOf(ran)), ran.structuredContent);
      const broken = await call(admin, 'run_kql_query', { query: 'McpEvents | where' });
      assert.equal(broken.isError, true);
      assert.doesNotMatch(textOf(broken), /\n\s+at |node_modules/);
      const badSpan = await call(admin, 'run_kql_query', {
        query: 'McpEvents | take 1',
        timespan: 'last week',
      });
      assert.equal(badSpan.isError, true);
      assert.match(textOf(badSpan), /ISO 8601 duration/);
      const schema = await call(admin, 'get_hunting_schema');
      assert.match(JSON.stringify(schema.structuredContent), /McpEvents/);
      const resource = await admin.readResource({ uri: 'sentinel://hunting/schema' });
      assert.match(JSON.stringify(resource.contents), /TimeGenerated/);
    });

    it('runs a saved query as a tool of its own', async () => {
      const listed = await call(admin, 'list_saved_queries');
      assert.deepEqual((listed.structuredContent as { tools: string[] }).tools, [
        'saved_query_calls_per_user',
      ]);
      const tool = (await admin.listTools()).tools.find(
        (entry) => entry.name === 'saved_query_calls_per_user',
      );
      assert.match(tool?.description ?? '', /How many tool calls each user made/);
      const ran = await call(admin, 'saved_query_calls_per_user', {});
      assert.notEqual(ran.isError, true, textOf(ran));
      assert.deepEqual((ran.structuredContent as { rows: unknown[][] }).rows[0], ['alice@example.com', 2]);
    });
  });
}
