import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Tool as ListedTool, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Tool } from './tool.js';

const listings = new WeakMap<Tool, ListedTool>();

/**
 * A tool as `tools/list` shows it, converted to JSON Schema once per tool. The SDK converts every
 * schema on every `tools/list`; with a server built per HTTP request that conversion was most of
 * the cost of the call (bench/mcp).
 */
function listing(tool: Tool): ListedTool {
  const cached = listings.get(tool);
  if (cached !== undefined) return cached;
  const listed = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    // The same conversion the SDK applies (zod 4, draft-7; inputs as accepted, outputs as produced).
    inputSchema: z.toJSONSchema(tool.inputSchema, { target: 'draft-7', io: 'input' }),
    outputSchema: z.toJSONSchema(tool.outputSchema, { target: 'draft-7', io: 'output' }),
    annotations: tool.annotations,
    execution: { taskSupport: 'forbidden' },
  } as ListedTool;
  listings.set(tool, listed);
  return listed;
}

/** Answers `tools/list` from the cached listings of `tools` (call after registering them). */
export function listToolsFromCache(server: McpServer, tools: readonly Tool[]): void {
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(listing) }));
}
