import type { Detector } from './detector.js';
import type { Rule } from './rule.js';
import { compileSafeRegex } from './safe-regex.js';

/** A problem with a schema-valid rule: where in the rule, and why. */
export interface RuleProblem {
  /** `detector` or `match.pattern`. */
  readonly field: string;
  readonly message: string;
}

/**
 * What the schema cannot see: whether the named detector exists and whether the user regex is
 * valid and safe to run. Returns null when the rule can be compiled.
 */
export function checkRule(rule: Rule, detectors: ReadonlyMap<string, Detector>): RuleProblem | null {
  if (rule.detector !== undefined && !detectors.has(rule.detector)) {
    return { field: 'detector', message: `unknown detector "${rule.detector}"` };
  }
  if (rule.match !== undefined) {
    const compiled = compileSafeRegex(rule.match.pattern, rule.match.flags);
    if (!compiled.ok) return { field: 'match.pattern', message: compiled.reason };
  }
  return null;
}
