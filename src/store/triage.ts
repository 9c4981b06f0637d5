import type { Alert, AlertEvent, AlertReason, AlertStatus, RuleMappings } from '../core/index.js';

/** A status change, applied only while the alert still has `from` (so concurrent changes conflict). */
export interface AlertStatusChange {
  readonly alertId: string;
  readonly from: AlertStatus;
  readonly to: AlertStatus;
  readonly reason: AlertReason | null;
  /** Set when closing, null when (re)opening. */
  readonly closedAt: string | null;
  /** The history entry written in the same transaction. */
  readonly event: AlertEvent;
}

/** Alert status, assignment and the append-only history of both and of comments. */
export interface AlertTriageRepository {
  /** The updated alert, or null when it is gone or its status is no longer `from`. Closing frees its grouping key. */
  transition(change: AlertStatusChange): Promise<Alert | null>;
  /** The updated alert, or null when it is gone. */
  assign(alertId: string, assignee: string | null, event: AlertEvent): Promise<Alert | null>;
  comment(event: AlertEvent): Promise<void>;
  /** Oldest first. */
  history(alertId: string): Promise<AlertEvent[]>;
}

/** A count under one key (a tool, a server id, a severity...). */
export interface KeyCount {
  readonly key: string | null;
  readonly count: number;
}

/** Open alerts by severity and age band (0: younger than a day, 1: up to a week, 2: older). */
export interface OpenAlertBand {
  readonly severity: string;
  readonly ageBand: 0 | 1 | 2;
  readonly count: number;
}

/** The instants one rating is computed at (all ISO). */
export interface RatingWindow {
  readonly at: string;
  /** Start of the look-back window for events and findings. */
  readonly since: string;
  /** Alerts created after these are in age band 0, then 1; older ones in band 2. */
  readonly ageBands: readonly [string, string];
  /** Alerts created before this should have been triaged by `at`. */
  readonly triageDueBefore: string;
}

/** The stored facts one security rating is computed from, as they were at `window.at`. */
export interface RatingInputs {
  readonly openAlerts: readonly OpenAlertBand[];
  readonly events: number;
  /** Events with at least one finding. */
  readonly flaggedEvents: number;
  /** Findings of critical severity or with a block action. */
  readonly severeFindings: number;
  /** Alerts created in the window before `triageDueBefore`. */
  readonly alertsDue: number;
  /** Of those, the ones nobody had touched (no status change, not closed) by `at`. */
  readonly untriaged: number;
}

export interface RiskRow {
  readonly key: string;
  readonly findings: number;
  /** Findings weighted by severity (weights given by the caller). */
  readonly risk: number;
}

export interface DayCount {
  /** Bucket start, epoch ms. */
  readonly start: number;
  readonly count: number;
}

export interface MappingCount {
  readonly ruleId: string;
  readonly mappings: RuleMappings;
  readonly count: number;
}

/** Events and findings of one time bucket, as the rating counts them. */
export interface DetectionBucket {
  /** Bucket start, epoch ms. */
  readonly start: number;
  readonly events: number;
  readonly flaggedEvents: number;
  readonly severeFindings: number;
}

/** Aggregations behind the security posture and compliance views. */
export interface PostureRepository {
  ratingInputs(window: RatingWindow): Promise<RatingInputs>;
  /** The alert half of the rating inputs at `window.at` (alerts are few: one query per instant is cheap). */
  alertInputs(window: RatingWindow): Promise<Pick<RatingInputs, 'openAlerts' | 'alertsDue' | 'untriaged'>>;
  /**
   * The event half per bucket over [since, until], so a trend sums buckets instead of counting
   * the same events once per day (a finding's time is its event's, so buckets add up exactly).
   */
  detectionBuckets(since: string, until: string, bucketMs: number): Promise<DetectionBucket[]>;
  /** Top findings producers since a time by server, user or tool, ranked by weighted severity. */
  riskiest(
    by: 'server' | 'user' | 'tool',
    since: string,
    weights: Readonly<Record<string, number>>,
    limit: number,
  ): Promise<RiskRow[]>;
  /** Alerts by a column; `open` counts only new and in-progress ones, `since` only ones active since then. */
  alertCounts(by: 'severity' | 'status', options: { open?: boolean; since?: string }): Promise<KeyCount[]>;
  /** Findings per bucket (by event time) since a time. */
  findingBuckets(since: string, bucketMs: number): Promise<DayCount[]>;
  /** Alerts raised per bucket (by creation time) since a time. */
  alertBuckets(since: string, bucketMs: number): Promise<DayCount[]>;
  /** Findings grouped by rule and by the mappings they were stored with. */
  findingsByMapping(since?: string): Promise<MappingCount[]>;
  /** Open alerts per rule id. */
  openAlertsByRule(): Promise<Record<string, number>>;
}

/** Which events an activity aggregation covers. */
export interface ActivityScope {
  readonly user?: string;
  readonly serverId?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface EventTotals {
  readonly events: number;
  readonly errors: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
}

/** One distinct path user -> agent -> server -> tool -> resource with how many events took it. */
export interface AccessPath {
  readonly user: string | null;
  readonly agent: string | null;
  readonly serverId: string;
  readonly tool: string | null;
  readonly resource: string | null;
  readonly count: number;
}

export type ToolPinStatus = 'pinned' | 'changed' | 'seen_without_description' | 'not_pinned';

export interface ToolInventoryRow {
  readonly serverId: string;
  readonly tool: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly calls: number;
  readonly errors: number;
  readonly pinStatus: ToolPinStatus;
  readonly pinnedAt: string | null;
  readonly descriptionHash: string | null;
}

export interface EventBucket {
  readonly start: number;
  readonly events: number;
  readonly errors: number;
  readonly findings: number;
}

export interface KeyedBucket {
  readonly start: number;
  readonly key: string | null;
  readonly count: number;
}

/** Aggregations over events for the activity views. */
export interface ActivityRepository {
  totals(scope: ActivityScope): Promise<EventTotals>;
  /** Events per distinct value of one column, most first. */
  breakdown(
    scope: ActivityScope,
    column: 'tool' | 'server' | 'agent' | 'user',
    limit: number,
  ): Promise<KeyCount[]>;
  /** Findings by severity (by event time). */
  findingsBySeverity(scope: ActivityScope): Promise<KeyCount[]>;
  /** The most taken access paths, resources read from well-known argument and metadata keys. */
  accessPaths(scope: ActivityScope, resourceKeys: readonly string[], limit: number): Promise<AccessPath[]>;
  toolInventory(serverId?: string): Promise<ToolInventoryRow[]>;
  eventBuckets(scope: ActivityScope, bucketMs: number): Promise<EventBucket[]>;
  /** Alerts raised per bucket and key since a time. */
  alertBuckets(
    since: string,
    by: 'severity' | 'status' | 'rule' | 'server',
    bucketMs: number,
  ): Promise<KeyedBucket[]>;
}

/** What a purge deletes: events matching every given criterion. */
export interface PurgeCriteria {
  readonly from?: string;
  readonly to?: string;
  readonly serverId?: string;
  readonly subject?: string;
  /** At most this many events (capped at 10,000), oldest first: bounded batches for the retention job. */
  readonly limit?: number;
}

export interface PurgeCounts {
  readonly events: number;
  readonly findings: number;
  /** Alerts left without findings, deleted with their history. */
  readonly alertsDeleted: number;
  /** Alerts that kept some findings; their counts and first/last seen are recomputed. */
  readonly alertsUpdated: number;
}

/** Data subject requests: erase what Sentinel captured (finding uses `EventFilter.subject`). */
export interface DataSubjectRepository {
  /** Deletes matching events and their findings in one transaction; adjusts or deletes their alerts. */
  purge(criteria: PurgeCriteria): Promise<PurgeCounts>;
}

/** One run of a retention job: what it deleted, and whether it reached the cutoff (schema v8). */
export interface RetentionRun extends PurgeCounts {
  readonly ranAt: string;
  /** Events before this time were due. */
  readonly cutoff: string;
  /** False when the run stopped at its batch budget with due events left for the next run. */
  readonly complete: boolean;
}

export interface RetentionRunRepository {
  record(job: string, run: RetentionRun): Promise<void>;
  last(job: string): Promise<RetentionRun | null>;
}
