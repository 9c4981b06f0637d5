import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type ErrorDetail, ValidationError } from '../core/index.js';
import type { Detector } from './detector.js';
import { builtinDetectors } from './detectors/index.js';
import { type Rule, ruleSchema } from './rule.js';
import { checkRule } from './rule-check.js';

export interface LoadRulesOptions {
  /** Detectors rules may name; the built-in registry by default. */
  readonly detectors?: ReadonlyMap<string, Detector>;
  /** Marks the loaded rules as built-in (only loadBuiltinRules does). */
  readonly builtin?: boolean;
  /** Rules already loaded (the built-ins, other files): their ids count as taken. */
  readonly existing?: readonly Rule[];
}

const RULE_FILE = /\.(?:ya?ml|json)$/i;

/** The built-in catalogue, rules/builtin/*.yaml beside src/ and dist/. */
export function loadBuiltinRules(): Rule[] {
  return loadRuleFiles(fileURLToPath(new URL('../../rules/builtin/', import.meta.url)), { builtin: true });
}

/** Every *.yaml, *.yml and *.json rule file in `dir` (not recursive), in name order. */
export function loadRuleFiles(dir: string, options: LoadRulesOptions = {}): Rule[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => RULE_FILE.test(name))
      .sort();
  } catch (error) {
    throw new ValidationError(`cannot read rules directory ${dir}: ${(error as Error).message}`);
  }
  const rules: Rule[] = [];
  const details: ErrorDetail[] = [];
  for (const name of names) {
    try {
      const text = readFileSync(join(dir, name), 'utf8');
      rules.push(
        ...parseRuleDocument(text, name, { ...options, existing: [...(options.existing ?? []), ...rules] }),
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      details.push(...(error.details.length > 0 ? error.details : [{ path: name, message: error.message }]));
    }
  }
  if (details.length > 0) throw new ValidationError(`invalid rule files in ${dir}`, details);
  return rules;
}

type PathPart = string | number;

/**
 * Parses one YAML or JSON rule file: a list of rules, or `{rules: [...]}`. Throws ValidationError
 * whose details name file, line and field (`custom.yaml:12 rules[3].severity`).
 */
export function parseRuleDocument(text: string, fileName: string, options: LoadRulesOptions = {}): Rule[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => ({ path: `${fileName}:${lineOf(e.pos[0])}`, message: e.message }));
    throw new ValidationError(`invalid rule file ${fileName}`, details);
  }
  const rulesNode = isSeq(doc.contents)
    ? doc.contents
    : isMap(doc.contents)
      ? doc.contents.get('rules', true)
      : null;
  if (!isSeq(rulesNode)) {
    const message = 'a rule file holds a list of rules, or a map with a "rules" list';
    throw new ValidationError(`invalid rule file ${fileName}`, [{ path: `${fileName}:1`, message }]);
  }
  const where = (index: number, path: readonly PathPart[]) => {
    const node = nodeAt(rulesNode.items[index] as Node, path);
    const line = node?.range ? lineOf(node.range[0]) : 1;
    return `${fileName}:${line} ${formatPath(['rules', index, ...path])}`;
  };
  const raw = rulesNode.toJSON() as unknown[];
  const taken = new Set((options.existing ?? []).map((rule) => rule.id));
  const detectors = options.detectors ?? builtinDetectors;
  const rules: Rule[] = [];
  const details: ErrorDetail[] = [];
  for (const [index, item] of raw.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      details.push({ path: where(index, []), message: 'must be a map of rule fields' });
      continue;
    }
    if ('builtin' in item) {
      details.push({ path: where(index, ['builtin']), message: 'is set by Sentinel, not in rule files' });
      continue;
    }
    const parsed = ruleSchema.safeParse({ ...item, builtin: options.builtin ?? false });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
        details.push({
          path: where(index, [...(issue.path as PathPart[]), ...keys]),
          message: issue.message,
        });
      }
      continue;
    }
    const rule: Rule = parsed.data;
    const problem = checkRule(rule, detectors);
    if (problem) details.push({ path: where(index, problem.field.split('.')), message: problem.message });
    if (taken.has(rule.id))
      details.push({ path: where(index, ['id']), message: `duplicate rule id "${rule.id}"` });
    taken.add(rule.id);
    rules.push(rule);
  }
  if (details.length > 0) throw new ValidationError(`invalid rule file ${fileName}`, details);
  return rules;
}

/** The deepest node along `path` that exists, so a missing field points at its rule. */
function nodeAt(root: Node, path: readonly PathPart[]): Node | null {
  let node: Node | null = root;
  for (const part of path) {
    const child: unknown = isMap(node) || isSeq(node) ? node.get(part, true) : undefined;
    if (child === undefined || child === null || typeof child !== 'object' || !('range' in child)) break;
    node = child as Node;
  }
  return node;
}

/** `['rules', 3, 'mappings', 'atlas', 0]` -> `rules[3].mappings.atlas[0]`. */
function formatPath(path: readonly PathPart[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
