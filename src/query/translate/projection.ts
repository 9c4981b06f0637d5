import type { KNode } from '../kusto-library.js';
import { coerce } from './coerce.js';
import type { Scope, TranslateContext } from './context.js';
import { INPUT, type OutputColumn } from './relation.js';
import { translateScalar } from './scalar.js';
import type { Relation, SqlExpr } from './sql-expr.js';
import { declaredName, prop, requireProp, resultColumns, simpleName } from './syntax.js';

/** The analyser's result columns of an operator; their names and types are authoritative. */
export function outputColumns(ctx: TranslateContext, pipe: KNode) {
  const columns = resultColumns(pipe);
  for (const c of columns) if (!c.type) ctx.unsupported(pipe, `the column ${c.name} of an unsupported type`);
  return columns as { name: string; type: NonNullable<(typeof columns)[number]['type']> }[];
}

/** The expression of `Name = expr` or `expr`, and the declared name if any. */
export function namedExpression(
  ctx: TranslateContext,
  node: KNode,
): { name: string | null; expression: KNode } {
  const kind = ctx.kind(node);
  if (kind === 'SimpleNamedExpression') {
    return { name: declaredName(requireProp(node, 'Name')), expression: requireProp(node, 'Expression') };
  }
  if (kind === 'CompoundNamedExpression')
    return ctx.unsupported(node, 'naming several columns at once, (a, b) = ...,');
  return { name: null, expression: node };
}

/** `project a, b = expr, ...`: one output per expression, named as the analyser named it. */
export function namedOutputs(
  ctx: TranslateContext,
  expressions: KNode[],
  scope: Scope,
  pipe: KNode,
): OutputColumn[] {
  const result = outputColumns(ctx, pipe);
  if (result.length !== expressions.length) return ctx.unsupported(pipe, 'this projection');
  return expressions.map((node, i) => {
    const { expression } = namedExpression(ctx, node);
    const column = result[i] as (typeof result)[number];
    return {
      name: column.name,
      type: column.type,
      sql: typed(ctx, translateScalar(ctx, expression, scope), column.type),
    };
  });
}

function typed(ctx: TranslateContext, expr: SqlExpr, type: SqlExpr['type']): string {
  return coerce(ctx, expr, type).sql;
}

/** `extend`: the input's columns, replaced or followed by the new ones, in the analyser's order. */
export function extendOutputs(
  ctx: TranslateContext,
  input: Relation,
  expressions: KNode[],
  scope: Scope,
  pipe: KNode,
): OutputColumn[] {
  const result = outputColumns(ctx, pipe);
  const inputNames = new Set(input.columns.map((c) => c.name));
  const named = expressions.map((node) => namedExpression(ctx, node));
  const claimed = new Set(named.map((n) => n.name).filter((n): n is string => n !== null));
  const fresh = result.map((c) => c.name).filter((name) => !inputNames.has(name) && !claimed.has(name));
  const computed = new Map<string, SqlExpr>();
  for (const { name, expression } of named) {
    const own =
      name ?? (ctx.kind(expression) === 'NameReference' ? simpleName(expression) : (fresh.shift() ?? null));
    if (!own) return ctx.unsupported(expression, 'this extend');
    computed.set(own, translateScalar(ctx, expression, scope));
  }
  return result.map((c) => {
    const expr = computed.get(c.name);
    if (expr) return { name: c.name, type: c.type, sql: typed(ctx, expr, c.type) };
    return fromInput(ctx, input, c.name, pipe);
  });
}

function fromInput(
  ctx: TranslateContext,
  input: Relation,
  name: string,
  pipe: KNode,
  as = name,
): OutputColumn {
  const column = input.columns.find((c) => c.name === name);
  if (!column) return ctx.unsupported(pipe, `the column ${name} here`);
  return { name: as, type: column.type, sql: `${INPUT}.${column.alias}` };
}

/** project-away, project-keep, project-reorder: the analyser's columns picked from the input. */
export function projectByName(
  ctx: TranslateContext,
  input: Relation,
  pipe: KNode,
  renames: ReadonlyMap<string, string>,
): OutputColumn[] {
  return outputColumns(ctx, pipe).map((c) =>
    fromInput(ctx, input, renames.get(c.name) ?? c.name, pipe, c.name),
  );
}

/** `project-rename New = Old, ...`. */
export function renameOutputs(
  ctx: TranslateContext,
  input: Relation,
  expressions: KNode[],
  pipe: KNode,
): OutputColumn[] {
  const renames = new Map<string, string>();
  for (const node of expressions) {
    const { name, expression } = namedExpression(ctx, node);
    if (name && prop(expression, 'Name')) renames.set(name, simpleName(expression));
  }
  return projectByName(ctx, input, pipe, renames);
}
