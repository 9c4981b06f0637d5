import type { KNode } from '../kusto-library.js';
import { unify } from './coerce.js';
import { scopeOf, type TranslateContext } from './context.js';
import { outputColumns } from './projection.js';
import { INPUT, type OutputColumn, passThrough, select } from './relation.js';
import type { Relation } from './sql-expr.js';
import { items, prop, requireProp, simpleName } from './syntax.js';
import { translateTabular } from './tabular.js';

const KINDS = [
  'inner',
  'innerunique',
  'leftouter',
  'rightouter',
  'fullouter',
  'leftsemi',
  'leftanti',
  'rightsemi',
  'rightanti',
];

/** `join kind=... (right) on key, $left.a == $right.b`. */
export function translateJoin(ctx: TranslateContext, left: Relation, op: KNode, pipe: KNode): Relation {
  const kind = joinKind(ctx, op);
  const right = translateTabular(ctx, requireProp(op, 'Expression'));
  const clause = requireProp(op, 'ConditionClause');
  if (ctx.kind(clause) !== 'JoinOnClause') return ctx.unsupported(clause, 'join ... where');
  const pairs = items(prop(clause, 'Expressions')).flatMap((e) => keyPairs(ctx, e));
  let leftSide = left;
  let where: string | undefined;
  if (kind === 'innerunique') {
    // KQL's default join keeps one left row per key before joining.
    const keys = pairs.map(([l]) => (scopeOf(left, INPUT).get(l) as { sql: string }).sql);
    const rank = ctx.alias('u');
    leftSide = select(ctx, left, [
      ...passThrough(left),
      { name: rank, type: 'long', sql: `ROW_NUMBER() OVER (PARTITION BY ${keys.join(', ')})`, alias: rank },
    ]);
    where = `l.${rank} = 1`;
  }
  const leftScope = scopeOf(leftSide, 'l');
  const rightScope = scopeOf(right, 'r');
  const conditions = pairs.map(([l, r]) => {
    const a = leftScope.get(l);
    const b = rightScope.get(r);
    if (!a || !b) return ctx.unsupported(clause, `joining on ${l} and ${r}`);
    const [x, y] = unify(ctx, a, b);
    return `${x.sql} = ${y.sql}`;
  });
  const on = conditions.join(' AND ');
  const result = outputColumns(ctx, pipe);
  const leftColumns = leftSide.columns.slice(0, left.columns.length).map((c) => ({ ...c, qualifier: 'l' }));
  const rightColumns = right.columns.map((c) => ({ ...c, qualifier: 'r' }));
  const visible =
    kind === 'leftsemi' || kind === 'leftanti'
      ? leftColumns
      : kind === 'rightsemi' || kind === 'rightanti'
        ? rightColumns
        : [...leftColumns, ...rightColumns];
  if (visible.length !== result.length) return ctx.unsupported(op, 'this join');
  const outputs: OutputColumn[] = result.map((c, i) => {
    const source = visible[i] as (typeof visible)[number];
    return { name: c.name, type: c.type, sql: `${source.qualifier}.${source.alias}` };
  });
  const from = (join: string) => `(${leftSide.sql}) AS l ${join} (${right.sql}) AS r ON ${on}`;
  switch (kind) {
    case 'inner':
    case 'innerunique':
      return select(ctx, left, outputs, { from: from('JOIN'), where });
    case 'leftouter':
      return select(ctx, left, outputs, { from: from('LEFT JOIN') });
    case 'rightouter':
      return select(ctx, left, outputs, { from: from('RIGHT JOIN') });
    case 'fullouter':
      return select(ctx, left, outputs, { from: from('FULL JOIN') });
    default: {
      const [outer, inner, innerAlias] = kind.startsWith('left')
        ? [leftSide, right, 'r']
        : [right, leftSide, 'l'];
      const exists = `EXISTS (SELECT 1 FROM (${inner.sql}) AS ${innerAlias} WHERE ${on})`;
      return select(ctx, left, outputs, {
        from: `(${outer.sql}) AS ${innerAlias === 'r' ? 'l' : 'r'}`,
        where: kind.endsWith('anti') ? `NOT ${exists}` : exists,
      });
    }
  }
}

function joinKind(ctx: TranslateContext, op: KNode): string {
  for (const parameter of items(prop(op, 'Parameters'))) {
    const name = prop(parameter, 'Name')?.ToString().trim().toLowerCase();
    const value = prop(parameter, 'Expression')?.ToString().trim().toLowerCase() ?? '';
    if (name !== 'kind') return ctx.unsupported(parameter, `the join parameter ${name}`);
    if (!KINDS.includes(value)) return ctx.unsupported(parameter, `join kind=${value}`);
    return value;
  }
  return 'innerunique';
}

/** Column pairs of one `on` term: `Key`, `$left.A == $right.B`, or several joined by `and`. */
function keyPairs(ctx: TranslateContext, node: KNode): [string, string][] {
  const kind = ctx.kind(node);
  if (kind === 'NameReference') {
    const name = simpleName(node);
    return [[name, name]];
  }
  if (kind === 'AndExpression') {
    return [...keyPairs(ctx, requireProp(node, 'Left')), ...keyPairs(ctx, requireProp(node, 'Right'))];
  }
  if (kind === 'EqualExpression') {
    const a = sidedName(ctx, requireProp(node, 'Left'));
    const b = sidedName(ctx, requireProp(node, 'Right'));
    if (a.side === 'left' && b.side === 'right') return [[a.name, b.name]];
    if (a.side === 'right' && b.side === 'left') return [[b.name, a.name]];
  }
  return ctx.unsupported(node, 'this join condition');
}

function sidedName(ctx: TranslateContext, node: KNode): { side: string; name: string } {
  if (ctx.kind(node) !== 'PathExpression') return ctx.unsupported(node, 'this join condition');
  const side = requireProp(node, 'Expression').ToString().trim().replace(/^\$/, '').toLowerCase();
  return { side, name: simpleName(requireProp(node, 'Selector')) };
}
