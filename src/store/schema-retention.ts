import type { ColumnTypes } from './schema.js';

/**
 * Version 8: the last run of each retention job (one row per job, overwritten by each run), so any
 * node can tell when retention last ran even when another node holds the lease. Finding lookups by
 * event already use the leading column of `findings_unique (event_id, ...)`; no new index is needed.
 */
export function retentionSchema(t: ColumnTypes): string {
  return `
      CREATE TABLE retention_runs (
        job TEXT PRIMARY KEY,
        ran_at ${t.time} NOT NULL,
        cutoff ${t.time} NOT NULL,
        events INTEGER NOT NULL,
        findings INTEGER NOT NULL,
        alerts_deleted INTEGER NOT NULL,
        alerts_updated INTEGER NOT NULL,
        complete ${t.bool} NOT NULL
      );
  `;
}
