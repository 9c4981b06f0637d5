import type { Dialect } from '../sql-driver.js';

/** SQLite stores times as epoch ms, JSON as text, booleans as 0/1. */
export const sqliteDialect: Dialect = {
  name: 'sqlite',
  time: (iso) => Date.parse(iso),
  readTime: (value) => new Date(Number(value)).toISOString(),
  json: (value) => JSON.stringify(value),
  readJson: (value) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  bool: (value) => (value ? 1 : 0),
  // SQLite's LIKE already ignores ASCII case.
  ilike: (column) => `${column} LIKE ? ESCAPE '\\'`,
};
