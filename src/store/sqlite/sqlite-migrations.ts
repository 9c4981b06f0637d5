import type { Migration } from '../migration.js';
import { detectionSchema, foundationSchema, SQLITE_TYPES } from '../schema.js';
import { DEDUPE_INDEX_SCHEMA } from '../schema-dedupe-index.js';
import { gatewaySchema } from '../schema-gateway.js';
import { huntingSchema } from '../schema-hunting.js';
import { proxySchema } from '../schema-proxy.js';
import { retentionSchema } from '../schema-retention.js';
import { triageSchema } from '../schema-triage.js';

/** SQLite schema history. Times are epoch milliseconds (INTEGER); JSON is TEXT. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundationSchema(SQLITE_TYPES) },
  { version: 2, name: 'detection', sql: detectionSchema(SQLITE_TYPES) },
  { version: 3, name: 'hunting', sql: huntingSchema(SQLITE_TYPES) },
  { version: 4, name: 'triage', sql: triageSchema(SQLITE_TYPES) },
  { version: 5, name: 'proxy', sql: proxySchema(SQLITE_TYPES) },
  { version: 6, name: 'gateway', sql: gatewaySchema(SQLITE_TYPES) },
  { version: 8, name: 'retention', sql: retentionSchema(SQLITE_TYPES) },
  { version: 9, name: 'dedupe-index', sql: DEDUPE_INDEX_SCHEMA },
];

/** The rate-window file: separate so its writes never wait for an fsync of the event file. */
export const SQLITE_RATE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rate_windows (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  ) WITHOUT ROWID;
`;
