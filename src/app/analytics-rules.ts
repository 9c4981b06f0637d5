import { z } from 'zod';
import {
  ConflictError,
  isId,
  NotFoundError,
  newId,
  type Principal,
  SEVERITIES,
  SentinelError,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { AnalyticsRuleRecord, AnalyticsRun, Store } from '../store/index.js';
import { alertsForRun } from './analytics-alerts.js';
import type { AuditLog } from './audit-log.js';
import { type HuntEngine, type HuntTimespan, requireValidKql } from './kql-check.js';
import { requireRole, SYSTEM_PRINCIPAL } from './permissions.js';

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Microsoft Sentinel's bounds for scheduled rules: lookback up to 14 days. */
export const analyticsRuleSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  query: z.string().trim().min(1).max(20_000),
  frequencySeconds: z
    .number()
    .int()
    .min(MINUTE)
    .max(14 * DAY),
  lookbackSeconds: z
    .number()
    .int()
    .min(MINUTE)
    .max(14 * DAY),
  /** Alerts are raised when the query returns more rows than this. */
  threshold: z.number().int().min(0).max(1_000_000).default(0),
  severity: z.enum(SEVERITIES).default('medium'),
  enabled: z.boolean().default(true),
});

export type AnalyticsRule = AnalyticsRuleRecord;

/** What one run of a rule did. */
export interface AnalyticsRunSummary {
  readonly ruleId: string;
  readonly ranAt: string;
  readonly window: HuntTimespan;
  readonly status: 'success' | 'failed';
  readonly rowCount: number;
  readonly truncated: boolean;
  readonly threshold: number;
  /** Ids of the alerts raised (empty at or below the threshold). */
  readonly alertIds: readonly string[];
  readonly error: string | null;
}

/** Scheduled analytics rules: admins manage them; anyone may read them. */
export class AnalyticsRuleService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly hunt: HuntEngine,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal): Promise<AnalyticsRule[]> {
    requireRole(principal, 'viewer');
    return this.store.analyticsRules.list();
  }

  async get(principal: Principal, id: string): Promise<AnalyticsRule> {
    requireRole(principal, 'viewer');
    return this.find(id);
  }

  async create(principal: Principal, input: unknown): Promise<AnalyticsRule> {
    requireRole(principal, 'admin');
    const fields = await this.parse(input);
    const at = this.now().toISOString();
    const record: AnalyticsRuleRecord = {
      id: newId(),
      ...fields,
      // A new rule runs at the scheduler's next tick, as a new scheduled rule does in Sentinel.
      nextRunAt: at,
      lastRunAt: null,
      lastStatus: null,
      lastError: null,
      createdAt: at,
      createdBy: principal.name,
      updatedAt: at,
      updatedBy: principal.name,
    };
    if ((await this.store.analyticsRules.create(record)) !== 'ok') throw nameTaken(fields.name);
    await this.audit.record(principal, 'analytics_rule.create', target(record.id), summary(record));
    return record;
  }

  /** PUT semantics: the body replaces the definition; the run history stays. */
  async update(principal: Principal, id: string, input: unknown): Promise<AnalyticsRule> {
    requireRole(principal, 'admin');
    const current = await this.find(id);
    const fields = await this.parse(input);
    const now = this.now();
    // A shorter frequency takes effect now rather than after the old, longer wait.
    const soonest = now.getTime() + fields.frequencySeconds * 1000;
    const record: AnalyticsRuleRecord = {
      ...current,
      ...fields,
      nextRunAt: new Date(Math.min(Date.parse(current.nextRunAt), soonest)).toISOString(),
      updatedAt: now.toISOString(),
      updatedBy: principal.name,
    };
    const outcome = await this.store.analyticsRules.update(record);
    if (outcome === 'missing') throw new NotFoundError('analytics rule');
    if (outcome === 'conflict') throw nameTaken(fields.name);
    await this.audit.record(principal, 'analytics_rule.update', target(id), {
      ...summary(record),
      fields: changedFields(current, record),
    });
    return record;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireRole(principal, 'admin');
    const current = await this.find(id);
    if (!(await this.store.analyticsRules.delete(id))) throw new NotFoundError('analytics rule');
    await this.audit.record(principal, 'analytics_rule.delete', target(id), { name: current.name });
  }

  /**
   * Runs a rule now (whether enabled or not), raising alerts as a scheduled run would. A failure
   * of ours (not of the query) is recorded on the rule, then thrown so the surface logs it in full.
   */
  async runNow(principal: Principal, id: string): Promise<AnalyticsRunSummary> {
    requireRole(principal, 'admin');
    const rule = await this.find(id);
    const { summary: result, internalError } = await this.attempt(rule, this.now());
    await this.audit.record(principal, 'analytics_rule.run', target(id), {
      name: rule.name,
      status: result.status,
      rowCount: result.rowCount,
      alerts: result.alertIds.length,
    });
    if (internalError !== undefined) throw internalError;
    return result;
  }

  /**
   * A scheduled run: the rule's query over the lookback window before `at`, alerts above the
   * threshold, the outcome recorded; a failure is recorded and reported to `onError`, never thrown.
   */
  async execute(
    rule: AnalyticsRuleRecord,
    at: Date,
    onError: (error: unknown) => void = () => {},
  ): Promise<AnalyticsRunSummary> {
    const { summary: result, internalError } = await this.attempt(rule, at);
    if (internalError !== undefined) onError(internalError);
    return result;
  }

  /** Runs the query as the system and records the run (and its alerts) in one transaction. */
  private async attempt(
    rule: AnalyticsRuleRecord,
    at: Date,
  ): Promise<{ summary: AnalyticsRunSummary; internalError?: unknown }> {
    const window = {
      from: new Date(at.getTime() - rule.lookbackSeconds * 1000).toISOString(),
      to: at.toISOString(),
    };
    const base = { ruleId: rule.id, ranAt: window.to, window, threshold: rule.threshold };
    let run: AnalyticsRun;
    let summaryOut: AnalyticsRunSummary;
    let internalError: unknown;
    try {
      // ago() and now() in the rule's query mean the run's time, like the timespan.
      const outcome = await this.hunt.run(
        SYSTEM_PRINCIPAL,
        { query: rule.query, timespan: window },
        { now: at },
      );
      const { rowCount, truncated } = outcome.statistics;
      const alerts = rowCount > rule.threshold ? alertsForRun(rule, outcome, window) : [];
      run = { ruleId: rule.id, at: window.to, status: 'success', error: null, alerts };
      summaryOut = {
        ...base,
        status: 'success',
        rowCount,
        truncated,
        alertIds: alerts.map((a) => a.id),
        error: null,
      };
    } catch (error) {
      const message = runError(error);
      if (!(error instanceof SentinelError)) internalError = error;
      run = { ruleId: rule.id, at: window.to, status: 'failed', error: message, alerts: [] };
      summaryOut = { ...base, status: 'failed', rowCount: 0, truncated: false, alertIds: [], error: message };
    }
    await this.store.analyticsRules.recordRun(run);
    return internalError === undefined ? { summary: summaryOut } : { summary: summaryOut, internalError };
  }

  private async parse(input: unknown): Promise<z.infer<typeof analyticsRuleSchema>> {
    const parsed = analyticsRuleSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid analytics rule', zodDetails(parsed.error));
    await requireValidKql(this.hunt, parsed.data.query);
    return parsed.data;
  }

  private async find(id: string): Promise<AnalyticsRuleRecord> {
    const record = isId(id) ? await this.store.analyticsRules.findById(id) : null;
    if (record === null) throw new NotFoundError('analytics rule');
    return record;
  }
}

function target(id: string) {
  return { type: 'analytics_rule', id };
}

function summary(rule: AnalyticsRuleRecord): Record<string, unknown> {
  return {
    name: rule.name,
    frequencySeconds: rule.frequencySeconds,
    lookbackSeconds: rule.lookbackSeconds,
    threshold: rule.threshold,
    severity: rule.severity,
    enabled: rule.enabled,
  };
}

const DEFINITION_FIELDS = [
  'name',
  'description',
  'query',
  'frequencySeconds',
  'lookbackSeconds',
  'threshold',
  'severity',
  'enabled',
] as const;

function changedFields(before: AnalyticsRuleRecord, after: AnalyticsRuleRecord): string[] {
  return DEFINITION_FIELDS.filter((field) => before[field] !== after[field]);
}

function nameTaken(name: string): ConflictError {
  return new ConflictError(`an analytics rule named "${name}" already exists`);
}

/** Our typed errors (timeout, row limit, unsupported KQL) carry client-safe messages; others stay in the log. */
function runError(error: unknown): string {
  if (error instanceof SentinelError) return error.message;
  return 'the query failed with an internal error; see the Sentinel log';
}
