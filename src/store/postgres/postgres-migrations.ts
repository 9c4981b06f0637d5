import type { Migration } from '../migration.js';
import { detectionSchema, foundationSchema, POSTGRES_TYPES } from '../schema.js';
import { DEDUPE_INDEX_SCHEMA } from '../schema-dedupe-index.js';
import { gatewaySchema } from '../schema-gateway.js';
import { huntingSchema } from '../schema-hunting.js';
import { proxySchema } from '../schema-proxy.js';
import { retentionSchema } from '../schema-retention.js';
import { triageSchema } from '../schema-triage.js';

/** Rate windows are short-lived counters: UNLOGGED skips the WAL, losing them in a crash is harmless. */
const RATE_WINDOWS = `
  CREATE UNLOGGED TABLE rate_windows (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  );
`;

/** PostgreSQL schema history. Times are timestamptz; JSON is jsonb. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundationSchema(POSTGRES_TYPES) + RATE_WINDOWS },
  { version: 2, name: 'detection', sql: detectionSchema(POSTGRES_TYPES) },
  { version: 3, name: 'hunting', sql: huntingSchema(POSTGRES_TYPES) },
  { version: 4, name: 'triage', sql: triageSchema(POSTGRES_TYPES) },
  { version: 5, name: 'proxy', sql: proxySchema(POSTGRES_TYPES) },
  { version: 6, name: 'gateway', sql: gatewaySchema(POSTGRES_TYPES) },
  { version: 8, name: 'retention', sql: retentionSchema(POSTGRES_TYPES) },
  { version: 9, name: 'dedupe-index', sql: DEDUPE_INDEX_SCHEMA },
];
