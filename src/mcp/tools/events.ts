import { z } from 'zod';
import { needs, plain, requirePort } from '../app-ports.js';
import { cursorInput, eventOutput, idInput, isoTimeInput, limitInput, nextCursorOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const text = (what: string) => z.string().min(1).max(1024).optional().describe(what);

export const searchEvents = defineTool({
  name: 'search_events',
  title: 'Search captured MCP events',
  description:
    'Searches captured MCP tool calls, newest first, by server, user, agent, tool, method, session, time range and free text. ' +
    'Use it to see what actually happened (the prompts, arguments and responses behind a finding). ' +
    'Next: get_event for one event in full, investigate_user for the user behind it, run_kql_query for aggregations.',
  toolset: 'events',
  tier: 'read',
  everyday: true,
  input: {
    server: idInput('server').optional(),
    user: text('Exact user (as captured).'),
    agent: text('Exact agent name.'),
    tool: text('Exact tool name.'),
    method: text('MCP method, e.g. tools/call.'),
    session: text('Session id.'),
    from: isoTimeInput('Earliest event time').optional(),
    to: isoTimeInput('Latest event time (exclusive)').optional(),
    q: z.string().min(1).max(500).optional().describe('Text that must appear in the event.'),
    limit: limitInput(100, 20),
    cursor: cursorInput,
  },
  output: { events: z.array(eventOutput), nextCursor: nextCursorOutput },
  handler: async ({ app, principal }, args) => {
    const page = await app.events.list(principal, args);
    return {
      data: { events: page.items, nextCursor: page.nextCursor },
      guidance:
        `${page.items.length} event(s)${page.nextCursor ? '; more with `cursor`' : ''}. ` +
        'Next: get_event(event_id) for one in full, or list_findings with `event` for what was detected in it.',
    };
  },
});

export const getEvent = defineTool({
  name: 'get_event',
  title: 'Get one captured event',
  description:
    'Returns one captured MCP event in full: prompt, arguments, response, metadata, tool description, timing. ' +
    'Use it when a finding or alert points to an event id. Next: list_findings with `event` for its findings, investigate_user for its user.',
  toolset: 'events',
  tier: 'read',
  input: { event_id: idInput('event') },
  output: { event: eventOutput },
  handler: async ({ app, principal }, { event_id }) => ({
    data: { event: await app.events.get(principal, event_id) },
    guidance: 'Event found. Next: list_findings(event) for what Sentinel detected in it.',
  }),
});

export const eventStatistics = defineTool({
  name: 'event_statistics',
  title: 'Event counts over time',
  description:
    'Counts events (and findings) per hour or day over a time range, optionally for one server. ' +
    'Use it to spot spikes or quiet periods. Next: search_events over a spike, alert_trends for detections over time.',
  toolset: 'events',
  tier: 'read',
  available: needs('activity'),
  input: {
    from: isoTimeInput('Start (default: 7 days ago)').optional(),
    to: isoTimeInput('End (default: now)').optional(),
    bucket: z.enum(['hour', 'day']).default('day'),
    server: idInput('server').optional(),
  },
  output: {
    statistics: z.looseObject({
      bucket: z.string(),
      totals: z.looseObject({}),
      buckets: z.array(z.looseObject({})),
    }),
  },
  handler: async ({ app }, { from, to, bucket, server }) => {
    const statistics = plain(
      await requirePort(app, 'activity').eventStatistics({
        ...(from ? { from: new Date(from).toISOString() } : {}),
        ...(to ? { to: new Date(to).toISOString() } : {}),
        bucket,
        ...(server ? { serverId: server } : {}),
      }),
    );
    return {
      data: { statistics },
      guidance: `Event counts per ${bucket}. Next: search_events over a spike.`,
    };
  },
});

export const rescanEvents = defineTool({
  name: 'rescan_events',
  title: 'Re-run detection over a time range',
  description:
    'Re-runs the current detection rules over stored events in a time range (optionally one server) and adds only findings that are new, ' +
    'e.g. after enabling or creating a rule. Use it when the user wants past traffic checked against today’s rules. Next: list_alerts.',
  toolset: 'events',
  tier: 'trigger',
  input: {
    from: isoTimeInput('Start'),
    to: isoTimeInput('End'),
    server: idInput('server').optional(),
  },
  output: { scanned: z.number(), newFindings: z.number() },
  handler: async ({ app, principal }, { from, to, server }) => {
    const report = await app.rescan.rescan(principal, { from, to, ...(server ? { server } : {}) });
    return {
      data: { ...report },
      guidance: `Rescanned ${report.scanned} event(s); ${report.newFindings} new finding(s). Next: list_alerts.`,
    };
  },
});

export const eventTools: readonly Tool[] = [searchEvents, getEvent, eventStatistics, rescanEvents];
