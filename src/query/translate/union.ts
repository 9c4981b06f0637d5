import type { KNode } from '../kusto-library.js';
import { coerce } from './coerce.js';
import type { TranslateContext } from './context.js';
import { outputColumns } from './projection.js';
import { INPUT, select } from './relation.js';
import type { Relation } from './sql-expr.js';
import { items, prop } from './syntax.js';
import { translateTabular } from './tabular.js';

/** `T | union U, V` or `union T, U`: UNION ALL with each side's columns aligned to the result. */
export function translateUnion(
  ctx: TranslateContext,
  input: Relation | null,
  op: KNode,
  pipe: KNode,
): Relation {
  for (const parameter of items(prop(op, 'Parameters'))) {
    const name = prop(parameter, 'Name')?.ToString().trim().toLowerCase();
    const value = prop(parameter, 'Expression')?.ToString().trim().toLowerCase();
    if (name !== 'kind' || (value !== 'outer' && value !== 'inner')) {
      return ctx.unsupported(parameter, `the union parameter ${name}`);
    }
  }
  const sides = [
    ...(input ? [input] : []),
    ...items(prop(op, 'Expressions')).map((e) => translateTabular(ctx, e)),
  ];
  const result = outputColumns(ctx, pipe);
  const aliases = result.map(() => ctx.alias());
  const branches = sides.map((side) =>
    select(
      ctx,
      side,
      result.map((c, i) => {
        const source =
          side.columns.find((s) => s.name === c.name && s.type === c.type) ??
          side.columns.find((s) => `${s.name}_${s.type}` === c.name) ??
          side.columns.find((s) => s.name === c.name);
        const sql = source
          ? coerce(ctx, { sql: `${INPUT}.${source.alias}`, type: source.type }, c.type).sql
          : ctx.dialect.nullOf(c.type);
        return { name: c.name, type: c.type, sql, alias: aliases[i] as string };
      }),
    ),
  );
  return {
    sql: branches.map((b) => b.sql).join(' UNION ALL '),
    columns: result.map((c, i) => ({ name: c.name, type: c.type, alias: aliases[i] as string })),
    sortKeys: [],
  };
}
