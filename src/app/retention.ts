import { randomUUID } from 'node:crypto';
import type { Config } from '../config/index.js';
import { newId, type Principal } from '../core/index.js';
import type { RetentionRun, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

/** The lease that picks the one node running retention, and the job's name in `retention_runs`. */
export const RETENTION_LEASE = 'retention';
/** The audit actor of retention deletions: no API key made them. */
export const RETENTION_ACTOR = 'system:retention';
/** `serve` runs retention hourly: the window is in days, so an hour late is an hour late at most. */
export const RETENTION_TICK_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The most a bounded purge deletes (PurgeCriteria.limit): a short batch then still means "done". */
const STORE_MAX_BATCH = 10_000;

export interface RetentionLimits {
  /** Events per purge transaction: keeps each transaction (and its locks) short. The store caps it at 10,000. */
  readonly batchSize: number;
  /** Batches per run; what is left waits for the next run, so one run never holds the node for long. */
  readonly maxBatches: number;
}

export const DEFAULT_RETENTION_LIMITS: RetentionLimits = { batchSize: 2000, maxBatches: 500 };

export interface RetentionStatus {
  /** The window in days; 0 keeps events forever. */
  readonly days: number;
  /** Events before this time are due (null when retention is off). */
  readonly cutoff: string | null;
  readonly lastRun: RetentionRun | null;
  /** How many events the next run would delete right now (null when retention is off). */
  readonly dueEvents: number | null;
  readonly intervalSeconds: number;
}

/** Deletes events older than the retention window, exactly as a purge does (findings, alerts). */
export class RetentionService {
  constructor(
    private readonly store: Store,
    readonly days: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async status(principal: Principal): Promise<RetentionStatus> {
    requireRole(principal, 'viewer');
    const lastRun = await this.store.retentionRuns.last(RETENTION_LEASE);
    const cutoff = this.cutoff();
    return {
      days: this.days,
      cutoff,
      lastRun,
      dueEvents: cutoff === null ? null : await this.store.events.count({ to: cutoff }),
      intervalSeconds: RETENTION_TICK_MS / 1000,
    };
  }

  /**
   * One run: purges due events oldest first in bounded batches, records the run and audits what it
   * deleted. `stillLeader` is asked between batches so a node that lost its lease stops. Null when
   * retention is off.
   */
  async run(
    limits: RetentionLimits = DEFAULT_RETENTION_LIMITS,
    stillLeader: () => Promise<boolean> = async () => true,
  ): Promise<RetentionRun | null> {
    const cutoff = this.cutoff();
    if (cutoff === null) return null;
    const totals = { events: 0, findings: 0, alertsDeleted: 0, alertsUpdated: 0 };
    let complete = false;
    const batchSize = Math.min(limits.batchSize, STORE_MAX_BATCH);
    for (let batch = 0; batch < limits.maxBatches; batch++) {
      const counts = await this.store.dataSubjects.purge({ to: cutoff, limit: batchSize });
      totals.events += counts.events;
      totals.findings += counts.findings;
      totals.alertsDeleted += counts.alertsDeleted;
      totals.alertsUpdated += counts.alertsUpdated;
      if (counts.events < batchSize) {
        complete = true;
        break;
      }
      if (!(await stillLeader())) break;
    }
    const run: RetentionRun = { ranAt: this.now().toISOString(), cutoff, complete, ...totals };
    await this.store.retentionRuns.record(RETENTION_LEASE, run);
    // Runs that deleted nothing are only recorded as the last run: hourly no-ops would drown the audit log.
    if (totals.events > 0) {
      await this.store.audit.append({
        id: newId(),
        at: run.ranAt,
        actor: RETENTION_ACTOR,
        action: 'events.retention',
        targetType: 'events',
        targetId: null,
        details: { days: this.days, ...run },
      });
    }
    return run;
  }

  private cutoff(): string | null {
    if (this.days <= 0) return null;
    return new Date(this.now().getTime() - this.days * DAY_MS).toISOString();
  }
}

export interface RetentionJobOptions {
  readonly tickMs: number;
  /** How long a lease lasts without renewal. */
  readonly leaseMs: number;
  readonly holder?: string;
  readonly limits?: RetentionLimits;
  readonly onError?: (error: unknown) => void;
}

export interface RetentionTick {
  /** False when another node holds the lease (this node deleted nothing). */
  readonly leader: boolean;
  readonly run: RetentionRun | null;
}

/** Runs retention on a timer on the one node holding the lease (the analytics scheduler's mechanism). */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private current: Promise<RetentionTick> | null = null;
  readonly holder: string;

  constructor(
    private readonly store: Store,
    private readonly retention: RetentionService,
    private readonly options: RetentionJobOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.holder = options.holder ?? randomUUID();
  }

  start(): void {
    if (this.timer !== null) return;
    // A first pass soon after start: a node restarted hourly would otherwise never reach its first tick.
    this.first = setTimeout(() => this.safeTick(), Math.min(this.options.tickMs, 60_000));
    this.first.unref();
    this.timer = setInterval(() => this.safeTick(), this.options.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.first !== null) clearTimeout(this.first);
    this.timer = null;
    this.first = null;
    await this.current?.catch(() => {});
    await this.store.schedulerLeases.release(RETENTION_LEASE, this.holder).catch(() => {});
  }

  /** One pass: take (or renew) the lease, then run retention. Ticks never overlap. */
  tick(): Promise<RetentionTick> {
    if (this.current !== null) return this.current;
    this.current = this.runTick().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private safeTick(): void {
    if (this.timer === null) return;
    this.tick().catch((error) => this.options.onError?.(error));
  }

  private async runTick(): Promise<RetentionTick> {
    if (!(await this.renewLease())) return { leader: false, run: null };
    const run = await this.retention.run(this.options.limits, () => this.renewLease());
    return { leader: true, run };
  }

  private renewLease(): Promise<boolean> {
    const now = this.now();
    const expires = new Date(now.getTime() + this.options.leaseMs).toISOString();
    return this.store.schedulerLeases.acquire(RETENTION_LEASE, this.holder, now.toISOString(), expires);
  }
}

/** The job `serve` runs hourly with a lease of three ticks; null when `SENTINEL_RETENTION_DAYS` is 0. */
export function retentionJobFor(
  config: Pick<Config, 'retentionDays'>,
  store: Store,
  retention: RetentionService,
  onError: (error: unknown) => void,
  now: () => Date = () => new Date(),
): RetentionJob | null {
  if (config.retentionDays <= 0) return null;
  return new RetentionJob(
    store,
    retention,
    { tickMs: RETENTION_TICK_MS, leaseMs: 3 * RETENTION_TICK_MS, onError },
    now,
  );
}
