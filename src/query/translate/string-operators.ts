import type { KNode } from '../kusto-library.js';
import { coerce, isNonEmptyText, isText, ordered, unify } from './coerce.js';
import type { Scope, TranslateContext } from './context.js';
import { translateScalar } from './scalar.js';
import type { SqlExpr } from './sql-expr.js';
import { items, prop, requireProp } from './syntax.js';

interface StringOperator {
  readonly test:
    | 'has'
    | 'contains'
    | 'startswith'
    | 'endswith'
    | 'equals'
    | 'regex'
    | 'hasprefix'
    | 'hassuffix';
  readonly caseSensitive: boolean;
  readonly negated: boolean;
}

const OPERATORS: Record<string, StringOperator> = {};
for (const [base, test] of [
  ['Has', 'has'],
  ['Contains', 'contains'],
  ['StartsWith', 'startswith'],
  ['EndsWith', 'endswith'],
  ['HasPrefix', 'hasprefix'],
  ['HasSuffix', 'hassuffix'],
] as const) {
  OPERATORS[`${base}Expression`] = { test, caseSensitive: false, negated: false };
  OPERATORS[`${base}CsExpression`] = { test, caseSensitive: true, negated: false };
  OPERATORS[`Not${base}Expression`] = { test, caseSensitive: false, negated: true };
  OPERATORS[`Not${base}CsExpression`] = { test, caseSensitive: true, negated: true };
}
OPERATORS['EqualTildeExpression'] = { test: 'equals', caseSensitive: false, negated: false };
OPERATORS['BangTildeExpression'] = { test: 'equals', caseSensitive: false, negated: true };
OPERATORS['MatchesRegexExpression'] = { test: 'regex', caseSensitive: true, negated: false };

export const STRING_OPERATOR_KINDS: ReadonlySet<string> = new Set(Object.keys(OPERATORS));

/** Characters KQL's term index splits on: anything but ASCII letters and digits. */
const TERM_CHAR = '0-9A-Za-z';

/** `has`, `contains`, `startswith`, `=~`, `matches regex`, `has_any`, `has_all` and their negations. */
export function translateStringOperator(
  ctx: TranslateContext,
  node: KNode,
  scope: Scope,
  nullIsFalse = false,
): SqlExpr {
  const kind = ctx.kind(node);
  let left = coerce(ctx, translateScalar(ctx, requireProp(node, 'Left'), scope), 'string');
  if (kind === 'HasAnyExpression' || kind === 'HasAllExpression') {
    const terms = items(valueList(node)).map((n) => coerce(ctx, translateScalar(ctx, n, scope), 'string'));
    // `has` of a constant term never holds for '' ('' itself is `1 = 1` without reading the column).
    if (nullIsFalse && left.raw && terms.every((t) => typeof t.constant?.value === 'string')) {
      left = { sql: left.raw, type: left.type };
    }
    const tests = terms.map((term) =>
      stringTest(ctx, left, term, { test: 'has', caseSensitive: false, negated: false }),
    );
    if (tests.length === 0) return { sql: kind === 'HasAllExpression' ? '(1 = 1)' : '(1 = 0)', type: 'bool' };
    return { sql: `(${tests.join(kind === 'HasAnyExpression' ? ' OR ' : ' AND ')})`, type: 'bool' };
  }
  const operator = OPERATORS[kind];
  if (!operator) return ctx.unsupported(node, `the operator ${kind}`);
  const right = coerce(ctx, translateScalar(ctx, requireProp(node, 'Right'), scope), 'string');
  // A regex may match ''; every other positive test of a non-empty constant fails on ''.
  if (nullIsFalse && left.raw && !operator.negated && operator.test !== 'regex' && isNonEmptyText(right)) {
    left = { sql: left.raw, type: left.type };
  }
  const test = stringTest(ctx, left, right, operator);
  return { sql: operator.negated ? `(NOT ${test})` : test, type: 'bool' };
}

/** The value list of `in`, `has_any` and `has_all` (`Right` is an ExpressionList). */
function valueList(node: KNode): KNode | null {
  return prop(requireProp(node, 'Right'), 'Expressions');
}

function stringTest(ctx: TranslateContext, left: SqlExpr, right: SqlExpr, op: StringOperator): string {
  const d = ctx.dialect;
  const term = right.constant?.value;
  if (op.test === 'equals') return `(lower(${left.sql}) = lower(${right.sql}))`;
  if (op.test === 'regex') {
    if (typeof term !== 'string') return `(${d.regexMatch(left.sql, right.sql, false)})`;
    return d.regexMatch(left.sql, ctx.constant(term, 'string').sql, false);
  }
  if (typeof term !== 'string') {
    // A computed right side: fall back to a case-folded position test (exact for contains/startswith).
    const l = op.caseSensitive ? left.sql : `lower(${left.sql})`;
    const r = op.caseSensitive ? right.sql : `lower(${right.sql})`;
    if (op.test === 'startswith') return `(${d.position(l, r)} = 1)`;
    return `(${d.position(l, r)} > 0)`;
  }
  const pattern = likePattern(op.test, term);
  const bound = (value: string) => ctx.constant(value, 'string').sql;
  if (op.test === 'has' || op.test === 'hasprefix' || op.test === 'hassuffix') {
    if (term === '') return '(1 = 1)';
    const before = op.test === 'hassuffix' ? '' : `(^|[^${TERM_CHAR}])`;
    const after = op.test === 'hasprefix' ? '' : `($|[^${TERM_CHAR}])`;
    const regex = `${before}${escapeRegex(term)}${after}`;
    // The LIKE prefilter is cheap and index-free; the regex then checks the term boundaries.
    return `(${d.ilike(left.sql, bound(pattern))} AND ${d.regexMatch(left.sql, bound(regex), !op.caseSensitive)})`;
  }
  if (!op.caseSensitive) return d.ilike(left.sql, bound(pattern));
  if (op.test === 'contains') return `(${d.position(left.sql, bound(term))} > 0)`;
  if (op.test === 'startswith') return `(${d.position(left.sql, bound(term))} = 1)`;
  const length = d.strlen(bound(term));
  return `(${d.strlen(left.sql)} >= ${length} AND substr(${left.sql}, ${d.strlen(left.sql)} - ${length} + 1) = ${bound(term)})`;
}

function likePattern(test: StringOperator['test'], term: string): string {
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (test === 'startswith') return `${escaped}%`;
  if (test === 'endswith') return `%${escaped}`;
  return `%${escaped}%`;
}

/** Escapes ASCII punctuation: a backslash before it is literal in JS and PostgreSQL regexes. */
function escapeRegex(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** `in`, `!in`, `in~`, `!in~` against a list of values. */
export function translateIn(ctx: TranslateContext, node: KNode, scope: Scope, nullIsFalse = false): SqlExpr {
  const operator = requireProp(node, 'Operator').Text.trim().toLowerCase();
  const negated = operator.startsWith('!');
  const insensitive = operator.endsWith('~');
  const left = translateScalar(ctx, requireProp(node, 'Left'), scope);
  const values = items(valueList(node)).map((n) => translateScalar(ctx, n, scope));
  if (values.some((v) => v.type === 'dynamic' && !v.constant))
    return ctx.unsupported(node, 'in with a dynamic array');
  const expanded = values.flatMap((v) =>
    v.type === 'dynamic' && Array.isArray(v.constant?.value)
      ? (v.constant.value as unknown[]).map((x) => ctx.constant(x, typeof x === 'number' ? 'real' : 'string'))
      : [v],
  );
  if (expanded.length === 0) return { sql: negated ? '(1 = 1)' : '(1 = 0)', type: 'bool' };
  const pairs = expanded.map((v) => unify(ctx, left, v));
  const fold = (x: SqlExpr) => (insensitive && isText(x.type) ? `lower(${x.sql})` : x.sql);
  const bare =
    nullIsFalse && !negated && left.raw && pairs.every(([l, v]) => l === left && isNonEmptyText(v));
  const l = bare && left.raw ? fold({ sql: left.raw, type: left.type }) : fold(pairs[0]?.[0] ?? left);
  const list = pairs.map(([, v]) => fold(v)).join(', ');
  return { sql: `(${l} ${negated ? 'NOT IN' : 'IN'} (${list}))`, type: 'bool' };
}

/** `between (a .. b)`; a timespan upper bound means `a + b` as in KQL. */
export function translateBetween(
  ctx: TranslateContext,
  node: KNode,
  scope: Scope,
  negated: boolean,
): SqlExpr {
  const couple = requireProp(node, 'Right');
  const left = translateScalar(ctx, requireProp(node, 'Left'), scope);
  let low = translateScalar(ctx, requireProp(couple, 'First'), scope);
  let high = translateScalar(ctx, requireProp(couple, 'Second'), scope);
  if (left.type === 'datetime' && high.type === 'timespan') {
    const d = ctx.dialect;
    high =
      typeof low.constant?.value === 'number' && typeof high.constant?.value === 'number'
        ? ctx.constant(low.constant.value + high.constant.value, 'datetime')
        : { sql: d.fromMs(`(${d.toMs(low.sql)} + ${high.sql})`), type: 'datetime' };
  }
  const [l1, lo] = unify(ctx, left, low);
  const [l2, hi] = unify(ctx, left, high);
  low = lo;
  const test = `(${ordered(ctx, l1)} >= ${ordered(ctx, low)} AND ${ordered(ctx, l2)} <= ${ordered(ctx, hi)})`;
  return { sql: negated ? `(NOT ${test})` : test, type: 'bool' };
}
