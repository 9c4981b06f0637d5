import { z } from 'zod';
import {
  ConflictError,
  NotFoundError,
  type Principal,
  RULE_ACTIONS,
  SEVERITIES,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import {
  builtinDetectors,
  checkRule,
  createEngine,
  type DetectionEngine,
  loadBuiltinRules,
  loadRuleFiles,
  type Rule,
  ruleSchema,
} from '../detect/index.js';
import type { RuleSetting, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';

/** Where a rule comes from: shipped, a file in SENTINEL_RULES_DIR, or written through the API. */
export type RuleSource = 'builtin' | 'file' | 'custom';

export interface RuleView extends Rule {
  readonly source: RuleSource;
  /** What an admin changed on this rule (enabled, severity, action), or null. */
  readonly override: Pick<RuleSetting, 'enabled' | 'severity' | 'action' | 'updatedAt' | 'updatedBy'> | null;
  readonly alertCount: number;
  readonly findingCount: number;
}

export const ruleSettingSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    severity: z.enum(SEVERITIES).optional(),
    action: z.enum(RULE_ACTIONS).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'change at least one of enabled, severity, action');

/** Other nodes' rule changes reach this one within this many milliseconds. */
const REFRESH_MS = 5_000;

/**
 * The effective rules (overrides applied) as plain data, with a version that changes whenever they
 * do: a detection thread builds its own engine from `rules` and rebuilds it only on a new version.
 */
export interface EffectiveRules {
  readonly version: number;
  readonly rules: readonly Rule[];
  /** An engine over exactly these rules, for scanning on this thread. */
  readonly engine: DetectionEngine;
}

interface Snapshot {
  readonly rules: readonly (Rule & { source: RuleSource })[];
  readonly settings: ReadonlyMap<string, RuleSetting>;
  readonly effective: EffectiveRules;
  readonly loadedAt: number;
}

/** The rule catalogue: shipped rules, rule files and custom rules, with admins' overrides applied. */
export class RuleCatalogue {
  private readonly fileRules: readonly (Rule & { source: RuleSource })[];
  private snapshot: Promise<Snapshot> | null = null;
  /** The last engine built, with the effective rules it was built from (see `load`). */
  private built: { readonly key: string; readonly effective: EffectiveRules } | null = null;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    rulesDir: string | null,
    private readonly now: () => Date,
  ) {
    const builtin = loadBuiltinRules().map((rule) => ({ ...rule, source: 'builtin' as const }));
    const files = rulesDir === null ? [] : loadRuleFiles(rulesDir, { existing: builtin });
    this.fileRules = [
      ...builtin,
      ...files.map((rule) => ({ ...rule, builtin: false, source: 'file' as const })),
    ];
  }

  /** The engine over the current effective rules (rebuilt after changes, here or on another node). */
  async engine(): Promise<DetectionEngine> {
    return (await this.current()).effective.engine;
  }

  /** The effective rules, their version and an engine over them (see EffectiveRules). */
  async effectiveRules(): Promise<EffectiveRules> {
    return (await this.current()).effective;
  }

  /** An effective rule (overrides applied) by id, for steps outside the pure engine. */
  async rule(id: string): Promise<Rule | null> {
    return (await this.current()).effective.rules.find((rule) => rule.id === id) ?? null;
  }

  async list(principal: Principal): Promise<RuleView[]> {
    requireRole(principal, 'viewer');
    const snapshot = await this.current();
    const [alerts, findings] = await Promise.all([
      this.store.alerts.countByRule(),
      this.store.findings.countByRule(),
    ]);
    return snapshot.rules.map((rule) => this.view(rule, snapshot, alerts, findings));
  }

  async get(principal: Principal, id: string): Promise<RuleView> {
    const rule = (await this.list(principal)).find((candidate) => candidate.id === id);
    if (rule === undefined) throw new NotFoundError('rule');
    return rule;
  }

  /** Enable/disable a rule or change its severity or action (any rule, built-in included). */
  async configure(principal: Principal, id: string, input: unknown): Promise<RuleView> {
    requireRole(principal, 'admin');
    const parsed = ruleSettingSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid rule change', zodDetails(parsed.error));
    const snapshot = await this.current();
    if (!snapshot.rules.some((rule) => rule.id === id)) throw new NotFoundError('rule');
    const previous = snapshot.settings.get(id);
    await this.store.ruleSettings.upsert({
      ruleId: id,
      enabled: parsed.data.enabled ?? previous?.enabled ?? null,
      severity: parsed.data.severity ?? previous?.severity ?? null,
      action: parsed.data.action ?? previous?.action ?? null,
      updatedAt: this.now().toISOString(),
      updatedBy: principal.name,
    });
    await this.audit.record(principal, 'rule.configure', { type: 'rule', id }, parsed.data);
    this.invalidate();
    return this.get(principal, id);
  }

  /** Drops an admin's override: the rule is as shipped again. */
  async reset(principal: Principal, id: string): Promise<RuleView> {
    requireRole(principal, 'admin');
    if (!(await this.store.ruleSettings.delete(id))) throw new NotFoundError('override for this rule');
    await this.audit.record(principal, 'rule.reset', { type: 'rule', id });
    this.invalidate();
    return this.get(principal, id);
  }

  async createCustom(principal: Principal, input: unknown): Promise<RuleView> {
    requireRole(principal, 'admin');
    const rule = await this.validateCustom(input);
    const at = this.now().toISOString();
    const created = await this.store.customRules.create({
      id: rule.id,
      definition: definitionOf(rule),
      createdAt: at,
      updatedAt: at,
      updatedBy: principal.name,
    });
    if (!created) throw new ConflictError(`a custom rule with id ${rule.id} exists`);
    await this.audit.record(principal, 'rule.create', { type: 'rule', id: rule.id }, { title: rule.title });
    this.invalidate();
    return this.get(principal, rule.id);
  }

  async updateCustom(principal: Principal, id: string, input: unknown): Promise<RuleView> {
    requireRole(principal, 'admin');
    const existing = await this.store.customRules.findById(id);
    if (existing === null) throw await this.notCustom(id);
    const rule = await this.validateCustom({ ...(input as object), id }, id);
    await this.store.customRules.update({
      ...existing,
      definition: definitionOf(rule),
      updatedAt: this.now().toISOString(),
      updatedBy: principal.name,
    });
    await this.audit.record(principal, 'rule.update', { type: 'rule', id }, { title: rule.title });
    this.invalidate();
    return this.get(principal, id);
  }

  async deleteCustom(principal: Principal, id: string): Promise<void> {
    requireRole(principal, 'admin');
    if (!(await this.store.customRules.delete(id))) throw await this.notCustom(id);
    await this.store.ruleSettings.delete(id);
    await this.audit.record(principal, 'rule.delete', { type: 'rule', id });
    this.invalidate();
  }

  private async notCustom(id: string): Promise<Error> {
    const known = (await this.current()).rules.some((rule) => rule.id === id);
    return known
      ? new ConflictError('only custom rules can be changed or deleted; disable a built-in rule instead')
      : new NotFoundError('custom rule');
  }

  private async validateCustom(input: unknown, keepId?: string): Promise<Rule> {
    const parsed = ruleSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid rule', zodDetails(parsed.error));
    const rule: Rule = { ...parsed.data, builtin: false };
    const problem = checkRule(rule, builtinDetectors);
    if (problem)
      throw new ValidationError('invalid rule', [{ path: problem.field, message: problem.message }]);
    if (keepId === undefined && this.fileRules.some((other) => other.id === rule.id)) {
      throw new ConflictError(
        `rule id ${rule.id} is taken by a ${this.fileRules.find((r) => r.id === rule.id)?.source} rule`,
      );
    }
    return rule;
  }

  private view(
    rule: Rule & { source: RuleSource },
    snapshot: Snapshot,
    alerts: Record<string, number>,
    findings: Record<string, number>,
  ): RuleView {
    const setting = snapshot.settings.get(rule.id);
    return {
      ...applySetting(rule, setting),
      source: rule.source,
      override: setting
        ? {
            enabled: setting.enabled,
            severity: setting.severity,
            action: setting.action,
            updatedAt: setting.updatedAt,
            updatedBy: setting.updatedBy,
          }
        : null,
      alertCount: alerts[rule.id] ?? 0,
      findingCount: findings[rule.id] ?? 0,
    };
  }

  private invalidate(): void {
    this.snapshot = null;
  }

  private current(): Promise<Snapshot> {
    const pending = this.snapshot;
    if (pending !== null) {
      return pending.then((snapshot) =>
        Date.now() - snapshot.loadedAt < REFRESH_MS ? snapshot : this.reload(),
      );
    }
    return this.reload();
  }

  private reload(): Promise<Snapshot> {
    const loading = this.load();
    this.snapshot = loading;
    loading.catch(() => {
      if (this.snapshot === loading) this.snapshot = null;
    });
    return loading;
  }

  private async load(): Promise<Snapshot> {
    const [settings, custom] = await Promise.all([
      this.store.ruleSettings.list(),
      this.store.customRules.list(),
    ]);
    const customRules = custom.flatMap((record) => {
      const parsed = ruleSchema.safeParse(record.definition);
      return parsed.success ? [{ ...parsed.data, builtin: false, source: 'custom' as const }] : [];
    });
    const rules = [...this.fileRules, ...customRules];
    const byId = new Map(settings.map((setting) => [setting.ruleId, setting]));
    const effective = rules.map((rule) => applySetting(rule, byId.get(rule.id)));
    // Building an engine blocks the event loop for 5-20 ms; the refresh finds nothing changed
    // almost every time, so the previous engine is kept when the effective rules are the same.
    const key = JSON.stringify(effective);
    if (this.built?.key !== key) {
      const version = (this.built?.effective.version ?? 0) + 1;
      this.built = { key, effective: { version, rules: effective, engine: createEngine(effective) } };
    }
    return { rules, settings: byId, effective: this.built.effective, loadedAt: Date.now() };
  }
}

function applySetting<T extends Rule>(rule: T, setting: RuleSetting | undefined): T {
  if (setting === undefined) return rule;
  return {
    ...rule,
    enabled: setting.enabled ?? rule.enabled,
    severity: (setting.severity as Rule['severity'] | null) ?? rule.severity,
    action: (setting.action as Rule['action'] | null) ?? rule.action,
  };
}

function definitionOf(rule: Rule): Record<string, unknown> {
  const { builtin: _builtin, ...definition } = rule;
  return definition as Record<string, unknown>;
}
