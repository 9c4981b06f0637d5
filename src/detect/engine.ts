import type { Finding, McpEvent, ScanResult } from '../core/index.js';
import { type CompiledRule, compileRules, DEFAULT_MAX_USER_REGEX_CHARS } from './compiled-rule.js';
import type { Detector, ScanContext, ScanField } from './detector.js';
import { keyKind } from './detectors/args/value-kind.js';
import { builtinDetectors } from './detectors/index.js';
import { buildEvidence, fingerprintSecret, type Span } from './evidence.js';
import { DEFAULT_MAX_FIELD_CHARS, walkEvent } from './field-walker.js';
import type { Rule } from './rule.js';
import { collectHits, type Hit, planScan, type ScanPlan } from './scan-plan.js';
import { verdictOf } from './verdict.js';

export interface EngineOptions {
  /** Characters of each value scanned (default 1,000,000). */
  readonly maxFieldChars?: number;
  /** Characters of each value user regexes read (default 65,536); bounds their worst case. */
  readonly maxUserRegexChars?: number;
  /** Detectors rules may name; the built-in registry by default. */
  readonly detectors?: ReadonlyMap<string, Detector>;
}

export interface DetectionEngine {
  readonly rules: readonly Rule[];
  /** Runs every enabled rule on the event. Pure and synchronous: safe inline in the proxy. */
  scan(event: McpEvent): ScanResult;
}

/**
 * Builds an engine over the rules. Throws ValidationError when a rule names an unknown detector,
 * has an unsafe or invalid regex, or repeats an id; disabled rules are checked but never run.
 */
export function createEngine(rules: readonly Rule[], options: EngineOptions = {}): DetectionEngine {
  const maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const compiled = compileRules(rules, {
    detectors: options.detectors ?? builtinDetectors,
    maxUserRegexChars: options.maxUserRegexChars ?? DEFAULT_MAX_USER_REGEX_CHARS,
  });
  const plan = planScan(compiled);
  return {
    rules,
    scan: (event) => scanEvent(plan, event, maxFieldChars),
  };
}

function scanEvent(plan: ScanPlan, event: McpEvent, maxFieldChars: number): ScanResult {
  const fields = walkEvent(event, maxFieldChars);
  const context: ScanContext = { tool: event.tool, method: event.method, query: queryOf(event) };
  const hits = collectHits(plan, fields, context);
  // Most events raise nothing: skip the bookkeeping below.
  if (hits.length === 0) return { findings: [], verdict: verdictOf([]) };
  const secrets = secretSpans(hits);
  hits.sort(
    (a, b) => a.fieldIndex - b.fieldIndex || a.match.start - b.match.start || a.ruleIndex - b.ruleIndex,
  );
  const quiet = rulesBelowMinMatches(plan.compiled, hits, fields);
  const findings = hits
    .filter((hit) => !quiet.has(hit.ruleIndex))
    .map((hit) => toFinding(hit, fields[hit.fieldIndex]!, secrets.get(hit.fieldIndex) ?? []));
  return { findings, verdict: verdictOf(findings) };
}

/** The event's first string argument under a SQL name (`sql`, `query`), top level or under metadata. */
function queryOf(event: McpEvent): string | null {
  const nested = event.metadata['arguments'];
  for (const args of [event.arguments, nested]) {
    if (typeof args !== 'object' || args === null || Array.isArray(args)) continue;
    for (const [key, value] of Object.entries(args)) {
      if (typeof value === 'string' && keyKind(key.toLowerCase()) === 'sql') return value;
    }
  }
  return null;
}

/** Every secret span per field, from all rules, so evidence masks neighbours' secrets too. */
function secretSpans(hits: readonly Hit[]): Map<number, Span[]> {
  const spans = new Map<number, Span[]>();
  for (const hit of hits) {
    if (!hit.match.secret) continue;
    const list = spans.get(hit.fieldIndex);
    if (list) list.push(hit.match);
    else spans.set(hit.fieldIndex, [hit.match]);
  }
  return spans;
}

/**
 * A rule with `minMatches` raises findings only when that many distinct matched values exist
 * across the event: one address repeated in a signature is one value, not three.
 */
function rulesBelowMinMatches(
  compiled: readonly CompiledRule[],
  hits: readonly Hit[],
  fields: readonly ScanField[],
): Set<number> {
  const values = new Map<number, Set<string>>();
  for (const hit of hits) {
    if ((hit.rule.rule.minMatches ?? 1) <= 1) continue;
    const text = fields[hit.fieldIndex]!.value.slice(hit.match.start, hit.match.end).toLowerCase();
    const set = values.get(hit.ruleIndex) ?? new Set<string>();
    set.add(text);
    values.set(hit.ruleIndex, set);
  }
  const quiet = new Set<number>();
  for (const [ruleIndex, set] of values) {
    if (set.size < (compiled[ruleIndex]!.rule.minMatches ?? 1)) quiet.add(ruleIndex);
  }
  return quiet;
}

function toFinding(hit: Hit, field: ScanField, secrets: readonly Span[]): Finding {
  const { rule } = hit.rule;
  const { match } = hit;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    action: rule.action,
    field: field.path,
    start: match.start,
    end: match.end,
    evidence: buildEvidence(field.value, match, secrets),
    fingerprint: match.secret ? fingerprintSecret(field.value.slice(match.start, match.end)) : null,
    detail: match.detail ?? null,
    mappings: rule.mappings,
  };
}
