import type { Dialect } from '../sql-driver.js';

/** PostgreSQL: timestamptz, jsonb (parsed by pg), real booleans, ILIKE. */
export const postgresDialect: Dialect = {
  name: 'postgres',
  time: (iso) => new Date(iso),
  readTime: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  json: (value) => JSON.stringify(value),
  readJson: (value) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  bool: (value) => value,
  ilike: (column) => `${column}::text ILIKE ? ESCAPE '\\'`,
};

/** Repositories write `?`; pg wants `$1, $2, ...`. Our SQL never holds a literal `?`. */
export function toPositional(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
