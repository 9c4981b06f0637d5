import type { KqlType } from '../kql-types.js';
import { ordered } from './coerce.js';
import { scopeOf, type TranslateContext } from './context.js';
import type { Relation, RelColumn, SortKey, SqlExpr } from './sql-expr.js';

export interface OutputColumn {
  readonly name: string;
  readonly type: KqlType;
  readonly sql: string;
  /** A fixed SQL alias (summarize's prepared columns); otherwise a fresh one. */
  readonly alias?: string;
}

export interface SelectOptions {
  readonly where?: string;
  readonly distinct?: boolean;
  /** Carry the input's sort keys through (order-preserving operators). */
  readonly keepOrder?: boolean;
  /** Extra hidden sort-key columns that become the new order. */
  readonly newOrder?: readonly {
    readonly expr: SqlExpr;
    readonly desc: boolean;
    readonly nullsFirst: boolean;
  }[];
  readonly limit?: string;
  readonly from?: string;
  readonly groupBy?: readonly string[];
}

/** The alias every single-input SELECT reads its input through. */
export const INPUT = 'q';

/** Wraps a relation in `SELECT ... FROM (input) AS q`; the one place SELECTs are assembled. */
export function select(
  ctx: TranslateContext,
  input: Relation,
  outputs: readonly OutputColumn[],
  options: SelectOptions = {},
): Relation {
  const columns: RelColumn[] = outputs.map((o) => ({
    name: o.name,
    type: o.type,
    alias: o.alias ?? ctx.alias(),
  }));
  const parts = outputs.map((o, i) => `${o.sql} AS ${columns[i]?.alias}`);
  let sortKeys: SortKey[] = [];
  if (options.newOrder) {
    sortKeys = options.newOrder.map((key) => ({
      alias: ctx.alias('s'),
      type: key.expr.type,
      desc: key.desc,
      nullsFirst: key.nullsFirst,
    }));
    for (const [i, key] of options.newOrder.entries()) parts.push(`${key.expr.sql} AS ${sortKeys[i]?.alias}`);
  } else if (options.keepOrder) {
    sortKeys = [...input.sortKeys];
    for (const key of input.sortKeys) parts.push(`${INPUT}.${key.alias} AS ${key.alias}`);
  }
  let sql = `SELECT ${options.distinct ? 'DISTINCT ' : ''}${parts.length > 0 ? parts.join(', ') : 'NULL AS empty'} FROM ${options.from ?? `(${input.sql}) AS ${INPUT}`}`;
  if (options.where) sql += ` WHERE ${options.where}`;
  if (options.groupBy && options.groupBy.length > 0) sql += ` GROUP BY ${options.groupBy.join(', ')}`;
  if (options.limit !== undefined) {
    const order = orderBy(ctx, input.sortKeys, INPUT);
    sql += `${order} LIMIT ${options.limit}`;
  }
  return { sql, columns, sortKeys };
}

/** `ORDER BY` over sort-key columns read through `qualifier`, nulls placed as KQL places them. */
export function orderBy(ctx: TranslateContext, keys: readonly SortKey[], qualifier: string): string {
  if (keys.length === 0) return '';
  const terms = keys.map(
    (k) =>
      `${ordered(ctx, { sql: `${qualifier}.${k.alias}`, type: k.type })} ${k.desc ? 'DESC' : 'ASC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`,
  );
  return ` ORDER BY ${terms.join(', ')}`;
}

/** Every column of the input, unchanged. */
export function passThrough(input: Relation): OutputColumn[] {
  return input.columns.map((c) => ({ name: c.name, type: c.type, sql: `${INPUT}.${c.alias}` }));
}

export function inputScope(input: Relation): Map<string, SqlExpr> {
  return scopeOf(input, INPUT);
}
