import type { Dialect } from '../sql-driver.js';

/**
 * The start (epoch ms) of the fixed-size bucket a time column falls in, as a SQL expression.
 * The only dialect difference aggregations need, kept here rather than in the shared Dialect
 * (SQLite times are epoch-ms integers; PostgreSQL's are timestamptz). `bucketMs` is our own
 * integer constant, never caller text, so it is inlined: PostgreSQL cannot infer a parameter's
 * type inside this arithmetic.
 */
export function bucketStart(d: Dialect, column: string, bucketMs: number): string {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) throw new Error(`bad bucket size ${bucketMs}`);
  return d.name === 'sqlite'
    ? `(${column} - (${column} % ${bucketMs}))`
    : `(floor(extract(epoch from ${column}) * 1000 / ${bucketMs}) * ${bucketMs})::bigint`;
}

/** `SUM(CASE column WHEN 'a' THEN 25 ...)`: weights are our numbers, keys bound. */
export function weightedSum(
  column: string,
  weights: Readonly<Record<string, number>>,
): {
  sql: string;
  params: string[];
} {
  const entries = Object.entries(weights).filter(([, weight]) => Number.isFinite(weight));
  if (entries.length === 0) return { sql: '0', params: [] };
  return {
    sql: `SUM(CASE ${entries.map(([, weight]) => `WHEN ${column} = ? THEN ${Number(weight)}`).join(' ')} ELSE 0 END)`,
    params: entries.map(([key]) => key),
  };
}

/**
 * A top-level key of a JSON column as text (SQL expression). Keys are our own constants; they are
 * checked and inlined because JSON paths cannot be bound on both dialects the same way.
 */
export function jsonTextField(d: Dialect, column: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`bad JSON key ${key}`);
  return d.name === 'sqlite'
    ? `CAST(json_extract(${column}, '$.${key}') AS TEXT)`
    : `(${column} ->> '${key}')`;
}
