export type {
  Detector,
  DetectorMatch,
  DetectorTriggers,
  FieldRole,
  ScanContext,
  ScanField,
} from './detector.js';
export { builtinDetectors } from './detectors/index.js';
export { createEngine, type DetectionEngine, type EngineOptions } from './engine.js';
export { fingerprintSecret, maskSecret } from './evidence.js';
export { DEFAULT_MAX_FIELD_CHARS, walkEvent } from './field-walker.js';
export { type RedactionSpan, redactText } from './redact.js';
export { FIELD_ROLES, type Rule, type RuleInput, type RuleMatch, ruleSchema } from './rule.js';
export { checkRule, type RuleProblem } from './rule-check.js';
export { type LoadRulesOptions, loadBuiltinRules, loadRuleFiles, parseRuleDocument } from './rule-loader.js';
export { compileSafeRegex, MAX_REPEAT, type SafeRegexResult } from './safe-regex.js';
export { verdictOf } from './verdict.js';
