import { newId } from '../core/index.js';
import type { AnalyticsAlert, AnalyticsRuleRecord } from '../store/index.js';
import type { HuntOutcome, HuntTimespan } from './kql-check.js';

/** The server id of an alert whose query returned no `ServerId` column (or rows without one). */
export const ANY_SERVER = '*';

/** Past this many distinct servers in one run, the remaining rows join the `*` alert. */
const MAX_ALERTS_PER_RUN = 100;

/** The alerts' rule id: analytics rules share the alerts table with detection rules. */
export function analyticsRuleId(ruleId: string): string {
  return `ANALYTICS:${ruleId}`;
}

interface Group {
  count: number;
  first: number;
  last: number;
}

/**
 * One alert per distinct `ServerId` value in the result (so triage and per-server views work as
 * for detection alerts), or one `*` alert when the query does not return that column. An alert's
 * first/last seen come from the rows' `TimeGenerated` when present, else from the run's window.
 */
export function alertsForRun(
  rule: AnalyticsRuleRecord,
  outcome: HuntOutcome,
  window: HuntTimespan,
): AnalyticsAlert[] {
  const serverColumn = outcome.columns.findIndex((c) => c.name === 'ServerId');
  const timeColumn = outcome.columns.findIndex((c) => c.name === 'TimeGenerated');
  const groups = new Map<string, Group>();
  for (const row of outcome.rows) {
    const server = serverColumn >= 0 ? row[serverColumn] : undefined;
    const key = typeof server === 'string' && server !== '' ? server : ANY_SERVER;
    const time = timeColumn >= 0 ? toEpochMs(row[timeColumn]) : null;
    const group = groups.get(key) ?? { count: 0, first: Number.POSITIVE_INFINITY, last: 0 };
    group.count += 1;
    if (time !== null) {
      group.first = Math.min(group.first, time);
      group.last = Math.max(group.last, time);
    }
    groups.set(key, group);
  }
  return capGroups(groups).map(([serverId, group]) => ({
    id: newId(),
    ruleId: analyticsRuleId(rule.id),
    serverId,
    title: rule.name,
    severity: rule.severity,
    findingCount: group.count,
    firstSeen: Number.isFinite(group.first) ? new Date(group.first).toISOString() : window.from,
    lastSeen: group.last > 0 ? new Date(group.last).toISOString() : window.to,
  }));
}

function capGroups(groups: Map<string, Group>): Array<[string, Group]> {
  const entries = [...groups.entries()].sort((a, b) => b[1].count - a[1].count);
  if (entries.length <= MAX_ALERTS_PER_RUN) return entries;
  const kept = entries.slice(0, MAX_ALERTS_PER_RUN - 1).filter(([key]) => key !== ANY_SERVER);
  const keptKeys = new Set(kept.map(([key]) => key));
  const rest: Group = { count: 0, first: Number.POSITIVE_INFINITY, last: 0 };
  for (const [key, group] of entries) {
    if (keptKeys.has(key)) continue;
    rest.count += group.count;
    rest.first = Math.min(rest.first, group.first);
    rest.last = Math.max(rest.last, group.last);
  }
  return [...kept, [ANY_SERVER, rest]];
}

function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
