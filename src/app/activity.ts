import { z } from 'zod';
import { type Alert, isId, NotFoundError, type Server, ValidationError } from '../core/index.js';
import type { EventBucket, KeyCount, Store, ToolInventoryRow } from '../store/index.js';
import { type AccessGraph, buildAccessGraph, RESOURCE_KEYS } from './access-graph.js';
import { DAY_MS, parseInput, startOfDay } from './parse-input.js';
import { toServer } from './servers.js';

const days = (fallback: number) => z.coerce.number().int().min(1).max(365).default(fallback);
const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());

export const activityQuerySchema = z.strictObject({ days: days(30) });
export const accessGraphQuerySchema = z.strictObject({
  days: days(30),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const eventStatisticsQuerySchema = z.strictObject({
  from: isoTime.optional(),
  to: isoTime.optional(),
  bucket: z.enum(['hour', 'day']).default('hour'),
  serverId: z.string().min(1).max(100).optional(),
});
export const alertTrendsQuerySchema = z.strictObject({
  days: days(14).pipe(z.number().max(90)),
  by: z.enum(['severity', 'status', 'rule', 'server']).default('severity'),
});

const TOP = 10;
const HOUR_MS = 3_600_000;
/** Bucket counts are bounded so one request cannot ask for a million rows. */
const MAX_BUCKETS = { hour: 24 * 31, day: 366 } as const;
const DEFAULT_RANGE = { hour: 24 * HOUR_MS, day: 30 * DAY_MS } as const;

export interface Breakdown {
  readonly key: string | null;
  readonly label?: string;
  readonly count: number;
}

export interface UserActivity {
  readonly user: string;
  readonly days: number;
  readonly events: number;
  readonly errors: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly tools: readonly Breakdown[];
  readonly servers: readonly Breakdown[];
  readonly agents: readonly Breakdown[];
  readonly findingsBySeverity: Readonly<Record<string, number>>;
  /** The user's alerts, newest activity first. */
  readonly alerts: readonly Alert[];
}

export interface ServerActivity {
  readonly server: Server;
  readonly days: number;
  readonly events: number;
  readonly errors: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly users: readonly Breakdown[];
  readonly tools: readonly Breakdown[];
  readonly agents: readonly Breakdown[];
  readonly findingsBySeverity: Readonly<Record<string, number>>;
  readonly openAlerts: readonly Alert[];
}

export interface ToolInventoryItem extends ToolInventoryRow {
  readonly serverName: string;
}

export interface EventStatistics {
  readonly from: string;
  readonly to: string;
  readonly bucket: 'hour' | 'day';
  readonly serverId: string | null;
  readonly totals: { readonly events: number; readonly errors: number; readonly findings: number };
  /** Every bucket in the range, empty ones included. */
  readonly buckets: ReadonlyArray<{
    readonly start: string;
    readonly events: number;
    readonly errors: number;
    readonly findings: number;
  }>;
}

export interface AlertTrends {
  readonly days: number;
  readonly by: 'severity' | 'status' | 'rule' | 'server';
  /** Day labels (YYYY-MM-DD), oldest first. */
  readonly dayLabels: readonly string[];
  /** One series per key: alerts raised per day, aligned with `dayLabels`. */
  readonly series: ReadonlyArray<{
    readonly key: string;
    readonly total: number;
    readonly counts: readonly number[];
  }>;
}

/** Who did what where: per user and server activity, the access graph, tool inventory, statistics. */
export class ActivityService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async user(user: string, query: unknown = {}): Promise<UserActivity> {
    if (typeof user !== 'string' || user.length === 0 || user.length > 1024) {
      throw new ValidationError('invalid user', [{ path: 'user', message: 'must be 1 to 1024 characters' }]);
    }
    const { days } = parseInput(activityQuerySchema, query, 'activity query');
    const scope = { user, from: this.since(days) };
    const [totals, tools, servers, agents, findings, alerts, names] = await Promise.all([
      this.store.activity.totals(scope),
      this.store.activity.breakdown(scope, 'tool', TOP),
      this.store.activity.breakdown(scope, 'server', TOP),
      this.store.activity.breakdown(scope, 'agent', TOP),
      this.store.activity.findingsBySeverity(scope),
      this.store.alerts.list({ user }, { limit: 20 }),
      this.serverNames(),
    ]);
    return {
      user,
      days,
      ...totals,
      tools,
      servers: servers.map((row) => ({ ...row, label: names.get(String(row.key)) ?? '(deleted server)' })),
      agents,
      findingsBySeverity: record(findings),
      alerts: alerts.items,
    };
  }

  async server(serverId: string, query: unknown = {}): Promise<ServerActivity> {
    const record_ = isId(serverId) ? await this.store.servers.findById(serverId) : null;
    if (record_ === null) throw new NotFoundError('server');
    const { days } = parseInput(activityQuerySchema, query, 'activity query');
    const scope = { serverId, from: this.since(days) };
    const [totals, users, tools, agents, findings, alerts] = await Promise.all([
      this.store.activity.totals(scope),
      this.store.activity.breakdown(scope, 'user', TOP),
      this.store.activity.breakdown(scope, 'tool', TOP),
      this.store.activity.breakdown(scope, 'agent', TOP),
      this.store.activity.findingsBySeverity(scope),
      this.store.alerts.list({ serverId, status: ['new', 'in_progress'] }, { limit: 20 }),
    ]);
    return {
      server: toServer(record_),
      days,
      ...totals,
      users,
      tools,
      agents,
      findingsBySeverity: record(findings),
      openAlerts: alerts.items,
    };
  }

  /** user -> agent -> server -> tool -> resource, with event counts, over the last `days`. */
  async accessGraph(query: unknown = {}): Promise<AccessGraph & { readonly days: number }> {
    const { days, limit } = parseInput(accessGraphQuerySchema, query, 'access graph query');
    const [paths, names] = await Promise.all([
      this.store.activity.accessPaths({ from: this.since(days) }, RESOURCE_KEYS, limit + 1),
      this.serverNames(),
    ]);
    return { days, ...buildAccessGraph(paths.slice(0, limit), names, paths.length > limit) };
  }

  /** Tools seen per server: first and last seen, calls, errors, and their description pin. */
  async toolInventory(serverId?: string): Promise<ToolInventoryItem[]> {
    if (serverId !== undefined && !isId(serverId)) throw new NotFoundError('server');
    const [rows, names] = await Promise.all([
      this.store.activity.toolInventory(serverId),
      this.serverNames(),
    ]);
    return rows.map((row) => ({ ...row, serverName: names.get(row.serverId) ?? '(deleted server)' }));
  }

  /** Events, errors and findings per hour or day over a range (default: the last 24 hours or 30 days). */
  async eventStatistics(query: unknown = {}): Promise<EventStatistics> {
    const q = parseInput(eventStatisticsQuerySchema, query, 'event statistics query');
    const size = q.bucket === 'hour' ? HOUR_MS : DAY_MS;
    const toMs = q.to === undefined ? this.now().getTime() : Date.parse(q.to);
    const fromMs = q.from === undefined ? toMs - DEFAULT_RANGE[q.bucket] : Date.parse(q.from);
    if (toMs <= fromMs) {
      throw new ValidationError('invalid event statistics query', [
        { path: 'to', message: 'must be after from' },
      ]);
    }
    const first = fromMs - (fromMs % size);
    const count = Math.ceil((toMs - first) / size);
    if (count > MAX_BUCKETS[q.bucket]) {
      throw new ValidationError('invalid event statistics query', [
        { path: 'from', message: `at most ${MAX_BUCKETS[q.bucket]} ${q.bucket} buckets per request` },
      ]);
    }
    const from = new Date(fromMs).toISOString();
    const to = new Date(toMs).toISOString();
    const rows = await this.store.activity.eventBuckets(
      { from, to, ...(q.serverId === undefined ? {} : { serverId: q.serverId }) },
      size,
    );
    const byStart = new Map<number, EventBucket>(rows.map((row) => [row.start, row]));
    const buckets = Array.from({ length: count }, (_, i) => {
      const start = first + i * size;
      const row = byStart.get(start);
      return {
        start: new Date(start).toISOString(),
        events: row?.events ?? 0,
        errors: row?.errors ?? 0,
        findings: row?.findings ?? 0,
      };
    });
    const sum = (key: 'events' | 'errors' | 'findings') => buckets.reduce((total, b) => total + b[key], 0);
    return {
      from,
      to,
      bucket: q.bucket,
      serverId: q.serverId ?? null,
      totals: { events: sum('events'), errors: sum('errors'), findings: sum('findings') },
      buckets,
    };
  }

  /** Alerts raised per day over the last `days`, one series per severity, status, rule or server. */
  async alertTrends(query: unknown = {}): Promise<AlertTrends> {
    const { days, by } = parseInput(alertTrendsQuerySchema, query, 'alert trends query');
    const firstDay = startOfDay(this.now().getTime()) - (days - 1) * DAY_MS;
    const rows = await this.store.activity.alertBuckets(new Date(firstDay).toISOString(), by, DAY_MS);
    const series = new Map<string, number[]>();
    for (const row of rows) {
      const index = Math.round((row.start - firstDay) / DAY_MS);
      if (index < 0 || index >= days) continue;
      const key = row.key ?? '(none)';
      const counts = series.get(key) ?? new Array<number>(days).fill(0);
      counts[index] = (counts[index] ?? 0) + row.count;
      series.set(key, counts);
    }
    return {
      days,
      by,
      dayLabels: Array.from({ length: days }, (_, i) =>
        new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10),
      ),
      series: [...series.entries()]
        .map(([key, counts]) => ({ key, total: counts.reduce((a, b) => a + b, 0), counts }))
        .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
    };
  }

  private since(days: number): string {
    return new Date(this.now().getTime() - days * DAY_MS).toISOString();
  }

  private async serverNames(): Promise<Map<string, string>> {
    return new Map((await this.store.servers.list()).map((server) => [server.id, server.name]));
  }
}

function record(counts: readonly KeyCount[]): Record<string, number> {
  return Object.fromEntries(counts.map((count) => [String(count.key), count.count]));
}
