import type { KqlType } from '../kql-types.js';
import type { TranslateContext } from './context.js';
import type { SqlExpr } from './sql-expr.js';

const NUMERIC = new Set<KqlType>(['long', 'int', 'real']);

export function isNumeric(type: KqlType): boolean {
  return NUMERIC.has(type);
}

export function isText(type: KqlType): boolean {
  return type === 'string' || type === 'guid';
}

/** A compile-time constant string other than '' (a test against it cannot hold for ''). */
export function isNonEmptyText(expr: SqlExpr): boolean {
  return isText(expr.type) && typeof expr.constant?.value === 'string' && expr.constant.value !== '';
}

/** The value of a dynamic (or other) expression as a scalar of `target`, as KQL converts. */
export function coerce(ctx: TranslateContext, expr: SqlExpr, target: KqlType): SqlExpr {
  if (expr.type === target) return expr;
  const d = ctx.dialect;
  if (isNumeric(expr.type) && isNumeric(target)) return expr;
  if (expr.type === 'dynamic') {
    if (isText(target)) return { sql: d.jsonText(expr.sql), type: target };
    if (isNumeric(target) || target === 'timespan') return { sql: d.jsonNumber(expr.sql), type: target };
    if (target === 'bool') return { sql: d.jsonBool(expr.sql), type: target };
    if (target === 'datetime') return { sql: d.parseDatetime(d.jsonText(expr.sql)), type: target };
  }
  if (target === 'dynamic') return { sql: d.toDynamic(expr.sql, expr.type), type: 'dynamic' };
  if (isText(target)) return { sql: d.toText(expr.sql, expr.type), type: target };
  return expr;
}

/** Brings two operands to one comparable type (a dynamic side takes the other side's type). */
export function unify(ctx: TranslateContext, left: SqlExpr, right: SqlExpr): [SqlExpr, SqlExpr] {
  if (left.type === 'dynamic' && right.type !== 'dynamic') return [coerce(ctx, left, right.type), right];
  if (right.type === 'dynamic' && left.type !== 'dynamic') return [left, coerce(ctx, right, left.type)];
  if (left.type === 'dynamic' && right.type === 'dynamic') {
    return [coerce(ctx, left, 'string'), coerce(ctx, right, 'string')];
  }
  if (isText(left.type) !== isText(right.type)) {
    return [coerce(ctx, left, 'string'), coerce(ctx, right, 'string')];
  }
  return [left, right];
}

/** Text as the dialect compares it (byte order), for ordering comparisons and sorts. */
export function ordered(ctx: TranslateContext, expr: SqlExpr): string {
  if (isText(expr.type)) return ctx.dialect.collate(expr.sql);
  // Dynamic values sort by their text on both stores (JSONB's own order has no SQLite twin).
  if (expr.type === 'dynamic') return ctx.dialect.collate(`CAST(${ctx.dialect.jsonText(expr.sql)} AS TEXT)`);
  return expr.sql;
}
