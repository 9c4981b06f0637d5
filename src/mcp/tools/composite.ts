import { z } from 'zod';
import type { Application } from '../../app/index.js';
import { NotFoundError, OPEN_ALERT_STATUSES, type Principal } from '../../core/index.js';
import { needs, plain, port } from '../app-ports.js';
import {
  alertEventOutput,
  alertOutput,
  complianceOutput,
  daysInput,
  eventOutput,
  findingOutput,
  idInput,
  postureOutput,
  serverActivityOutput,
  serverOutput,
  toolInventoryOutput,
  userActivityOutput,
} from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

/**
 * Composite tools: each replaces five or six calls an agent would otherwise chain, by calling the
 * same application use cases in one go. Parts that a build lacks come back as null.
 */

async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

function sinceDays(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

async function history(app: Application, principal: Principal, alertId: string): Promise<unknown> {
  const triage = port(app, 'triage');
  if (triage === undefined) return null;
  return plain(
    triage.history.length >= 2 ? await triage.history(principal, alertId) : await triage.history(alertId),
  );
}

/** Who else called the alert's tools on its server recently, with call counts. */
async function otherUsersOfTools(
  app: Application,
  principal: Principal,
  serverId: string,
  tools: readonly string[],
  exceptUser: string | null,
) {
  return Promise.all(
    tools.slice(0, 3).map(async (tool) => {
      const page = await app.events.list(principal, { server: serverId, tool, limit: 500 });
      const counts = new Map<string, number>();
      for (const event of page.items) {
        if (event.user === null || event.user === exceptUser) continue;
        counts.set(event.user, (counts.get(event.user) ?? 0) + 1);
      }
      const users = [...counts].map(([user, calls]) => ({ user, calls })).sort((a, b) => b.calls - a.calls);
      return { tool, recentCallsScanned: page.items.length, users: users.slice(0, 20) };
    }),
  );
}

export const investigateAlert = defineTool({
  name: 'investigate_alert',
  title: 'Investigate an alert (one call)',
  description:
    'Everything needed to triage one alert in a single call: the alert, its findings and events, the affected server, the tools involved and who else used them, ' +
    'the user’s other recent activity and alerts, earlier alerts of the same rule (recurrence) and the alert’s history. ' +
    'Use it first when asked about a specific alert. Next: alert_add_comment with your conclusion, then alert_transition (e.g. dismissed + false_positive) once the user agrees.',
  toolset: 'alerts',
  tier: 'read',
  everyday: true,
  input: { alert_id: idInput('alert') },
  output: {
    alert: alertOutput,
    findings: z.array(findingOutput),
    events: z.array(eventOutput),
    server: serverOutput.nullable(),
    tools: z.array(
      z.object({
        tool: z.string(),
        recentCallsScanned: z.number(),
        users: z.array(z.object({ user: z.string(), calls: z.number() })),
      }),
    ),
    userActivity: z.union([userActivityOutput, z.array(eventOutput)]).nullable(),
    userAlerts: z.array(alertOutput),
    recurrence: z.object({ sameRuleAlerts: z.array(alertOutput), sameRuleSameServer: z.number() }),
    history: z.array(alertEventOutput).nullable(),
  },
  handler: async ({ app, principal }, { alert_id }) => {
    const detail = await app.alerts.getAlert(principal, alert_id);
    const { alert } = detail;
    const toolNames = [...new Set(detail.events.map((e) => e.tool).filter((t): t is string => t !== null))];
    const activity = port(app, 'activity');
    const [server, tools, userActivity, userAlerts, sameRule, alertHistory] = await Promise.all([
      orNull(app.servers.get(principal, alert.serverId)),
      otherUsersOfTools(app, principal, alert.serverId, toolNames, alert.user),
      alert.user === null
        ? null
        : activity
          ? activity.user(alert.user, { days: 30 }).then(plain)
          : app.events.list(principal, { user: alert.user, limit: 20 }).then((page) => plain(page.items)),
      alert.user === null
        ? { items: [] }
        : app.alerts.listAlerts(principal, { user: alert.user, from: sinceDays(30), limit: 20 }),
      app.alerts.listAlerts(principal, { rule: alert.ruleId, limit: 50 }),
      history(app, principal, alert.id),
    ]);
    const earlier = sameRule.items.filter((other) => other.id !== alert.id);
    const data = {
      alert,
      findings: detail.findings,
      events: detail.events,
      server,
      tools,
      userActivity,
      userAlerts: userAlerts.items.filter((other) => other.id !== alert.id),
      recurrence: {
        sameRuleAlerts: earlier.slice(0, 20),
        sameRuleSameServer: earlier.filter((other) => other.serverId === alert.serverId).length,
      },
      history: alertHistory,
    };
    return {
      data,
      guidance:
        `Alert (${alert.severity}, ${alert.status}) with ${detail.findings.length} finding(s) over ${detail.events.length} event(s); ` +
        `${earlier.length} other alert(s) of the same rule, ${data.userAlerts.length} other alert(s) for the same user in 30 days. ` +
        'Weigh the evidence, then: alert_add_comment with the conclusion and alert_transition (resolved/dismissed with a reason) once the user agrees.',
    };
  },
});

export const investigateUser = defineTool({
  name: 'investigate_user',
  title: 'Investigate a user (one call)',
  description:
    'One user’s picture in one call: activity summary (tools, servers, agents), their alerts and their most recent events over the last `days`. ' +
    'Use it when an alert names a user or the user asks "what has X been doing?". Next: investigate_alert on their alerts, find_data_subject_events for a data request.',
  toolset: 'activity',
  tier: 'read',
  everyday: true,
  input: { user: z.string().min(1).max(1024).describe('The user exactly as captured.'), days: daysInput },
  output: {
    user: z.string(),
    activity: userActivityOutput.nullable(),
    alerts: z.array(alertOutput),
    recentEvents: z.array(eventOutput),
  },
  handler: async ({ app, principal }, { user, days }) => {
    const from = sinceDays(days);
    const activity = port(app, 'activity');
    const [summary, alerts, events] = await Promise.all([
      activity ? activity.user(user, { days }).then(plain) : null,
      app.alerts.listAlerts(principal, { user, from, limit: 50 }),
      app.events.list(principal, { user, from, limit: 20 }),
    ]);
    return {
      data: { user, activity: summary, alerts: alerts.items, recentEvents: events.items },
      guidance:
        `${alerts.items.length} alert(s) and ${events.items.length} recent event(s) for this user over ${days} day(s). ` +
        'Next: investigate_alert on the most severe alert.',
    };
  },
});

export const investigateServer = defineTool({
  name: 'investigate_server',
  title: 'Investigate a server (one call)',
  description:
    'One server’s picture in one call: its registration, activity summary, open alerts, tool inventory with pin status and recent events. ' +
    'Use it when asked about a server or when one server dominates the alerts. Next: investigate_alert on its worst alert, list_findings with `server`.',
  toolset: 'servers',
  tier: 'read',
  everyday: true,
  input: { server_id: idInput('server'), days: daysInput },
  output: {
    server: serverOutput,
    activity: serverActivityOutput.nullable(),
    openAlerts: z.array(alertOutput),
    tools: toolInventoryOutput.nullable(),
    recentEvents: z.array(eventOutput),
  },
  handler: async ({ app, principal }, { server_id, days }) => {
    const server = await app.servers.get(principal, server_id);
    const activity = port(app, 'activity');
    const [summary, alerts, tools, events] = await Promise.all([
      activity ? activity.server(server_id).then(plain) : null,
      app.alerts.listAlerts(principal, {
        server: server_id,
        status: OPEN_ALERT_STATUSES.join(','),
        limit: 50,
      }),
      activity ? activity.toolInventory(server_id).then(plain) : null,
      app.events.list(principal, { server: server_id, from: sinceDays(days), limit: 20 }),
    ]);
    return {
      data: { server, activity: summary, openAlerts: alerts.items, tools, recentEvents: events.items },
      guidance:
        `${alerts.items.length} open alert(s), ${events.items.length} recent event(s). ` +
        'Next: investigate_alert on the most severe open alert.',
    };
  },
});

export const securityPostureSummary = defineTool({
  name: 'security_posture_summary',
  title: 'Security posture summary (one call)',
  description:
    'The whole security picture in one call: rating with components and trend, alerts by severity and status, riskiest servers, users and tools, detection trend, ' +
    'latest critical alerts, and the OWASP LLM / MITRE ATLAS compliance summary. Use it for "how are we doing?" or a weekly report. ' +
    'Next: investigate_alert on the latest critical alerts, get_compliance_report for one framework in detail.',
  toolset: 'posture',
  tier: 'read',
  everyday: true,
  available: needs('posture', 'compliance'),
  input: { days: daysInput },
  output: { posture: postureOutput, compliance: complianceOutput },
  handler: async ({ app }, { days }) => {
    const [posture, compliance] = await Promise.all([
      port(app, 'posture')?.summary({ days }),
      port(app, 'compliance')?.report({}),
    ]);
    return {
      data: { posture: plain(posture), compliance: plain(compliance) },
      guidance: `Posture over ${days} day(s). Next: investigate_alert on the latest critical alerts.`,
    };
  },
});

export const compositeTools: readonly Tool[] = [
  investigateAlert,
  investigateUser,
  investigateServer,
  securityPostureSummary,
];
