import { parseArgs } from 'node:util';
import { type HuntResult, type KqlDiagnostic, KqlError, SYSTEM_PRINCIPAL } from '../app/index.js';
import { SentinelError } from '../core/index.js';
import { type CliIo, startRuntime } from './runtime.js';
import { UsageError } from './usage-error.js';

/** Exit codes of `mcp-sentinel query` (see README). */
export const QUERY_EXIT = {
  ok: 0,
  /** The database failed the query, or another error. */
  failed: 1,
  /** The KQL is invalid, or valid but not supported yet; diagnostics on stderr. */
  invalidQuery: 2,
  /** The query ran past SENTINEL_HUNT_TIMEOUT_SECONDS. */
  timeout: 3,
} as const;

const MAX_CELL = 60;

/** Runs a KQL hunt on the local store (SQLite file or SENTINEL_DATABASE_URL) and prints the rows. */
export async function queryCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', short: 'f', default: 'table' },
      timespan: { type: 'string', short: 't' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || !positionals[0]?.trim())
    throw new UsageError('query needs exactly one KQL query (quote it)');
  if (values.format !== 'table' && values.format !== 'json')
    throw new UsageError('--format must be table or json');
  const query = positionals[0];
  const app = await startRuntime(io.env);
  try {
    const result = await app.hunt.run(SYSTEM_PRINCIPAL, {
      query,
      ...(values.timespan ? { timespan: values.timespan } : {}),
    });
    io.stdout.write(values.format === 'json' ? `${JSON.stringify(result)}\n` : formatTable(result));
    if (result.statistics.truncated) {
      io.stderr.write(
        `mcp-sentinel query: showing the first ${result.statistics.rowCount} rows (SENTINEL_HUNT_MAX_ROWS)\n`,
      );
    }
    return QUERY_EXIT.ok;
  } catch (error) {
    if (error instanceof KqlError) {
      io.stderr.write(formatDiagnostics(query, error.diagnostics));
      return QUERY_EXIT.invalidQuery;
    }
    if (error instanceof SentinelError && error.code === 'hunt_timeout') {
      io.stderr.write(`mcp-sentinel query: ${error.message}\n`);
      return QUERY_EXIT.timeout;
    }
    throw error;
  } finally {
    await app.drain();
    await app.store.close();
  }
}

/** Each problem with its position and a caret line under the query text. */
export function formatDiagnostics(query: string, diagnostics: readonly KqlDiagnostic[]): string {
  const lines = query.split('\n');
  return diagnostics
    .map((d) => {
      const source = (lines[d.line - 1] ?? '').replace(/\r$/, '');
      const caret = `${' '.repeat(d.column - 1)}${'^'.repeat(Math.max(1, Math.min(d.length, source.length - d.column + 1)))}`;
      return `mcp-sentinel query: ${d.severity} ${d.code} at line ${d.line}, column ${d.column}: ${d.message}\n  ${source}\n  ${caret}\n`;
    })
    .join('');
}

function cell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** A plain text table: header, rule, rows, and a count line. */
export function formatTable(result: HuntResult): string {
  const header = result.columns.map((c) => c.name);
  const body = result.rows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const count = `${result.statistics.rowCount} row${result.statistics.rowCount === 1 ? '' : 's'}`;
  return `${out.join('\n')}\n(${count}${result.statistics.truncated ? ', truncated' : ''})\n`;
}
