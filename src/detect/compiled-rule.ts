import { ValidationError } from '../core/index.js';
import type {
  Detector,
  DetectorMatch,
  DetectorTriggers,
  FieldRole,
  ScanContext,
  ScanField,
} from './detector.js';
import type { Rule } from './rule.js';
import { checkRule } from './rule-check.js';
import { compileSafeRegex } from './safe-regex.js';

/** User regexes read at most this much of a field: with bounded repeats, it bounds their worst case. */
export const DEFAULT_MAX_USER_REGEX_CHARS = 65_536;
/** Matches kept per rule and field; enough to redact any realistic value. */
const MAX_MATCHES_PER_FIELD = 1000;

/** A rule ready to run: the roles it reads and the function that finds its matches. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly roles: readonly FieldRole[];
  /** The detector's prefilter, if it declares one; user regexes have none. */
  readonly triggers?: DetectorTriggers;
  find(field: ScanField, context: ScanContext): DetectorMatch[];
}

export interface CompileOptions {
  readonly detectors: ReadonlyMap<string, Detector>;
  readonly maxUserRegexChars: number;
}

/** Compiles the enabled rules; any rule that cannot run (even a disabled one) is a ValidationError. */
export function compileRules(rules: readonly Rule[], options: CompileOptions): CompiledRule[] {
  const seen = new Set<string>();
  const details: { path: string; message: string }[] = [];
  for (const rule of rules) {
    if (seen.has(rule.id)) details.push({ path: `${rule.id}.id`, message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
    const problem = checkRule(rule, options.detectors);
    if (problem) details.push({ path: `${rule.id}.${problem.field}`, message: problem.message });
  }
  if (details.length > 0) throw new ValidationError('some rules cannot be compiled', details);
  return rules.filter((rule) => rule.enabled).map((rule) => compileRule(rule, options));
}

function compileRule(rule: Rule, options: CompileOptions): CompiledRule {
  if (rule.detector !== undefined) {
    const detector = options.detectors.get(rule.detector)!;
    // A stateful rule reads no field here: its detector runs in the behaviour step.
    const roles = detector.stateful ? [] : rule.fields.filter((role) => detector.roles.includes(role));
    const find = (field: ScanField, context: ScanContext) => detector.detect(field, context);
    return detector.triggers ? { rule, roles, triggers: detector.triggers, find } : { rule, roles, find };
  }
  const compiled = compileSafeRegex(rule.match!.pattern, rule.match!.flags);
  if (!compiled.ok) throw new ValidationError(compiled.reason);
  const regex = compiled.regex;
  // A user rule in the secrets category finds secrets: its matches are masked and fingerprinted.
  const secret = rule.category === 'secrets';
  const cap = options.maxUserRegexChars;
  return {
    rule,
    roles: rule.fields,
    find: (field) =>
      findAll(regex, field.value.length > cap ? field.value.slice(0, cap) : field.value, secret),
  };
}

function findAll(regex: RegExp, text: string, secret: boolean): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    matches.push(
      secret
        ? { start: m.index, end: m.index + m[0].length, secret }
        : { start: m.index, end: m.index + m[0].length },
    );
    if (matches.length >= MAX_MATCHES_PER_FIELD) break;
  }
  return matches;
}

/** The matches of one rule in one field, valid spans only, earliest first, overlaps dropped. */
export function cleanMatches(matches: DetectorMatch[], valueLength: number): DetectorMatch[] {
  // Most calls find nothing or one thing: skip the copies and the sort.
  if (matches.length === 0) return matches;
  if (matches.length === 1) {
    const m = matches[0]!;
    return m.start >= 0 && m.end > m.start && m.end <= valueLength ? matches : [];
  }
  const valid = matches.filter((m) => m.start >= 0 && m.end > m.start && m.end <= valueLength);
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DetectorMatch[] = [];
  let lastEnd = -1;
  for (const m of valid) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
    if (kept.length >= MAX_MATCHES_PER_FIELD) break;
  }
  return kept;
}
