import type { KNode } from '../kusto-library.js';
import { coerce } from './coerce.js';
import type { TranslateContext } from './context.js';
import { namedExpression, outputColumns } from './projection.js';
import { INPUT, inputScope, select } from './relation.js';
import { translateScalar } from './scalar.js';
import type { Relation } from './sql-expr.js';
import { items, kqlTypeNamed, prop, simpleName } from './syntax.js';

/** `mv-expand [Name =] DynamicArray [to typeof(T)]`: one row per element (one column per operator). */
export function translateMvExpand(ctx: TranslateContext, input: Relation, op: KNode, pipe: KNode): Relation {
  if (items(prop(op, 'Parameters')).length > 0 || prop(op, 'RowLimitClause')) {
    return ctx.unsupported(op, 'mv-expand parameters and limits');
  }
  const expansions = items(prop(op, 'Expressions'));
  if (expansions.length !== 1) return ctx.unsupported(op, 'mv-expand of several columns at once');
  const expansion = expansions[0] as KNode;
  const { name, expression } = namedExpression(ctx, prop(expansion, 'Expression') ?? expansion);
  const target = name ?? (ctx.kind(expression) === 'NameReference' ? simpleName(expression) : null);
  const value = translateScalar(ctx, expression, inputScope(input));
  if (value.type !== 'dynamic') return ctx.unsupported(expression, `mv-expand of a ${value.type} value`);
  const result = outputColumns(ctx, pipe);
  const newName = target ?? result.map((c) => c.name).find((n) => !input.columns.some((c) => c.name === n));
  const typeOf = prop(expansion, 'ToTypeOf');
  const toType = typeOf ? kqlTypeNamed(/typeof\s*\(\s*(\w+)/i.exec(typeOf.ToString())?.[1] ?? '') : 'dynamic';
  if (!toType) return ctx.unsupported(typeOf as KNode, 'this mv-expand type');
  const element = ctx.alias('e');
  const expanded = coerce(ctx, { sql: ctx.dialect.expandedValue(element), type: 'dynamic' }, toType);
  const outputs = result.map((c) => {
    if (c.name === newName) return { name: c.name, type: c.type, sql: expanded.sql };
    const source = input.columns.find((s) => s.name === c.name);
    if (!source) return ctx.unsupported(op, 'this mv-expand');
    return { name: c.name, type: c.type, sql: `${INPUT}.${source.alias}` };
  });
  const from = `(${input.sql}) AS ${INPUT} ${ctx.dialect.expandArray(value.sql, element)}`;
  return select(ctx, input, outputs, { from, keepOrder: true });
}
