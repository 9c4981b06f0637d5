import type { KqlType } from '../kql-types.js';
import type { KNode } from '../kusto-library.js';
import { coerce, isText, ordered } from './coerce.js';
import type { Scope, TranslateContext } from './context.js';
import { namedExpression, outputColumns } from './projection.js';
import { INPUT, inputScope, type OutputColumn, select } from './relation.js';
import { translateScalar } from './scalar.js';
import type { Relation, SqlExpr } from './sql-expr.js';
import { callArguments, items, prop, simpleName } from './syntax.js';

/** Columns computed per input row before grouping (keys, aggregate arguments). */
class Prepared {
  readonly outputs: OutputColumn[] = [];
  readonly windows: OutputColumn[] = [];

  constructor(private readonly ctx: TranslateContext) {}

  /** Adds a per-row value; returns its name in the grouped SELECT. */
  add(expr: SqlExpr): SqlExpr {
    const name = this.ctx.alias('a');
    this.outputs.push({ name, type: expr.type, sql: expr.sql, alias: name });
    return { sql: `${INPUT}.${name}`, type: expr.type };
  }

  /** Adds a window value over the prepared columns (partitioned by the keys). */
  window(sql: string, type: KqlType): SqlExpr {
    const name = this.ctx.alias('w');
    this.windows.push({ name, type, sql, alias: name });
    return { sql: `${INPUT}.${name}`, type };
  }
}

/** One aggregation call in a summarize, with what translating it needs. */
interface AggregateCall {
  readonly ctx: TranslateContext;
  readonly args: KNode[];
  readonly scope: Scope;
  readonly prep: Prepared;
  /** `PARTITION BY <keys> ` (or '') for window functions over the groups. */
  readonly partition: string;
  readonly call: KNode;
  /** The input columns `*` stands for in arg_max/arg_min (the analyser's rule). */
  readonly starColumns: readonly SqlExpr[];
}

type Aggregate = (a: AggregateCall) => string[];

const first = (a: AggregateCall): SqlExpr => a.prep.add(translateScalar(a.ctx, a.args[0] as KNode, a.scope));

const AGGREGATES: Record<string, Aggregate> = {
  count: () => ['COUNT(*)'],
  countif: (a) => [`COALESCE(SUM(CASE WHEN ${coerce(a.ctx, first(a), 'bool').sql} THEN 1 ELSE 0 END), 0)`],
  dcount: (a) => [`COUNT(DISTINCT ${first(a).sql})`],
  sum: (a) => [`SUM(${first(a).sql})`],
  avg: (a) => [`AVG(${numeric(a.ctx, first(a))})`],
  min: (a) => [extreme(a.ctx, first(a), 'MIN')],
  max: (a) => [extreme(a.ctx, first(a), 'MAX')],
  make_set: (a) => [array(a, true)],
  make_list: (a) => [array(a, false)],
  arg_max: (a) => argExtreme(a, true),
  arg_min: (a) => argExtreme(a, false),
  percentile: percentiles,
  percentiles,
};

/** Names of the aggregation functions hunting translates (for the README and errors). */
export const AGGREGATE_FUNCTIONS: readonly string[] = Object.keys(AGGREGATES);

function numeric(ctx: TranslateContext, value: SqlExpr): string {
  return value.type === 'dynamic' ? coerce(ctx, value, 'real').sql : value.sql;
}

function extreme(ctx: TranslateContext, value: SqlExpr, fn: 'MIN' | 'MAX'): string {
  if (value.type === 'bool')
    return fn === 'MIN' ? ctx.dialect.boolMin(value.sql) : ctx.dialect.boolMax(value.sql);
  if (value.type === 'dynamic') return `${fn}(${coerce(ctx, value, 'real').sql})`;
  return `${fn}(${isText(value.type) ? ordered(ctx, value) : value.sql})`;
}

function array(a: AggregateCall, distinct: boolean): string {
  const value = first(a);
  return a.ctx.dialect.aggregateArray(value.sql, value.type, distinct);
}

/** The row with the largest (smallest) value per group, via a row number over the group. */
function argExtreme(a: AggregateCall, max: boolean): string[] {
  const { ctx, prep } = a;
  const [target, ...rest] = a.args;
  if (!target) return ctx.unsupported(a.call, 'arg_max() without arguments');
  const value = prep.add(translateScalar(ctx, target, a.scope));
  const order = `${ordered(ctx, value)} ${max ? 'DESC' : 'ASC'} NULLS LAST`;
  const rank = prep.window(`ROW_NUMBER() OVER (${a.partition}ORDER BY ${order})`, 'long');
  const picked = (expr: SqlExpr) => ctx.dialect.pick(expr.sql, expr.type, `${rank.sql} = 1`);
  const outputs = [picked(value)];
  const star = rest.length === 1 && ctx.kind(rest[0] as KNode) === 'StarExpression';
  const columns = star
    ? a.starColumns
    : rest.map((n) => translateScalar(ctx, namedExpression(ctx, n).expression, a.scope));
  for (const column of columns) outputs.push(picked(prep.add(column)));
  return outputs;
}

/** KQL's nearest-rank percentile: the value at rank ceil(p/100 * n) of the sorted non-null values. */
function percentiles(a: AggregateCall): string[] {
  const { ctx, prep } = a;
  const [target, ...levels] = a.args;
  if (!target || levels.length === 0) return ctx.unsupported(a.call, 'percentile() without a level');
  const value = prep.add(translateScalar(ctx, target, a.scope));
  const rank = prep.window(`ROW_NUMBER() OVER (${a.partition}ORDER BY ${value.sql} ASC NULLS LAST)`, 'long');
  const count = prep.window(`COUNT(${value.sql}) OVER (${a.partition.trim()})`, 'long');
  return levels.map((level) => {
    const p = translateScalar(ctx, level, a.scope).constant?.value;
    if (typeof p !== 'number' || p < 0 || p > 100) {
      return ctx.invalid(level, 'the percentile must be a constant from 0 to 100');
    }
    const ceil = ctx.dialect.ceil(`${ctx.constant(p, 'real').sql} * ${count.sql} / 100.0`);
    return ctx.dialect.pick(
      value.sql,
      value.type,
      `${rank.sql} = (CASE WHEN ${ceil} < 1 THEN 1 ELSE ${ceil} END)`,
    );
  });
}

/** `summarize aggregates by keys`: keys and arguments per row, windows if needed, then GROUP BY. */
export function translateSummarize(ctx: TranslateContext, input: Relation, op: KNode, pipe: KNode): Relation {
  const scope = inputScope(input);
  const result = outputColumns(ctx, pipe);
  const byClause = prop(op, 'ByClause');
  if (byClause && prop(byClause, 'BinClause')) return ctx.unsupported(byClause, 'summarize ... by ... bin=');
  const byNodes = items(byClause ? prop(byClause, 'Expressions') : null).map((n) => namedExpression(ctx, n));
  const aggregates = items(prop(op, 'Aggregates')).map((n) => namedExpression(ctx, n));
  const prep = new Prepared(ctx);
  const keys = byNodes.map(({ expression }) => prep.add(translateScalar(ctx, expression, scope)));
  const keyColumns = keys.map((k) => k.sql.slice(INPUT.length + 1));
  const partition = keyColumns.length > 0 ? `PARTITION BY ${keyColumns.join(', ')} ` : '';
  const excluded = new Set(
    byNodes
      .filter(({ expression }) => ctx.kind(expression) === 'NameReference')
      .map(({ expression }) => simpleName(expression)),
  );
  const aggregateSql: string[] = [];
  for (const { expression } of aggregates) {
    if (ctx.kind(expression) !== 'FunctionCallExpression')
      return ctx.unsupported(expression, 'this aggregation');
    const name = simpleName(expression).toLowerCase();
    const fn = AGGREGATES[name];
    if (!fn) return ctx.unsupported(expression, `the aggregation function ${name}()`);
    const args = callArguments(expression);
    // `*` is every input column but the by-columns named bare and a bare first argument.
    const skip = new Set(excluded);
    if (args[0] && ctx.kind(args[0]) === 'NameReference') skip.add(simpleName(args[0]));
    const starColumns = input.columns
      .filter((c) => !skip.has(c.name))
      .map((c) => scope.get(c.name) as SqlExpr);
    aggregateSql.push(...fn({ ctx, args, scope, prep, partition, call: expression, starColumns }));
  }
  const expressions = [...keys.map((k) => k.sql), ...aggregateSql];
  if (expressions.length !== result.length) return ctx.unsupported(op, 'this summarize');
  // Keys and arguments are computed once per row below, so GROUP BY names plain columns (PostgreSQL
  // would not match `bin($1)` in SELECT with `bin($2)` in GROUP BY).
  let prepared = select(ctx, input, prep.outputs, {});
  if (prep.windows.length > 0) {
    const carried = prep.outputs.map((o) => ({ ...o, sql: `${INPUT}.${o.name}` }));
    prepared = select(ctx, prepared, [...carried, ...prep.windows], {});
  }
  const outputs = result.map((c, i) => ({ name: c.name, type: c.type, sql: expressions[i] as string }));
  // Time keys (`bin(TimeGenerated, 1h)`) group first: rows arrive in time order from the time
  // index, so grouping sorts nearly sorted input. The output columns keep the query's order.
  const timeFirst = [
    ...keys.filter((k) => k.type === 'datetime'),
    ...keys.filter((k) => k.type !== 'datetime'),
  ];
  return select(ctx, prepared, outputs, { groupBy: timeFirst.map((k) => k.sql) });
}
