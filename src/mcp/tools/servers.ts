import { Readable } from 'node:stream';
import { z } from 'zod';
import { needs, plain, requirePort } from '../app-ports.js';
import { idInput, purgeConfirm, serverActivityOutput, serverOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const serverId = idInput('server');

export const listServers = defineTool({
  name: 'list_servers',
  title: 'List monitored MCP servers',
  description:
    'Lists every MCP server registered with Sentinel (id, name, type, tags, how its webhook authenticates; never secrets). ' +
    'Use it first to find a server id. Next: get_server_activity or investigate_server for one server, list_alerts with `server` for its alerts.',
  toolset: 'servers',
  tier: 'read',
  everyday: true,
  input: {},
  output: { servers: z.array(serverOutput) },
  handler: async ({ app, principal }) => {
    const servers = await app.servers.list(principal);
    return {
      data: { servers },
      guidance: `${servers.length} registered server(s). Next: investigate_server(server_id) for one of them.`,
    };
  },
});

export const getServer = defineTool({
  name: 'get_server',
  title: 'Get one MCP server',
  description:
    'Returns one registered server: name, type, endpoint, description, tags and webhook authentication settings (no secrets). ' +
    'Use it when you have a server id from an alert or event. Next: get_server_activity or investigate_server.',
  toolset: 'servers',
  tier: 'read',
  input: { server_id: serverId },
  output: { server: serverOutput },
  handler: async ({ app, principal }, { server_id }) => ({
    data: { server: await app.servers.get(principal, server_id) },
    guidance:
      'Server found. Next: get_server_activity for what it has been doing, list_alerts with `server` for its alerts.',
  }),
});

export const getServerActivity = defineTool({
  name: 'get_server_activity',
  title: 'Server activity',
  description:
    "Summarizes one server's traffic: events, users, agents, tools called, findings and alerts. " +
    'Use it to see what a server is used for and by whom. Next: list_tool_inventory for its tools and pin status, search_events with `server` for raw calls.',
  toolset: 'servers',
  tier: 'read',
  available: needs('activity'),
  input: { server_id: serverId },
  output: { activity: serverActivityOutput },
  handler: async ({ app, principal }, { server_id }) => {
    await app.servers.get(principal, server_id);
    const activity = plain(await requirePort(app, 'activity').server(server_id)) as Record<string, unknown>;
    return {
      data: { activity },
      guidance: 'Server activity summarized. Next: list_tool_inventory(server_id) or search_events(server).',
    };
  },
});

export const serverSendTestEvent = defineTool({
  name: 'server_send_test_event',
  title: 'Send a test event to a server',
  description:
    "Sends one harmless, clearly marked test event into a server's event stream through the same ingest pipeline as its webhook " +
    '(normalize, detect, store), to check that detection and storage work for that server. ' +
    'Use it after registering or reconfiguring a server. Next: search_events with `server` to see it.',
  toolset: 'servers',
  tier: 'trigger',
  idempotent: false,
  input: { server_id: serverId },
  output: { accepted: z.number(), duplicates: z.number(), rejectedCount: z.number() },
  handler: async ({ app, principal }, { server_id }) => {
    const event = {
      timestamp: new Date().toISOString(),
      user: 'sentinel-test',
      agent: 'sentinel-mcp',
      tool: 'sentinel_test',
      method: 'tools/call',
      prompt: 'Sentinel test event',
      metadata: { sentinel_test: true, sent_by: principal.name },
    };
    const report = await app.ingest.upload(
      principal,
      server_id,
      Readable.from([`${JSON.stringify(event)}\n`]),
    );
    // Uploads are not audited on their own; a write tool is, with the caller's key.
    await app.audit.record(principal, 'server.test_event', { type: 'server', id: server_id }, { ...report });
    return {
      data: { accepted: report.accepted, duplicates: report.duplicates, rejectedCount: report.rejectedCount },
      guidance: `Test event ${report.accepted === 1 ? 'stored' : 'not stored'}. Next: search_events with server=${server_id} and user=sentinel-test.`,
    };
  },
});

export const serverUpdateAuth = defineTool({
  name: 'server_update_auth',
  title: "Change a server's webhook authentication",
  description:
    "Turns a server's webhook authentication methods on or off: API key, HMAC signature, IP allowlist (CIDRs), or explicitly allowing unauthenticated posts. " +
    'Enabling the API key or HMAC returns the new credential once (show it to the user to configure the sender; Sentinel keeps only a hash or ciphertext). ' +
    'Use it when the user asks to harden or change how a server reports. Next: server_send_test_event.',
  toolset: 'servers',
  tier: 'configuration',
  input: {
    server_id: serverId,
    api_key: z.boolean().optional().describe('Require an API key (true creates one if missing).'),
    hmac: z.boolean().optional().describe('Require an HMAC signature (true creates a secret if missing).'),
    ip_allowlist: z.array(z.string().min(1).max(64)).max(256).optional().describe('IPv4/IPv6 CIDRs.'),
    allow_unauthenticated: z.boolean().optional().describe('Accept posts with no authentication at all.'),
  },
  output: {
    server: serverOutput,
    credentials: z.object({ apiKey: z.string().optional(), hmacSecret: z.string().optional() }),
  },
  handler: async ({ app, principal }, args) => {
    const auth = Object.fromEntries(
      Object.entries({
        apiKey: args.api_key,
        hmac: args.hmac,
        ipAllowlist: args.ip_allowlist,
        allowUnauthenticated: args.allow_unauthenticated,
      }).filter(([, value]) => value !== undefined),
    );
    const updated = await app.servers.update(principal, args.server_id, { auth });
    const issued = Object.keys(updated.credentials);
    return {
      data: { server: updated.server, credentials: updated.credentials },
      guidance:
        issued.length > 0
          ? `Authentication updated. New credential(s) ${issued.join(', ')} are shown once: give them to the user now.`
          : 'Authentication updated.',
    };
  },
});

export const serverUpdateMetadata = defineTool({
  name: 'server_update_metadata',
  title: "Change a server's description and tags",
  description:
    "Sets a server's description (at most 4,000 characters) and/or tags (at most 50; letters, digits and . _ : / -, 64 characters each). " +
    'Use it to record ownership or purpose. Next: get_server to check.',
  toolset: 'servers',
  tier: 'metadata',
  input: {
    server_id: serverId,
    description: z.string().max(4000).nullable().optional().describe('New description; null clears it.'),
    tags: z.array(z.string().min(1).max(64)).max(50).optional().describe('Replaces the tag list.'),
  },
  output: { server: serverOutput },
  handler: async ({ app, principal }, { server_id, description, tags }) => {
    const patch = Object.fromEntries(
      Object.entries({ description, tags }).filter(([, value]) => value !== undefined),
    );
    const updated = await app.servers.update(principal, server_id, patch);
    return { data: { server: updated.server }, guidance: 'Server metadata updated.' };
  },
});

export const serverDelete = defineTool({
  name: 'server_delete',
  title: 'Unregister a server',
  description:
    'Unregisters a server: its webhook stops accepting events (stored events stay). Use it only when the user asks to remove a server and has explicitly agreed; ' +
    'it needs confirm: "PURGE". Next: purge_events with `server` to remove its stored events too.',
  toolset: 'servers',
  tier: 'destructive',
  input: { server_id: serverId, confirm: purgeConfirm },
  output: { deleted: z.string() },
  handler: async ({ app, principal }, { server_id }) => {
    await app.servers.delete(principal, server_id);
    return { data: { deleted: server_id }, guidance: 'Server unregistered; its stored events remain.' };
  },
});

export const serverTools: readonly Tool[] = [
  listServers,
  getServer,
  getServerActivity,
  serverSendTestEvent,
  serverUpdateAuth,
  serverUpdateMetadata,
  serverDelete,
];
