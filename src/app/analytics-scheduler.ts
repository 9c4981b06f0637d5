import { randomUUID } from 'node:crypto';
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { AnalyticsRuleService, AnalyticsRunSummary } from './analytics-rules.js';

/** The lease that picks the one node running analytics rules. */
export const ANALYTICS_LEASE = 'analytics-scheduler';

export interface AnalyticsSchedulerOptions {
  /** How often to look for due rules. */
  readonly tickMs: number;
  /** How long a lease lasts without renewal; a few ticks, so a dead node's lease frees soon. */
  readonly leaseMs: number;
  /** Names this node in the lease; unique per process by default. */
  readonly holder?: string;
  /** Rules run per tick at most; the rest wait for the next tick. */
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

export interface TickReport {
  /** False when another node holds the lease (this node ran nothing). */
  readonly leader: boolean;
  readonly runs: readonly AnalyticsRunSummary[];
}

/**
 * Runs due analytics rules on a timer. When several nodes share PostgreSQL, a lease in the store
 * lets one of them run the scheduler; each due run is also claimed with a compare-and-set on the
 * rule's next run time, so even a lease handover mid-tick cannot run the same slot twice.
 */
export class AnalyticsScheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<TickReport> | null = null;
  readonly holder: string;

  constructor(
    private readonly store: Store,
    private readonly rules: AnalyticsRuleService,
    private readonly options: AnalyticsSchedulerOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.holder = options.holder ?? randomUUID();
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(
      () => void this.tick().catch((error) => this.options.onError?.(error)),
      this.options.tickMs,
    );
    // The timer alone must not keep a process alive (tests, one-shot commands).
    this.timer.unref();
  }

  /** Stops the timer, waits for a running tick, and frees the lease for another node. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => {});
    // A lease left behind (database gone) simply expires.
    await this.store.schedulerLeases.release(ANALYTICS_LEASE, this.holder).catch(() => {});
  }

  /** One pass: take (or renew) the lease, then run the rules that are due. Ticks never overlap. */
  tick(): Promise<TickReport> {
    if (this.current !== null) return this.current;
    this.current = this.runTick().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async runTick(): Promise<TickReport> {
    if (!(await this.renewLease())) return { leader: false, runs: [] };
    const due = await this.store.analyticsRules.listDue(
      this.now().toISOString(),
      this.options.batchSize ?? 50,
    );
    const runs: AnalyticsRunSummary[] = [];
    for (const rule of due) {
      const at = this.now();
      if (!(await this.store.analyticsRules.claim(rule.id, rule.nextRunAt, nextRun(rule, at)))) continue;
      runs.push(await this.rules.execute(rule, at, this.options.onError));
      // A long run must not let the lease lapse under us.
      if (!(await this.renewLease())) break;
    }
    return { leader: true, runs };
  }

  private renewLease(): Promise<boolean> {
    const now = this.now();
    const expires = new Date(now.getTime() + this.options.leaseMs).toISOString();
    return this.store.schedulerLeases.acquire(ANALYTICS_LEASE, this.holder, now.toISOString(), expires);
  }
}

/** The slot after the one just claimed; a rule that fell behind skips missed slots instead of replaying them. */
function nextRun(rule: { nextRunAt: string; frequencySeconds: number }, at: Date): string {
  const step = rule.frequencySeconds * 1000;
  const following = Date.parse(rule.nextRunAt) + step;
  return new Date(following > at.getTime() ? following : at.getTime() + step).toISOString();
}

/**
 * The scheduler `serve` runs, ticking every `SENTINEL_ANALYTICS_TICK_SECONDS` with a lease of three
 * ticks; null when that setting is 0 (this node never runs analytics rules).
 */
export function analyticsSchedulerFor(
  config: Pick<Config, 'analyticsTickSeconds'>,
  store: Store,
  rules: AnalyticsRuleService,
  onError: (error: unknown) => void,
): AnalyticsScheduler | null {
  const tickMs = config.analyticsTickSeconds * 1000;
  if (tickMs === 0) return null;
  return new AnalyticsScheduler(store, rules, { tickMs, leaseMs: 3 * tickMs, onError });
}
