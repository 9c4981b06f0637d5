import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../core/index.js';
import { defineTool, TIERS, TOOL_NAME, type Tool } from './tool.js';

/*
 * The `context` toolset, always on: who am I, find a tool, run a tool by name. Each answers from
 * the caller's own session (the tools their role and the settings permit).
 */

export const whoami = defineTool({
  name: 'whoami',
  title: 'Who am I',
  description:
    'Returns the caller’s Sentinel key (name and id), its role, whether write operations are on, the exposed toolsets and mode, and every tool this caller may run. ' +
    'Use it when unsure what you are allowed to do, or before attempting a write. Next: search_tools to find a tool by purpose.',
  toolset: 'context',
  tier: 'read',
  everyday: true,
  input: {},
  output: {
    key: z.object({ id: z.string(), name: z.string() }),
    role: z.string(),
    writeOperations: z.boolean(),
    toolsets: z.array(z.string()),
    mode: z.string(),
    tiers: z.array(z.string()),
    tools: z.array(z.object({ name: z.string(), tier: z.string(), listed: z.boolean() })),
  },
  handler: async ({ principal, session }) => {
    const tiers = TIERS.filter((tier) => session.permitted.some((tool) => tool.tier === tier));
    return {
      data: {
        key: { id: principal.keyId, name: principal.name },
        role: principal.role,
        writeOperations: session.writeOperations,
        toolsets: session.toolsets.length === 0 ? ['all'] : [...session.toolsets],
        mode: session.mode,
        tiers,
        tools: session.permitted.map((tool) => ({
          name: tool.name,
          tier: tool.tier,
          listed: session.listedNames.has(tool.name),
        })),
      },
      guidance: `Role ${principal.role}; ${session.permitted.length} tool(s) available (tiers: ${tiers.join(', ')}).`,
    };
  },
});

export const searchTools = defineTool({
  name: 'search_tools',
  title: 'Search Sentinel’s tools',
  description:
    'Finds the tools you may use by what they do (words matched against tool names, titles and descriptions), including tools not in the listed set, ' +
    'and returns each one’s input schema. Use it when no listed tool fits. Next: call_tool with the name and arguments.',
  toolset: 'context',
  tier: 'read',
  everyday: true,
  input: {
    query: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('What you want to do, e.g. "disable rule" or "purge events".'),
    limit: z.number().int().min(1).max(50).default(8),
  },
  output: {
    tools: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        description: z.string(),
        toolset: z.string(),
        tier: z.string(),
        listed: z.boolean(),
        inputSchema: z.record(z.string(), z.unknown()),
      }),
    ),
  },
  handler: async ({ session }, { query, limit }) => {
    const words = query
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 1);
    const tools = session.permitted
      .map((tool) => ({ tool, score: score(tool, words) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ tool }) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        toolset: tool.toolset,
        tier: tool.tier,
        listed: session.listedNames.has(tool.name),
        inputSchema: z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Record<string, unknown>,
      }));
    return {
      data: { tools },
      guidance:
        tools.length === 0
          ? 'No permitted tool matches; try other words, or whoami for the full list.'
          : `${tools.length} matching tool(s). Run one with call_tool(name, arguments).`,
    };
  },
});

export const callTool = defineTool({
  name: 'call_tool',
  title: 'Run a Sentinel tool by name',
  description:
    'Runs any tool you are permitted to use by its name, with the same argument validation and permissions as calling it directly. ' +
    'Use it for tools that search_tools found but that are not listed. Next: whatever the called tool suggests.',
  toolset: 'context',
  tier: 'read',
  everyday: true,
  input: {
    name: z.string().regex(TOOL_NAME, 'must be a tool name').describe('The tool name from search_tools.'),
    arguments: z.record(z.string(), z.unknown()).default({}).describe('The tool’s arguments.'),
  },
  output: { tool: z.string(), result: z.record(z.string(), z.unknown()) },
  handler: async (context, { name, arguments: args }) => {
    if (name === 'call_tool') throw new ValidationError('call_tool cannot call itself');
    const tool =
      context.session.permitted.find((candidate) => candidate.name === name) ??
      CONTEXT_TOOLS.find((candidate) => candidate.name === name);
    if (tool === undefined) {
      throw new ForbiddenError(
        `no tool "${name}" is available to this caller (unknown, above its role, write operations off, or outside the exposed toolsets)`,
      );
    }
    const output = await tool.invoke(context, args);
    return { data: { tool: name, result: output.data }, guidance: output.guidance };
  },
});

export const CONTEXT_TOOLS: readonly Tool[] = [whoami, searchTools, callTool];

function score(tool: Tool, words: readonly string[]): number {
  const name = tool.name.toLowerCase();
  const text = `${tool.title} ${tool.description} ${tool.toolset}`.toLowerCase();
  return words.reduce(
    (total, word) => total + (name.includes(word) ? 3 : 0) + (text.includes(word) ? 1 : 0),
    0,
  );
}
