import type { KNode } from '../kusto-library.js';
import type { TranslateContext } from './context.js';
import type { SqlExpr } from './sql-expr.js';

const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
  microsecond: 0.001,
  microseconds: 0.001,
  tick: 0.0001,
  ticks: 0.0001,
};

/** Milliseconds of a KQL timespan literal (`7d`, `1.5h`, `100ms`, `time(1.02:03:04)`), or null. */
export function parseTimespan(text: string): number | null {
  const inner = /^\s*(?:time|timespan)\s*\(\s*(.*?)\s*\)\s*$/i.exec(text)?.[1] ?? text.trim();
  const unit = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(inner);
  if (unit?.[1] && unit[2]) {
    const factor = UNIT_MS[unit[2].toLowerCase()];
    return factor === undefined ? null : Number(unit[1]) * factor;
  }
  const clock = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(inner);
  if (clock) {
    const [, sign, days, hours, minutes, seconds, fraction] = clock;
    const ms =
      Number(days ?? 0) * 86_400_000 +
      Number(hours) * 3_600_000 +
      Number(minutes) * 60_000 +
      Number(seconds ?? 0) * 1000 +
      Number(fraction ?? 0) * 1000;
    return sign ? -ms : ms;
  }
  if (/^-?\d+(?:\.\d+)?$/.test(inner)) return Number(inner) * 86_400_000;
  return null;
}

/** Epoch ms of a KQL datetime literal (`datetime(2026-11-01)`, no zone = UTC), or null. */
export function parseDatetime(text: string): number | null {
  const inner = /^\s*(?:datetime|date)\s*\(\s*(.*?)\s*\)\s*$/i.exec(text)?.[1] ?? text.trim();
  if (inner === '' || inner.toLowerCase() === 'null') return null;
  const iso = inner.replace(' ', 'T');
  const zoned = /(Z|[-+]\d{2}:?\d{2})$/i.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const ms = Date.parse(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** A literal as a bound value. */
export function translateLiteral(ctx: TranslateContext, node: KNode): SqlExpr {
  const kind = ctx.kind(node);
  // The parser computes LiteralValue on every read (a Bridge TimeSpan or DateTime for those
  // literals, the costliest step of translating a short query), and timespans and datetimes are
  // read from their text here: so each case reads only what it uses.
  const text = () => ctx.source(node, 200);
  switch (kind) {
    case 'StringLiteralExpression':
    case 'CompoundStringLiteralExpression':
      return ctx.constant(String(node.LiteralValue ?? ''), 'string');
    case 'GuidLiteralExpression': {
      const value = node.LiteralValue;
      return ctx.constant(value === null ? null : String(value), 'guid');
    }
    case 'LongLiteralExpression':
    case 'IntLiteralExpression': {
      // Plain digits (`take 10`) are their own value; anything else (`long(null)`, hex) asks the parser.
      const literal = text();
      const value = /^\d{1,15}$/.test(literal) ? literal : node.LiteralValue;
      return ctx.constant(
        value === null ? null : Number(String(value)),
        kind === 'IntLiteralExpression' ? 'int' : 'long',
      );
    }
    case 'RealLiteralExpression':
    case 'DecimalLiteralExpression': {
      const value = node.LiteralValue;
      return ctx.constant(value === null ? null : Number(String(value)), 'real');
    }
    case 'BooleanLiteralExpression': {
      const value = node.LiteralValue;
      return ctx.constant(value === null ? null : String(value).toLowerCase() === 'true', 'bool');
    }
    case 'TimespanLiteralExpression': {
      const literal = text();
      if (/null\s*\)\s*$/i.test(literal)) return ctx.constant(null, 'timespan');
      const ms = parseTimespan(literal);
      if (ms === null) ctx.unsupported(node, `the timespan literal ${literal}`);
      return ctx.constant(ms, 'timespan');
    }
    case 'DateTimeLiteralExpression': {
      const literal = text();
      const ms = parseDatetime(literal);
      if (ms === null && !/null/i.test(literal)) ctx.invalid(node, `${literal} is not a valid datetime`);
      return ctx.constant(ms, 'datetime');
    }
    case 'DynamicExpression': {
      const json = String(node.LiteralValue ?? 'null');
      try {
        return ctx.constant(JSON.parse(json), 'dynamic');
      } catch {
        return ctx.unsupported(node, `the dynamic literal ${text()}`);
      }
    }
    default:
      return ctx.unsupported(node, `the literal ${text()}`);
  }
}
