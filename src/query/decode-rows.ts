import type { CompiledHunt, KqlType } from './kql-types.js';

/** Converts driver values to KQL's JSON shapes, identical for both dialects. */
export function decodeHuntRows(
  rows: readonly unknown[][],
  hunt: Pick<CompiledHunt, 'columns'>,
  dialect: 'sqlite' | 'postgres',
): unknown[][] {
  const decoders = hunt.columns.map((c) => decoderFor(c.type, dialect));
  return rows.map((row) => decoders.map((decode, i) => decode(row[i])));
}

type Decoder = (value: unknown) => unknown;

function decoderFor(type: KqlType, dialect: 'sqlite' | 'postgres'): Decoder {
  switch (type) {
    case 'datetime':
      return (v) => (v === null || v === undefined ? null : toIso(v));
    case 'long':
    case 'int':
    case 'real':
      return (v) => (v === null || v === undefined ? null : Number(v));
    case 'timespan':
      return (v) => (v === null || v === undefined ? null : formatTimespan(Number(v)));
    case 'bool':
      return (v) => (v === null || v === undefined ? null : v === true || v === 1 || v === 1n || v === 't');
    case 'dynamic':
      return dialect === 'sqlite'
        ? (v) => (typeof v === 'string' ? parseJson(v) : (v ?? null))
        : (v) => v ?? null;
    default:
      return (v) => (v === null || v === undefined ? null : String(v));
  }
}

function toIso(value: unknown): string | null {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? value : Number(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** KQL's timespan text: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const ticks = Math.round((rest - seconds * 1000) * 10_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fraction = ticks > 0 ? `.${String(ticks).padStart(7, '0')}` : '';
  return `${sign}${days > 0 ? `${days}.` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}`;
}
