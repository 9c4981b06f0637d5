import type { KqlType } from '../kql-types.js';
import type { KNode } from '../kusto-library.js';
import { coerce, isNonEmptyText, isText, ordered, unify } from './coerce.js';
import type { Scope, TranslateContext } from './context.js';
import { translateFunction } from './functions.js';
import { translateLiteral } from './literals.js';
import type { SqlExpr } from './sql-expr.js';
import {
  STRING_OPERATOR_KINDS,
  translateBetween,
  translateIn,
  translateStringOperator,
} from './string-operators.js';
import { kqlTypeOf, requireProp, simpleName } from './syntax.js';

const COMPARISONS: Record<string, string> = {
  EqualExpression: '=',
  NotEqualExpression: '<>',
  LessThanExpression: '<',
  LessThanOrEqualExpression: '<=',
  GreaterThanExpression: '>',
  GreaterThanOrEqualExpression: '>=',
};

const ARITHMETIC: Record<string, string> = {
  AddExpression: '+',
  SubtractExpression: '-',
  MultiplyExpression: '*',
  DivideExpression: '/',
  ModuloExpression: '%',
};

/** The SQL of a scalar KQL expression in a scope; its type is the analyser's. */
export function translateScalar(ctx: TranslateContext, node: KNode, scope: Scope): SqlExpr {
  const kind = ctx.kind(node);
  if (node.IsLiteral || kind.endsWith('LiteralExpression') || kind === 'DynamicExpression') {
    return translateLiteral(ctx, node);
  }
  switch (kind) {
    case 'ParenthesizedExpression': {
      const inner = translateScalar(ctx, requireProp(node, 'Expression'), scope);
      return { ...inner, sql: `(${inner.sql})`, ...(inner.raw ? { raw: `(${inner.raw})` } : {}) };
    }
    case 'NameReference':
      return translateName(ctx, node, scope);
    case 'PathExpression':
    case 'ElementExpression':
      return translateAccess(ctx, node, scope);
    case 'FunctionCallExpression':
      return translateFunction(ctx, node, scope);
    case 'AndExpression':
    case 'OrExpression': {
      const left = condition(ctx, requireProp(node, 'Left'), scope);
      const right = condition(ctx, requireProp(node, 'Right'), scope);
      return { sql: `(${left} ${kind === 'AndExpression' ? 'AND' : 'OR'} ${right})`, type: 'bool' };
    }
    case 'UnaryMinusExpression': {
      const inner = translateScalar(ctx, requireProp(node, 'Expression'), scope);
      if (inner.constant && typeof inner.constant.value === 'number')
        return ctx.constant(-inner.constant.value, inner.type);
      return { sql: `(-${inner.sql})`, type: inner.type };
    }
    case 'UnaryPlusExpression':
      return translateScalar(ctx, requireProp(node, 'Expression'), scope);
    case 'InExpression':
    case 'InCsExpression':
    case 'NotInExpression':
    case 'NotInCsExpression':
      return translateIn(ctx, node, scope);
    case 'BetweenExpression':
    case 'NotBetweenExpression':
      return translateBetween(ctx, node, scope, kind === 'NotBetweenExpression');
  }
  if (COMPARISONS[kind]) return translateComparison(ctx, node, scope, COMPARISONS[kind]);
  if (ARITHMETIC[kind]) return translateArithmetic(ctx, node, scope, ARITHMETIC[kind]);
  if (STRING_OPERATOR_KINDS.has(kind) || kind === 'HasAnyExpression' || kind === 'HasAllExpression') {
    return translateStringOperator(ctx, node, scope);
  }
  return ctx.unsupported(node, `the expression ${ctx.source(node, 40)}`);
}

/**
 * A `where` condition: like `condition`, but a comparison that decides the row on its own (under
 * `and`/`or` only, never under `not`) may read a nullable text column bare. There NULL and false
 * both drop the row, so `tool = 'x'` keeps exactly the rows `COALESCE(tool, '') = 'x'` keeps
 * whenever the test cannot hold for '' (a non-empty constant; `!=` and `== ""` keep the COALESCE).
 */
export function filterCondition(ctx: TranslateContext, node: KNode, scope: Scope): string {
  const kind = ctx.kind(node);
  if (kind === 'AndExpression' || kind === 'OrExpression') {
    const left = filterCondition(ctx, requireProp(node, 'Left'), scope);
    const right = filterCondition(ctx, requireProp(node, 'Right'), scope);
    return `(${left} ${kind === 'AndExpression' ? 'AND' : 'OR'} ${right})`;
  }
  if (kind === 'ParenthesizedExpression')
    return `(${filterCondition(ctx, requireProp(node, 'Expression'), scope)})`;
  if (kind === 'EqualExpression') return translateComparison(ctx, node, scope, '=', true).sql;
  if (kind === 'InExpression' || kind === 'InCsExpression') return translateIn(ctx, node, scope, true).sql;
  if (STRING_OPERATOR_KINDS.has(kind) || kind === 'HasAnyExpression' || kind === 'HasAllExpression') {
    return translateStringOperator(ctx, node, scope, true).sql;
  }
  return condition(ctx, node, scope);
}

/** A boolean expression as an SQL condition. */
export function condition(ctx: TranslateContext, node: KNode, scope: Scope): string {
  const expr = translateScalar(ctx, node, scope);
  return expr.type === 'dynamic' ? coerce(ctx, expr, 'bool').sql : expr.sql;
}

export function resultType(ctx: TranslateContext, node: KNode): KqlType {
  const type = kqlTypeOf(node);
  if (!type) ctx.unsupported(node, `values of type ${node.ResultType?.Name ?? 'unknown'}`);
  return type;
}

function translateName(ctx: TranslateContext, node: KNode, scope: Scope): SqlExpr {
  const name = simpleName(node);
  const symbol = node.ReferencedSymbol;
  const symbolClass = symbol ? ctx.lib.symbolClass(symbol) : '';
  if (symbolClass === 'ColumnSymbol') {
    const column = scope.get(name);
    if (!column) return ctx.unsupported(node, `the column ${name} here`);
    return column;
  }
  const binding = ctx.lets.get(name);
  if (binding?.kind === 'scalar') return binding.expr;
  return ctx.unsupported(node, `the name ${name} in a scalar expression`);
}

/** `Metadata.file_path`, `Arguments['x']`, `Tags[0]`: JSON access with a bound path. */
function translateAccess(ctx: TranslateContext, node: KNode, scope: Scope): SqlExpr {
  const path: (string | number)[] = [];
  let current: KNode = node;
  while (ctx.kind(current) === 'PathExpression' || ctx.kind(current) === 'ElementExpression') {
    const selector = requireProp(current, 'Selector');
    path.unshift(selectorKey(ctx, selector, scope));
    current = requireProp(current, 'Expression');
  }
  const base = translateScalar(ctx, current, scope);
  if (base.type !== 'dynamic') return ctx.unsupported(node, `member access on a ${base.type} value`);
  return { sql: ctx.dialect.jsonPath(base.sql, path, ctx.marker), type: 'dynamic' };
}

function selectorKey(ctx: TranslateContext, selector: KNode, scope: Scope): string | number {
  const kind = ctx.kind(selector);
  if (kind === 'NameReference' || kind === 'TokenName' || kind === 'IdentifierName')
    return simpleName(selector);
  const inner = kind === 'BracketedExpression' ? requireProp(selector, 'Expression') : selector;
  const key = translateScalar(ctx, inner, scope);
  const value = key.constant?.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  return ctx.unsupported(selector, 'a computed or negative index');
}

function translateComparison(
  ctx: TranslateContext,
  node: KNode,
  scope: Scope,
  op: string,
  nullIsFalse = false,
): SqlExpr {
  const [left, right] = unify(
    ctx,
    translateScalar(ctx, requireProp(node, 'Left'), scope),
    translateScalar(ctx, requireProp(node, 'Right'), scope),
  );
  if (op === '=' && nullIsFalse) {
    if (left.raw && isNonEmptyText(right)) return { sql: `(${left.raw} = ${right.sql})`, type: 'bool' };
    if (right.raw && isNonEmptyText(left)) return { sql: `(${left.sql} = ${right.raw})`, type: 'bool' };
  }
  if (op === '=' || op === '<>') {
    return { sql: `(${left.sql} ${op} ${right.sql})`, type: 'bool' };
  }
  const l = isText(left.type) ? ordered(ctx, left) : left.sql;
  const r = isText(right.type) ? ordered(ctx, right) : right.sql;
  return { sql: `(${l} ${op} ${r})`, type: 'bool' };
}

function translateArithmetic(ctx: TranslateContext, node: KNode, scope: Scope, op: string): SqlExpr {
  const type = resultType(ctx, node);
  let left = translateScalar(ctx, requireProp(node, 'Left'), scope);
  let right = translateScalar(ctx, requireProp(node, 'Right'), scope);
  const folded = fold(left, right, op);
  if (folded !== undefined) return ctx.constant(folded, type);
  const d = ctx.dialect;
  if (left.type === 'dynamic') left = coerce(ctx, left, right.type === 'dynamic' ? 'real' : right.type);
  if (right.type === 'dynamic') right = coerce(ctx, right, left.type);
  if (left.type === 'datetime' && right.type === 'datetime') {
    return { sql: `(${d.toMs(left.sql)} - ${d.toMs(right.sql)})`, type: 'timespan' };
  }
  if (left.type === 'datetime' || right.type === 'datetime') {
    const [date, span] = left.type === 'datetime' ? [left, right] : [right, left];
    return { sql: d.fromMs(`(${d.toMs(date.sql)} ${op} ${span.sql})`), type: 'datetime' };
  }
  return { sql: `(${left.sql} ${op} ${right.sql})`, type };
}

/** Compile-time arithmetic on constants (`ago(1d) - 2h`, `now() + 1d`). */
function fold(left: SqlExpr, right: SqlExpr, op: string): number | undefined {
  const a = left.constant?.value;
  const b = right.constant?.value;
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  if (left.type === 'long' || left.type === 'int') {
    if ((right.type === 'long' || right.type === 'int') && (op === '/' || op === '%')) return undefined;
  }
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    default:
      return undefined;
  }
}
