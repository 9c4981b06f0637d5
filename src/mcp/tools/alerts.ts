import { z } from 'zod';
import { ALERT_STATUSES, CATEGORIES, SEVERITIES } from '../../core/index.js';
import { needs, plain, requirePort } from '../app-ports.js';
import {
  alertEventOutput,
  alertOutput,
  cursorInput,
  daysInput,
  eventOutput,
  findingOutput,
  idInput,
  isoTimeInput,
  limitInput,
  nextCursorOutput,
} from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const alertId = idInput('alert');

export const listAlerts = defineTool({
  name: 'list_alerts',
  title: 'List alerts',
  description:
    'Lists alerts (findings of one rule on one server for one user, grouped), most recent activity first, filtered by status, severity, rule, server, user and time. ' +
    'Use it to answer "what needs attention?" (status new,in_progress; severity high,critical). ' +
    'Next: investigate_alert(alert_id) for the full picture, alert_transition to close one.',
  toolset: 'alerts',
  tier: 'read',
  everyday: true,
  input: {
    status: z.array(z.enum(ALERT_STATUSES)).min(1).optional().describe('Any of these statuses.'),
    severity: z.array(z.enum(SEVERITIES)).min(1).optional().describe('Any of these severities.'),
    rule: z.string().min(1).max(100).optional().describe('Rule id, e.g. MCP-PI-001.'),
    server: idInput('server').optional(),
    user: z.string().min(1).max(1024).optional().describe('Exact user.'),
    from: isoTimeInput('Earliest activity').optional(),
    to: isoTimeInput('Latest activity').optional(),
    limit: limitInput(100, 20),
    cursor: cursorInput,
  },
  output: { alerts: z.array(alertOutput), nextCursor: nextCursorOutput },
  handler: async ({ app, principal }, args) => {
    const page = await app.alerts.listAlerts(principal, {
      ...args,
      status: args.status?.join(','),
      severity: args.severity?.join(','),
    });
    return {
      data: { alerts: page.items, nextCursor: page.nextCursor },
      guidance:
        `${page.items.length} alert(s)${page.nextCursor ? '; more with `cursor`' : ''}. ` +
        'Next: investigate_alert(alert_id) for one, or alert_trends for the overall picture.',
    };
  },
});

export const getAlert = defineTool({
  name: 'get_alert',
  title: 'Get one alert with its findings and events',
  description:
    'Returns one alert with its findings (rule, field, evidence) and the events behind them. ' +
    'Use it when you only need the alert itself; investigate_alert adds the server, the user’s other activity and recurrence in one call. ' +
    'Next: alert_history, alert_transition or alert_add_comment.',
  toolset: 'alerts',
  tier: 'read',
  everyday: true,
  input: { alert_id: alertId },
  output: { alert: alertOutput, findings: z.array(findingOutput), events: z.array(eventOutput) },
  handler: async ({ app, principal }, { alert_id }) => {
    const detail = await app.alerts.getAlert(principal, alert_id);
    return {
      data: { alert: detail.alert, findings: detail.findings, events: detail.events },
      guidance:
        `Alert with ${detail.findings.length} finding(s) over ${detail.events.length} event(s). ` +
        'Next: investigate_alert for context, then alert_transition to classify it.',
    };
  },
});

export const listFindings = defineTool({
  name: 'list_findings',
  title: 'List findings',
  description:
    'Lists individual detections (rule, severity, category, field, evidence snippet; secrets masked) filtered by rule, server, category, severity, event, alert, secret fingerprint and time. ' +
    'Use it to see exactly what matched, or where a leaked secret (same fingerprint) appeared elsewhere. Next: get_event for the event behind one.',
  toolset: 'alerts',
  tier: 'read',
  everyday: true,
  input: {
    rule: z.string().min(1).max(100).optional(),
    server: idInput('server').optional(),
    category: z.enum(CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    event: idInput('event').optional(),
    alert: idInput('alert').optional(),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'must be 16 hex characters')
      .optional()
      .describe('Secret fingerprint (16 hex).'),
    from: isoTimeInput('Earliest').optional(),
    to: isoTimeInput('Latest').optional(),
    limit: limitInput(100, 20),
    cursor: cursorInput,
  },
  output: { findings: z.array(findingOutput), nextCursor: nextCursorOutput },
  handler: async ({ app, principal }, args) => {
    const page = await app.alerts.listFindings(principal, args);
    return {
      data: { findings: page.items, nextCursor: page.nextCursor },
      guidance: `${page.items.length} finding(s). Next: get_event(event_id) for the event behind one.`,
    };
  },
});

export const alertHistory = defineTool({
  name: 'alert_history',
  title: "An alert's history",
  description:
    "Returns an alert's status changes, assignments and comments in time order, each with who did it. " +
    'Use it before changing an alert, to see what colleagues already did. Next: alert_transition or alert_add_comment.',
  toolset: 'alerts',
  tier: 'read',
  available: needs('triage'),
  input: { alert_id: alertId },
  output: { history: z.array(alertEventOutput) },
  handler: async ({ app, principal }, { alert_id }) => {
    await app.alerts.getAlert(principal, alert_id);
    const triage = requirePort(app, 'triage');
    const history = plain(await callHistory(triage.history.bind(triage), principal, alert_id));
    return { data: { history }, guidance: 'Alert history in time order.' };
  },
});

/** `history(alertId)` or `history(principal, alertId)`: accept either published signature. */
function callHistory(
  history: (...args: unknown[]) => Promise<unknown>,
  principal: unknown,
  alertId: string,
): Promise<unknown> {
  return history.length >= 2 ? history(principal, alertId) : history(alertId);
}

export const alertTrends = defineTool({
  name: 'alert_trends',
  title: 'Alert trends and aggregates',
  description:
    'Counts alerts per day over the last `days`, broken down by severity, status, rule or server. ' +
    'Use it for "how are we doing" questions and to find the noisiest rule or server. Next: list_alerts filtered on what stands out.',
  toolset: 'alerts',
  tier: 'read',
  everyday: true,
  available: needs('activity'),
  input: { days: daysInput, by: z.enum(['severity', 'status', 'rule', 'server']).default('severity') },
  output: {
    trends: z.looseObject({
      by: z.string(),
      dayLabels: z.array(z.string()),
      series: z.array(z.looseObject({})),
    }),
  },
  handler: async ({ app }, { days, by }) => {
    const trends = plain(await requirePort(app, 'activity').alertTrends({ days, by }));
    return {
      data: { trends },
      guidance: `Alerts over ${days} day(s) by ${by}. Next: list_alerts on what stands out.`,
    };
  },
});

export const alertReadTools: readonly Tool[] = [
  listAlerts,
  getAlert,
  listFindings,
  alertHistory,
  alertTrends,
];
