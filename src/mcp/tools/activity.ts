import { z } from 'zod';
import { needs, plain, requirePort } from '../app-ports.js';
import { daysInput, idInput, toolInventoryOutput, userActivityOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const userInput = z.string().min(1).max(1024).describe('The user exactly as captured (e.g. an email).');

export const getUserActivity = defineTool({
  name: 'get_user_activity',
  title: 'User activity',
  description:
    "Summarizes one user's activity over the last `days`: events, tools, servers and agents used, findings and alerts. " +
    'Use it to judge whether an alert fits the user’s normal behaviour. Next: investigate_user for alerts and recent events in one call, search_events with `user`.',
  toolset: 'activity',
  tier: 'read',
  available: needs('activity'),
  input: { user: userInput, days: daysInput },
  output: { activity: userActivityOutput },
  handler: async ({ app }, { user, days }) => ({
    data: { activity: plain(await requirePort(app, 'activity').user(user, { days })) },
    guidance: `Activity over ${days} day(s). Next: investigate_user or search_events with this user.`,
  }),
});

export const getAccessGraph = defineTool({
  name: 'get_access_graph',
  title: 'Access graph',
  description:
    'Returns who reaches what over the last `days`: user → agent → server → tool → resources touched (file paths, URLs, tables), with call counts. ' +
    'Use it to answer "who can reach this data?" or to spot an agent touching unusual resources. Next: get_user_activity or get_server_activity.',
  toolset: 'activity',
  tier: 'read',
  available: needs('activity'),
  input: { days: daysInput },
  output: {
    graph: z.looseObject({
      nodes: z.array(z.looseObject({})),
      edges: z.array(z.looseObject({})),
      truncated: z.boolean(),
    }),
  },
  handler: async ({ app }, { days }) => ({
    data: { graph: plain(await requirePort(app, 'activity').accessGraph({ days })) },
    guidance: `Access graph over ${days} day(s).`,
  }),
});

export const listToolInventory = defineTool({
  name: 'list_tool_inventory',
  title: 'Tool inventory and pin status',
  description:
    'Lists the MCP tools seen per server with first/last seen, call counts and pin status (whether the tool description changed since it was pinned: a rug-pull sign). ' +
    'Use it to review what agents can call and spot changed tool descriptions. Next: list_findings with category tool_poisoning.',
  toolset: 'activity',
  tier: 'read',
  available: needs('activity'),
  input: { server: idInput('server').optional() },
  output: { tools: toolInventoryOutput },
  handler: async ({ app }, { server }) => ({
    data: { tools: plain(await requirePort(app, 'activity').toolInventory(server)) },
    guidance:
      'Tool inventory. Next: list_findings(category=tool_poisoning) for changed or poisoned descriptions.',
  }),
});

export const activityTools: readonly Tool[] = [getUserActivity, getAccessGraph, listToolInventory];
