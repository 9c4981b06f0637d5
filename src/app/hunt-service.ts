import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { type Principal, ValidationError, zodDetails } from '../core/index.js';
import {
  compileKql,
  decodeHuntRows,
  HUNTING_SCHEMA,
  type HuntColumn,
  type HuntingTable,
  type KqlDiagnostic,
  MAX_QUERY_LENGTH,
  type RenderHint,
  validateKql,
} from '../query/index.js';
import type { Store } from '../store/index.js';
import { requireRole } from './permissions.js';

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());

/** ISO 8601 duration of days, hours, minutes and seconds (`P7D`, `PT1H`, `P1DT12H`, `PT30M`). */
const DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

export function parseIsoDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || text.length < 3 || /T$/i.test(text)) return null;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return (
    (weeks ?? 0) * 604_800_000 +
    (days ?? 0) * 86_400_000 +
    (hours ?? 0) * 3_600_000 +
    (minutes ?? 0) * 60_000 +
    (seconds ?? 0) * 1000
  );
}

export const huntTimespanSchema = z.union([
  z
    .string()
    .refine((value) => parseIsoDuration(value) !== null, 'must be an ISO 8601 duration such as P7D or PT1H'),
  z
    .strictObject({ from: isoTime, to: isoTime })
    .refine((range) => range.from <= range.to, { message: 'from must not be after to', path: ['from'] }),
]);

export const huntRequestSchema = z.strictObject({
  query: z.string().min(1, 'must not be empty').max(MAX_QUERY_LENGTH),
  timespan: huntTimespanSchema.optional(),
});

export interface HuntResult {
  readonly columns: HuntColumn[];
  readonly rows: unknown[][];
  readonly render: RenderHint | null;
  readonly statistics: {
    readonly rowCount: number;
    readonly truncated: boolean;
    /** Validation and translation to SQL. */
    readonly translateMs: number;
    /** Running the SQL and decoding its rows. */
    readonly executeMs: number;
  };
}

export interface HuntLimits {
  readonly timeoutSeconds: number;
  readonly maxRows: number;
}

/** Runs, validates and describes hunting (KQL) queries; every surface calls this. */
export class HuntService {
  constructor(
    private readonly store: Store,
    private readonly limits: HuntLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Validates, compiles and runs a hunt read-only (viewer or above). `options.now` pins now() (scheduled rules). */
  async run(
    principal: Principal,
    input: unknown,
    options: { readonly now?: Date } = {},
  ): Promise<HuntResult> {
    requireRole(principal, 'viewer');
    const parsed = huntRequestSchema.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError('invalid hunt request', zodDetails(parsed.error));
    const now = options.now ?? this.now();
    const timespan = resolveTimespan(parsed.data.timespan, now);
    const dialect = this.store.hunting.dialect;
    const started = performance.now();
    const compiled = await compileKql(parsed.data.query, {
      dialect,
      now,
      maxRows: this.limits.maxRows,
      ...(timespan ? { timespan } : {}),
    });
    const translated = performance.now();
    const result = await this.store.hunting.run(compiled.sql, compiled.params, {
      timeoutMs: this.limits.timeoutSeconds * 1000,
      maxRows: this.limits.maxRows,
    });
    const rows = decodeHuntRows(result.rows, compiled, dialect);
    const finished = performance.now();
    return {
      columns: compiled.columns,
      rows,
      render: compiled.render,
      statistics: {
        rowCount: rows.length,
        truncated: result.truncated,
        translateMs: round(translated - started),
        executeMs: round(finished - translated),
      },
    };
  }

  /** The parser's diagnostics for a query (empty when it is valid). */
  async validate(query: string): Promise<KqlDiagnostic[]> {
    const parsed = z
      .string()
      .max(MAX_QUERY_LENGTH * 2)
      .safeParse(query);
    if (!parsed.success) throw new ValidationError('invalid query', zodDetails(parsed.error));
    return validateKql(parsed.data);
  }

  /** The tables and columns hunts can read. */
  schema(): readonly HuntingTable[] {
    return HUNTING_SCHEMA;
  }
}

function resolveTimespan(
  timespan: z.output<typeof huntTimespanSchema> | undefined,
  now: Date,
): { from: string; to: string } | undefined {
  if (timespan === undefined) return undefined;
  if (typeof timespan !== 'string') return timespan;
  const ms = parseIsoDuration(timespan) ?? 0;
  return { from: new Date(now.getTime() - ms).toISOString(), to: now.toISOString() };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
