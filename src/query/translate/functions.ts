import type { KqlType } from '../kql-types.js';
import type { KNode } from '../kusto-library.js';
import { KQL_TIME_ORIGIN_MS } from '../sql-dialect.js';
import { coerce, isNumeric, isText } from './coerce.js';
import type { Scope, TranslateContext } from './context.js';
import { condition, resultType, translateScalar } from './scalar.js';
import type { SqlExpr } from './sql-expr.js';
import { callArguments, simpleName } from './syntax.js';

const DAY_MS = 86_400_000;

type ScalarFunction = (ctx: TranslateContext, args: KNode[], scope: Scope, node: KNode) => SqlExpr;

const arg = (ctx: TranslateContext, args: KNode[], index: number, scope: Scope): SqlExpr => {
  const node = args[index];
  if (!node) throw new Error(`missing argument ${index}`);
  return translateScalar(ctx, node, scope);
};

const text = (ctx: TranslateContext, args: KNode[], index: number, scope: Scope): SqlExpr =>
  coerce(ctx, arg(ctx, args, index, scope), 'string');

/** Bins a datetime to a multiple of `size` ms from KQL's origin (0001-01-01). */
export function binDatetime(ctx: TranslateContext, date: SqlExpr, size: SqlExpr): SqlExpr {
  const d = ctx.dialect;
  const value = size.constant?.value ?? Number(size.sql);
  const aligned = typeof value === 'number' && Number.isInteger(value) && value > 0 && DAY_MS % value === 0;
  if (aligned && d.binAligned && date.type === 'datetime') {
    return { sql: d.fromMs(d.binAligned(d.toMs(date.sql), size.sql)), type: 'datetime' };
  }
  const origin = String(KQL_TIME_ORIGIN_MS);
  const ms = `(${d.floor(`(${d.toMs(date.sql)} - (${origin})) / ${size.sql}`)} * ${size.sql} + (${origin}))`;
  return { sql: d.fromMs(ms), type: 'datetime' };
}

function bin(ctx: TranslateContext, args: KNode[], scope: Scope, node: KNode): SqlExpr {
  const value = arg(ctx, args, 0, scope);
  const size = arg(ctx, args, 1, scope);
  if (value.type === 'datetime') return binDatetime(ctx, value, size);
  if (isNumeric(value.type) || value.type === 'timespan') {
    const type = resultType(ctx, node);
    const sql = `(${ctx.dialect.floor(`(${value.sql}) / (${size.sql})`)} * ${size.sql})`;
    return { sql: type === 'long' || type === 'int' ? ctx.dialect.toLong(sql, 'real') : sql, type };
  }
  return ctx.unsupported(node, `bin() of a ${value.type}`);
}

function nowValue(ctx: TranslateContext): number {
  return ctx.options.now.getTime();
}

const FUNCTIONS: Record<string, ScalarFunction> = {
  now: (ctx, args, scope) => {
    const offset = args.length > 0 ? arg(ctx, args, 0, scope) : ctx.constant(0, 'timespan');
    if (typeof offset.constant?.value !== 'number')
      return ctx.unsupported(args[0] as KNode, 'a computed now() offset');
    return ctx.constant(nowValue(ctx) + offset.constant.value, 'datetime');
  },
  ago: (ctx, args, scope) => {
    const span = arg(ctx, args, 0, scope);
    if (typeof span.constant?.value === 'number')
      return ctx.constant(nowValue(ctx) - span.constant.value, 'datetime');
    const d = ctx.dialect;
    return { sql: d.fromMs(`(${nowValue(ctx)} - ${span.sql})`), type: 'datetime' };
  },
  bin,
  floor: bin,
  startofday: (ctx, args, scope) => {
    const date = arg(ctx, args, 0, scope);
    const day = binDatetime(ctx, date, { sql: String(DAY_MS), type: 'timespan' });
    if (args.length < 2) return day;
    const offset = arg(ctx, args, 1, scope);
    const d = ctx.dialect;
    return { sql: d.fromMs(`(${d.toMs(day.sql)} + ${offset.sql} * ${DAY_MS})`), type: 'datetime' };
  },
  tolower: (ctx, args, scope) => ({ sql: `lower(${text(ctx, args, 0, scope).sql})`, type: 'string' }),
  toupper: (ctx, args, scope) => ({ sql: `upper(${text(ctx, args, 0, scope).sql})`, type: 'string' }),
  strlen: (ctx, args, scope) => ({ sql: ctx.dialect.strlen(text(ctx, args, 0, scope).sql), type: 'long' }),
  substring: (ctx, args, scope) => {
    const source = text(ctx, args, 0, scope).sql;
    const start = `CAST(${arg(ctx, args, 1, scope).sql} AS INTEGER) + 1`;
    const length = args.length > 2 ? `, CAST(${arg(ctx, args, 2, scope).sql} AS INTEGER)` : '';
    return { sql: `COALESCE(substr(${source}, ${start}${length}), '')`, type: 'string' };
  },
  strcat: (ctx, args, scope) => ({
    sql: `(${args.map((_, i) => `COALESCE(${text(ctx, args, i, scope).sql}, '')`).join(' || ')})`,
    type: 'string',
  }),
  split: (ctx, args, scope, node) => {
    const parts = ctx.dialect.split(text(ctx, args, 0, scope).sql, text(ctx, args, 1, scope).sql);
    if (args.length < 3) return { sql: parts, type: 'dynamic' };
    const index = arg(ctx, args, 2, scope).constant?.value;
    if (typeof index !== 'number') return ctx.unsupported(node, 'split() with a computed index');
    return {
      sql: ctx.dialect.toDynamic(ctx.dialect.jsonPath(parts, [index], ctx.marker), 'dynamic'),
      type: 'dynamic',
    };
  },
  extract: (ctx, args, scope, node) => {
    const regex = arg(ctx, args, 0, scope).constant?.value;
    const group = arg(ctx, args, 1, scope).constant?.value;
    if (typeof regex !== 'string' || typeof group !== 'number') {
      return ctx.unsupported(node, 'extract() with a computed regex or group');
    }
    if (args.length > 3) return ctx.unsupported(node, 'extract() with a type argument');
    // Wrapping the regex in a group makes group 0 (the whole match) group 1, in every dialect.
    const sql = ctx.dialect.regexExtract(
      text(ctx, args, 2, scope).sql,
      ctx.constant(`(${regex})`, 'string').sql,
      ctx.constant(group, 'long').sql,
    );
    return { sql, type: 'string' };
  },
  tostring: (ctx, args, scope) => coerce(ctx, arg(ctx, args, 0, scope), 'string'),
  toint: (ctx, args, scope) => convertNumber(ctx, arg(ctx, args, 0, scope), 'int'),
  tolong: (ctx, args, scope) => convertNumber(ctx, arg(ctx, args, 0, scope), 'long'),
  todouble: (ctx, args, scope) => convertNumber(ctx, arg(ctx, args, 0, scope), 'real'),
  toreal: (ctx, args, scope) => convertNumber(ctx, arg(ctx, args, 0, scope), 'real'),
  todatetime: (ctx, args, scope) => {
    const value = arg(ctx, args, 0, scope);
    if (value.type === 'datetime') return value;
    return { sql: ctx.dialect.parseDatetime(coerce(ctx, value, 'string').sql), type: 'datetime' };
  },
  isempty: (ctx, args, scope) => emptiness(arg(ctx, args, 0, scope), true),
  isnotempty: (ctx, args, scope) => emptiness(arg(ctx, args, 0, scope), false),
  isnull: (ctx, args, scope) => ({ sql: `(${arg(ctx, args, 0, scope).sql} IS NULL)`, type: 'bool' }),
  isnotnull: (ctx, args, scope) => ({ sql: `(${arg(ctx, args, 0, scope).sql} IS NOT NULL)`, type: 'bool' }),
  iif: conditional,
  iff: conditional,
  case: (ctx, args, scope, node) => {
    const type = resultType(ctx, node);
    const branches: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      const when = condition(ctx, args[i] as KNode, scope);
      branches.push(`WHEN ${when} THEN ${coerce(ctx, arg(ctx, args, i + 1, scope), type).sql}`);
    }
    const otherwise = coerce(ctx, arg(ctx, args, args.length - 1, scope), type).sql;
    return { sql: `(CASE ${branches.join(' ')} ELSE ${otherwise} END)`, type };
  },
  coalesce: (ctx, args, scope, node) => {
    const type = resultType(ctx, node);
    const values = args.map((_, i) => coerce(ctx, arg(ctx, args, i, scope), type).sql);
    // KQL's coalesce skips empty strings as well as nulls.
    if (isText(type))
      return { sql: `COALESCE(${values.map((v) => `NULLIF(${v}, '')`).join(', ')}, '')`, type };
    return { sql: `COALESCE(${values.join(', ')})`, type };
  },
  array_length: (ctx, args, scope) => ({
    sql: ctx.dialect.jsonArrayLength(arg(ctx, args, 0, scope).sql),
    type: 'long',
  }),
  parse_json: parseJson,
  todynamic: parseJson,
  not: (ctx, args, scope) => ({ sql: `(NOT ${condition(ctx, args[0] as KNode, scope)})`, type: 'bool' }),
  abs: (ctx, args, scope, node) => ({
    sql: `abs(${arg(ctx, args, 0, scope).sql})`,
    type: resultType(ctx, node),
  }),
};

function conditional(ctx: TranslateContext, args: KNode[], scope: Scope, node: KNode): SqlExpr {
  const type = resultType(ctx, node);
  const when = condition(ctx, args[0] as KNode, scope);
  const then = coerce(ctx, arg(ctx, args, 1, scope), type).sql;
  const otherwise = coerce(ctx, arg(ctx, args, 2, scope), type).sql;
  return { sql: `(CASE WHEN ${when} THEN ${then} ELSE ${otherwise} END)`, type };
}

function parseJson(ctx: TranslateContext, args: KNode[], scope: Scope): SqlExpr {
  const value = arg(ctx, args, 0, scope);
  if (value.type === 'dynamic') return value;
  if (!isText(value.type)) return coerce(ctx, value, 'dynamic');
  return { sql: ctx.dialect.parseJson(value.sql), type: 'dynamic' };
}

function emptiness(value: SqlExpr, empty: boolean): SqlExpr {
  const test = isText(value.type) ? `(${value.sql} IS NULL OR ${value.sql} = '')` : `(${value.sql} IS NULL)`;
  return { sql: empty ? test : `(NOT ${test})`, type: 'bool' };
}

function convertNumber(ctx: TranslateContext, value: SqlExpr, type: KqlType): SqlExpr {
  const d = ctx.dialect;
  const source = value.type === 'timespan' ? 'real' : value.type;
  if (source === 'datetime') return { sql: d.toLong(d.toMs(value.sql), 'real'), type };
  const sql = type === 'real' ? d.toReal(value.sql, source) : d.toLong(value.sql, source);
  return { sql, type };
}

/** Names of the scalar functions hunting translates (for the README and errors). */
export const SCALAR_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

export function translateFunction(ctx: TranslateContext, node: KNode, scope: Scope): SqlExpr {
  const name = simpleName(node).toLowerCase();
  const fn = FUNCTIONS[name];
  if (!fn) return ctx.unsupported(node, `the function ${name}()`);
  return fn(ctx, callArguments(node), scope, node);
}
