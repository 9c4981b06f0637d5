import { RULE_ACTIONS, type RuleAction, type Verdict } from '../core/index.js';

/** The strongest action among the findings (block > approve > redact > alert), `allow` when there are none. */
export function verdictOf(findings: ReadonlyArray<{ readonly action: RuleAction }>): Verdict {
  let strongest = -1;
  for (const finding of findings) {
    strongest = Math.max(strongest, RULE_ACTIONS.indexOf(finding.action));
  }
  return strongest < 0 ? 'allow' : RULE_ACTIONS[strongest]!;
}
