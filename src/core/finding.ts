/** Severities, lowest first. */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What the proxy does when a rule matches, mildest first: `approve` holds the call until a human
 * decides, so it ranks below only `block`.
 */
export const RULE_ACTIONS = ['alert', 'redact', 'approve', 'block'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export type Verdict = 'allow' | RuleAction;

export const CATEGORIES = [
  'prompt_injection',
  'tool_poisoning',
  'secrets',
  'pii',
  'path_traversal',
  'sql_injection',
  'command_injection',
  'ssrf',
  'exfiltration',
  'behaviour',
  'custom',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RuleMappings {
  /** MITRE ATLAS technique ids (AML.T0051...). */
  readonly atlas: readonly string[];
  /** OWASP Top 10 for LLM applications ids (LLM01...). */
  readonly owasp: readonly string[];
}

/** One thing a rule found in one field of one event. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly action: RuleAction;
  /** Dotted path of the field (`metadata.arguments.path`). */
  readonly field: string;
  /** Character span in the field's string value, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** A short snippet around the match; secrets inside it are masked. */
  readonly evidence: string;
  /** For secrets: a stable fingerprint (hash) so the same leaked value is recognizable; else null. */
  readonly fingerprint: string | null;
  readonly detail: string | null;
  readonly mappings: RuleMappings;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  /** The strongest action among the findings, or `allow` when there are none. */
  readonly verdict: Verdict;
}
