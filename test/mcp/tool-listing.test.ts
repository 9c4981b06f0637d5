import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { STATIC_TOOLS } from '../../src/mcp/index.js';
import { listToolsFromCache } from '../../src/mcp/tool-listing.js';

async function listedBy(cached: boolean) {
  const server = new McpServer({ name: 'listing', version: '1' });
  for (const tool of STATIC_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        outputSchema: tool.outputSchema,
        annotations: tool.annotations,
      },
      async () => ({ content: [] }),
    );
  }
  if (cached) listToolsFromCache(server, STATIC_TOOLS);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'listing-test', version: '1' });
  await client.connect(clientSide);
  const { tools } = await client.listTools();
  await client.close();
  // As a real transport delivers it (the in-memory one passes objects, undefined keys included).
  return JSON.parse(JSON.stringify(tools)) as unknown;
}

describe('cached tool listing', () => {
  it('lists exactly what the SDK would list for the same tools (guards SDK upgrades)', async () => {
    assert.deepEqual(await listedBy(true), await listedBy(false));
  });
});
