import { sourceTable } from '../hunting-schema.js';
import type { KNode } from '../kusto-library.js';
import type { Scope, TranslateContext } from './context.js';
import { translateJoin } from './join.js';
import { translateMvExpand } from './mv-expand.js';
import { extendOutputs, namedOutputs, projectByName, renameOutputs } from './projection.js';
import { inputScope, passThrough, select } from './relation.js';
import { condition, filterCondition, translateScalar } from './scalar.js';
import type { BaseTable, Relation, RelColumn, SqlExpr } from './sql-expr.js';
import { translateSummarize } from './summarize.js';
import { items, prop, requireProp, simpleName } from './syntax.js';
import { translateUnion } from './union.js';

/** The relation of a tabular expression: a table, a `let` table, or a pipeline. */
export function translateTabular(ctx: TranslateContext, node: KNode): Relation {
  const kind = ctx.kind(node);
  if (kind === 'PipeExpression') {
    const input = translateTabular(ctx, requireProp(node, 'Expression'));
    const output = translateOperator(ctx, input, requireProp(node, 'Operator'), node);
    ctx.checkSize(output.sql, node);
    return output;
  }
  if (kind === 'ParenthesizedExpression') return translateTabular(ctx, requireProp(node, 'Expression'));
  if (kind === 'NameReference') return tableReference(ctx, node);
  if (kind === 'UnionOperator') {
    const union = translateUnion(ctx, null, node, node);
    ctx.checkSize(union.sql, node);
    return union;
  }
  return ctx.unsupported(node, `the tabular expression ${ctx.source(node, 40)}`);
}

function tableReference(ctx: TranslateContext, node: KNode): Relation {
  const name = simpleName(node);
  const binding = ctx.lets.get(name);
  if (binding?.kind === 'table') return binding.relation;
  const table = sourceTable(name);
  if (!table) return ctx.unsupported(node, `the table ${name}`);
  const d = ctx.dialect;
  const columns = table.columns.map((c) => ({ name: c.name, type: c.type, alias: ctx.alias() }));
  const scope = new Map<string, SqlExpr>();
  for (const c of table.columns) {
    const sql = d.column(c.sql, c.type, c.nullable ?? false);
    scope.set(c.name, sql === c.sql ? { sql, type: c.type } : { sql, type: c.type, raw: c.sql });
  }
  const parts = table.columns.map((c, i) => `${scope.get(c.name)?.sql} AS ${columns[i]?.alias}`);
  const where: string[] = [];
  const span = ctx.options.timespan;
  const time = table.columns.find((c) => c.name === 'TimeGenerated');
  if (span && time) {
    const from = ctx.constant(Date.parse(span.from), 'datetime').sql;
    const to = ctx.constant(Date.parse(span.to), 'datetime').sql;
    where.push(`${time.sql} >= ${from} AND ${time.sql} <= ${to}`);
  }
  return baseRelation(columns, { select: `SELECT ${parts.join(', ')} FROM ${table.sqlTable}`, where, scope });
}

function baseRelation(columns: readonly RelColumn[], base: BaseTable): Relation {
  // Each condition is whole SQL on its own; parenthesized once there are several to AND.
  const conditions = base.where.length > 1 ? base.where.map((w) => `(${w})`) : base.where;
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `${base.select}${where}`, columns, sortKeys: [], base };
}

/**
 * A `where` straight on a stored table joins the table's own WHERE: no subquery between them, and
 * the condition reads the stored columns (bare where KQL allows) so indexes and statistics apply.
 */
function filter(ctx: TranslateContext, input: Relation, node: KNode, scope: Scope): Relation {
  const base = input.base;
  if (!base)
    return select(ctx, input, passThrough(input), { where: condition(ctx, node, scope), keepOrder: true });
  return baseRelation(input.columns, {
    ...base,
    where: [...base.where, filterCondition(ctx, node, base.scope)],
  });
}

function translateOperator(ctx: TranslateContext, input: Relation, op: KNode, pipe: KNode): Relation {
  const kind = ctx.kind(op);
  const scope = inputScope(input);
  switch (kind) {
    case 'FilterOperator':
      return filter(ctx, input, requireProp(op, 'Condition'), scope);
    case 'TakeOperator':
      return select(ctx, input, passThrough(input), {
        limit: rowCount(ctx, requireProp(op, 'Expression')),
        keepOrder: true,
      });
    case 'SortOperator':
      return select(ctx, input, passThrough(input), {
        newOrder: items(prop(op, 'Expressions')).map((e) => orderedKey(ctx, e, scope)),
      });
    case 'TopOperator': {
      const sorted = select(ctx, input, passThrough(input), {
        newOrder: [orderedKey(ctx, requireProp(op, 'ByExpression'), scope)],
      });
      return select(ctx, sorted, passThrough(sorted), {
        limit: rowCount(ctx, requireProp(op, 'Expression')),
        keepOrder: true,
      });
    }
    case 'ProjectOperator':
      return select(ctx, input, namedOutputs(ctx, items(prop(op, 'Expressions')), scope, pipe), {
        keepOrder: true,
      });
    case 'ExtendOperator':
      return select(ctx, input, extendOutputs(ctx, input, items(prop(op, 'Expressions')), scope, pipe), {
        keepOrder: true,
      });
    case 'ProjectAwayOperator':
    case 'ProjectKeepOperator':
    case 'ProjectReorderOperator':
      return select(ctx, input, projectByName(ctx, input, pipe, new Map()), { keepOrder: true });
    case 'ProjectRenameOperator':
      return select(ctx, input, renameOutputs(ctx, input, items(prop(op, 'Expressions')), pipe), {
        keepOrder: true,
      });
    case 'DistinctOperator': {
      const expressions = items(prop(op, 'Expressions'));
      const star = expressions.length === 1 && ctx.kind(expressions[0] as KNode) === 'StarExpression';
      const outputs = star ? passThrough(input) : namedOutputs(ctx, expressions, scope, pipe);
      return select(ctx, input, outputs, { distinct: true });
    }
    case 'CountOperator':
      return select(ctx, input, [{ name: countName(op), type: 'long', sql: 'COUNT(*)' }]);
    case 'SummarizeOperator':
      return translateSummarize(ctx, input, op, pipe);
    case 'JoinOperator':
      return translateJoin(ctx, input, op, pipe);
    case 'UnionOperator':
      return translateUnion(ctx, input, op, pipe);
    case 'MvExpandOperator':
      return translateMvExpand(ctx, input, op, pipe);
    case 'RenderOperator':
      ctx.render = renderHint(op);
      return input;
    default:
      return ctx.unsupported(op, `the ${operatorName(ctx, op)} operator`);
  }
}

function countName(op: KNode): string {
  const clause = prop(op, 'AsIdentifier');
  const identifier = clause ? prop(clause, 'Identifier') : null;
  return identifier ? identifier.Text.trim() : 'Count';
}

/** The first keyword of an operator (`parse`, `lookup`, `make-series`) for messages. */
function operatorName(ctx: TranslateContext, op: KNode): string {
  return ctx.source(op).split(/[\s(]/)[0] ?? 'this';
}

/** A constant row count for take/top/limit (bound as a value). */
function rowCount(ctx: TranslateContext, node: KNode): string {
  const value = translateScalar(ctx, node, new Map()).constant?.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return ctx.invalid(node, 'the row count must be a constant non-negative integer');
  }
  return ctx.constant(value, 'long').sql;
}

function orderedKey(
  ctx: TranslateContext,
  node: KNode,
  scope: ReadonlyMap<string, SqlExpr>,
): { expr: SqlExpr; desc: boolean; nullsFirst: boolean } {
  const isOrdered = ctx.kind(node) === 'OrderedExpression';
  const expression = isOrdered ? requireProp(node, 'Expression') : node;
  const clause = isOrdered ? prop(node, 'Ordering') : null;
  // Token text without spaces: `asc`, `descnullsfirst`, `ascnullslast`.
  const clauseText = clause ? clause.ToString().replace(/\s+/g, '').toLowerCase() : '';
  const desc = !clauseText.startsWith('asc');
  const nullsFirst = clauseText.endsWith('nullsfirst')
    ? true
    : clauseText.endsWith('nullslast')
      ? false
      : !desc;
  const expr = translateScalar(ctx, expression, scope);
  return { expr, desc, nullsFirst };
}

function renderHint(op: KNode): { visualization: string; properties: Record<string, string> } {
  const chart = prop(op, 'ChartType');
  const properties: Record<string, string> = {};
  const withClause = prop(op, 'WithClause');
  for (const parameter of items(withClause ? prop(withClause, 'Properties') : null)) {
    const name = prop(parameter, 'Name');
    const value = prop(parameter, 'Expression');
    if (!name || !value) continue;
    const literal = value.IsLiteral ? value.LiteralValue : null;
    properties[name.ToString().trim()] =
      typeof literal === 'string' ? literal : String(literal ?? value.ToString().trim());
  }
  return { visualization: chart ? chart.Text.trim() : 'table', properties };
}
