/** A named KQL query kept for reuse. */
export interface SavedQueryRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** What a write did: `conflict` when another row already holds the name. */
export type WriteOutcome = 'ok' | 'conflict' | 'missing';

export interface SavedQueryRepository {
  list(): Promise<SavedQueryRecord[]>;
  findById(id: string): Promise<SavedQueryRecord | null>;
  create(record: SavedQueryRecord): Promise<WriteOutcome>;
  /** Replaces name, description and query (and updated at/by). */
  update(record: SavedQueryRecord): Promise<WriteOutcome>;
  delete(id: string): Promise<boolean>;
}

export type AnalyticsRunStatus = 'success' | 'failed';

/** A scheduled KQL query that raises alerts when it returns more rows than its threshold. */
export interface AnalyticsRuleRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly frequencySeconds: number;
  readonly lookbackSeconds: number;
  readonly threshold: number;
  readonly severity: string;
  readonly enabled: boolean;
  readonly lastRunAt: string | null;
  readonly nextRunAt: string;
  readonly lastStatus: AnalyticsRunStatus | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** An alert an analytics rule raises (rule id `ANALYTICS:<rule id>`). */
export interface AnalyticsAlert {
  readonly id: string;
  readonly ruleId: string;
  readonly serverId: string;
  readonly title: string;
  readonly severity: string;
  readonly findingCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** The outcome of one run, recorded together with the alerts it raised. */
export interface AnalyticsRun {
  readonly ruleId: string;
  readonly at: string;
  readonly status: AnalyticsRunStatus;
  readonly error: string | null;
  readonly alerts: readonly AnalyticsAlert[];
}

export interface AnalyticsRuleRepository {
  list(): Promise<AnalyticsRuleRecord[]>;
  findById(id: string): Promise<AnalyticsRuleRecord | null>;
  create(record: AnalyticsRuleRecord): Promise<WriteOutcome>;
  /** Replaces the definition fields (not the run state). */
  update(record: AnalyticsRuleRecord): Promise<WriteOutcome>;
  delete(id: string): Promise<boolean>;
  /** Enabled rules whose next run is at or before `now`, earliest first. */
  listDue(now: string, limit: number): Promise<AnalyticsRuleRecord[]>;
  /**
   * Moves a due rule's next run from `expected` to `next`; true only for the one caller that did
   * it, so a due run is claimed once even when several nodes race.
   */
  claim(id: string, expected: string, next: string): Promise<boolean>;
  /** Records a run and inserts its alerts in one transaction. */
  recordRun(run: AnalyticsRun): Promise<void>;
}

/** Time-limited leases naming the one node that runs a singleton job. */
export interface SchedulerLeaseRepository {
  /** Takes or renews `name` for `holder` until `expiresAt`; false while another holder's lease lasts. */
  acquire(name: string, holder: string, now: string, expiresAt: string): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}
