import { z } from 'zod';
import { type Alert, OPEN_ALERT_STATUSES } from '../core/index.js';
import type { KeyCount, RatingWindow, RiskRow, Store } from '../store/index.js';
import { DAY_MS, dayOf, parseInput, startOfDay } from './parse-input.js';
import { rateSecurity, SEVERITY_WEIGHTS, type SecurityRating } from './security-rating.js';

export const postureQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).default(14),
});

/** The rating always looks at this many UTC days, today included; `days` sets the trend's length. */
const RATING_DAYS = 7;
const TOP = 5;

export interface RiskEntry {
  readonly key: string;
  /** The server's name for servers; the key itself otherwise. */
  readonly label: string;
  readonly findings: number;
  /** Findings weighted by severity (critical 25, high 10, medium 4, low 1). */
  readonly risk: number;
}

export interface PostureSummary {
  readonly days: number;
  readonly generatedAt: string;
  readonly rating: SecurityRating;
  /** The rating as it stood at the end of each day (today: now), oldest first. */
  readonly trend: ReadonlyArray<{ readonly day: string; readonly score: number }>;
  /** Open (new or in progress) alerts by severity, any age. */
  readonly alertsBySeverity: Readonly<Record<string, number>>;
  /** Alerts active in the window by status. */
  readonly alertsByStatus: Readonly<Record<string, number>>;
  readonly riskiestServers: readonly RiskEntry[];
  readonly riskiestUsers: readonly RiskEntry[];
  readonly riskiestTools: readonly RiskEntry[];
  readonly detectionTrend: ReadonlyArray<{
    readonly day: string;
    readonly findings: number;
    readonly alerts: number;
  }>;
  /** The newest open critical alerts. */
  readonly latestCritical: readonly Alert[];
}

/** The security posture at a glance: rating and trend, alert counts, riskiest entities, detections per day. */
export class PostureService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The security rating now; what the trend's last point is. */
  async rating(): Promise<SecurityRating> {
    return rateSecurity(await this.store.posture.ratingInputs(ratingWindow(this.now().getTime())));
  }

  async summary(query: unknown = {}): Promise<PostureSummary> {
    const { days } = parseInput(postureQuerySchema, query, 'posture query');
    const nowMs = this.now().getTime();
    const firstDay = startOfDay(nowMs) - (days - 1) * DAY_MS;
    const since = new Date(firstDay).toISOString();
    const dayStarts = Array.from({ length: days }, (_, i) => firstDay + i * DAY_MS);
    const [trend, bySeverity, byStatus, servers, users, tools, findings, alerts, critical, serverList] =
      await Promise.all([
        this.trend(dayStarts, nowMs),
        this.store.posture.alertCounts('severity', { open: true }),
        this.store.posture.alertCounts('status', { since }),
        this.store.posture.riskiest('server', since, SEVERITY_WEIGHTS, TOP),
        this.store.posture.riskiest('user', since, SEVERITY_WEIGHTS, TOP),
        this.store.posture.riskiest('tool', since, SEVERITY_WEIGHTS, TOP),
        this.store.posture.findingBuckets(since, DAY_MS),
        this.store.posture.alertBuckets(since, DAY_MS),
        this.store.alerts.list({ severity: ['critical'], status: [...OPEN_ALERT_STATUSES] }, { limit: TOP }),
        this.store.servers.list(),
      ]);
    const names = new Map(serverList.map((server) => [server.id, server.name]));
    const findingsByDay = new Map(findings.map((bucket) => [bucket.start, bucket.count]));
    const alertsByDay = new Map(alerts.map((bucket) => [bucket.start, bucket.count]));
    const last = trend[trend.length - 1];
    return {
      days,
      generatedAt: new Date(nowMs).toISOString(),
      rating: last?.rating ?? (await this.rating()),
      trend: trend.map(({ day, rating }) => ({ day, score: rating.score })),
      alertsBySeverity: record(bySeverity),
      alertsByStatus: record(byStatus),
      riskiestServers: servers.map((row) => entry(row, names.get(row.key) ?? '(deleted server)')),
      riskiestUsers: users.map((row) => entry(row, row.key)),
      riskiestTools: tools.map((row) => entry(row, row.key)),
      detectionTrend: dayStarts.map((start) => ({
        day: dayOf(start),
        findings: findingsByDay.get(start) ?? 0,
        alerts: alertsByDay.get(start) ?? 0,
      })),
      latestCritical: critical.items,
    };
  }

  /**
   * The rating recomputed from stored data as it stood at each day's end (the current day: now).
   * Events and findings are counted once per day and summed over each 7-day window; alerts are
   * looked at per instant (they are few, and open/closed depends on the instant).
   */
  private async trend(dayStarts: readonly number[], nowMs: number) {
    const first = dayStarts[0] ?? startOfDay(nowMs);
    const buckets = await this.store.posture.detectionBuckets(
      new Date(first - (RATING_DAYS - 1) * DAY_MS).toISOString(),
      new Date(nowMs).toISOString(),
      DAY_MS,
    );
    return Promise.all(
      dayStarts.map(async (start) => {
        const window = ratingWindow(Math.min(start + DAY_MS - 1, nowMs));
        const inWindow = buckets.filter((b) => b.start > start - RATING_DAYS * DAY_MS && b.start <= start);
        const sum = (key: 'events' | 'flaggedEvents' | 'severeFindings') =>
          inWindow.reduce((total, b) => total + b[key], 0);
        const alerts = await this.store.posture.alertInputs(window);
        const inputs = {
          ...alerts,
          events: sum('events'),
          flaggedEvents: sum('flaggedEvents'),
          severeFindings: sum('severeFindings'),
        };
        return { day: dayOf(start), rating: rateSecurity(inputs) };
      }),
    );
  }
}

/** The instants a rating at `atMs` looks at. */
export function ratingWindow(atMs: number): RatingWindow {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    at: iso(atMs),
    since: iso(startOfDay(atMs) - (RATING_DAYS - 1) * DAY_MS),
    ageBands: [iso(atMs - DAY_MS), iso(atMs - 7 * DAY_MS)],
    triageDueBefore: iso(atMs - DAY_MS),
  };
}

function record(counts: readonly KeyCount[]): Record<string, number> {
  return Object.fromEntries(counts.map((count) => [String(count.key), count.count]));
}

function entry(row: RiskRow, label: string): RiskEntry {
  return { key: row.key, label, findings: row.findings, risk: row.risk };
}
