import { z } from 'zod';
import { type Finding, type Principal, ValidationError, type Verdict, zodDetails } from '../core/index.js';
import { builtinDetectors, checkRule, createEngine, type Rule, ruleSchema } from '../detect/index.js';
import { normalizeEvent } from '../ingest/index.js';
import { requireRole } from './permissions.js';

const trialSchema = z.strictObject({
  rule: z.unknown(),
  event: z.unknown(),
});

export interface RuleTrialResult {
  readonly findings: readonly Finding[];
  readonly verdict: Verdict;
}

/** Runs a draft rule on a pasted event without storing anything: the rule editor's "try it". */
export class RuleTrial {
  constructor(private readonly now: () => Date) {}

  try(principal: Principal, input: unknown): RuleTrialResult {
    requireRole(principal, 'viewer');
    const parsed = trialSchema.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError('invalid rule trial', zodDetails(parsed.error));
    const rule = parseRule(parsed.data.rule);
    const normalized = normalizeEvent(parsed.data.event, {
      serverId: 'trial',
      source: 'webhook',
      receivedAt: this.now().toISOString(),
    });
    if (!normalized.ok) {
      throw new ValidationError(
        `invalid event: ${normalized.reason}`,
        normalized.details.map((detail) => ({ ...detail, path: `event.${detail.path ?? ''}` })),
      );
    }
    // A disabled draft is still worth trying: run it as if enabled.
    const result = createEngine([{ ...rule, enabled: true }]).scan(normalized.event);
    return { findings: result.findings, verdict: result.verdict };
  }
}

function parseRule(input: unknown): Rule {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'invalid rule',
      zodDetails(parsed.error).map((detail) => ({ ...detail, path: `rule.${detail.path ?? ''}` })),
    );
  }
  const rule: Rule = { ...parsed.data, builtin: false };
  const problem = checkRule(rule, builtinDetectors);
  if (problem)
    throw new ValidationError('invalid rule', [{ path: `rule.${problem.field}`, message: problem.message }]);
  return rule;
}
