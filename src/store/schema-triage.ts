import type { ColumnTypes } from './schema.js';

/**
 * Version 4: alert triage. Alerts gain an assignee, a closing reason and a close time; their
 * history (status changes, assignments, comments) is an append-only table. Old statuses move to
 * the issue-5 lifecycle: acknowledged/investigating -> in_progress, false_positive -> dismissed
 * with that reason. A closed alert gives up its grouping key so new findings open a new alert.
 */
export function triageSchema(t: ColumnTypes): string {
  return `
      ALTER TABLE alerts ADD COLUMN assignee TEXT;
      ALTER TABLE alerts ADD COLUMN reason TEXT;
      ALTER TABLE alerts ADD COLUMN closed_at ${t.time};
      UPDATE alerts SET status = 'dismissed', reason = 'false_positive' WHERE status = 'false_positive';
      UPDATE alerts SET status = 'in_progress' WHERE status IN ('acknowledged', 'investigating');
      UPDATE alerts SET closed_at = updated_at, active_key = NULL WHERE status IN ('resolved', 'dismissed');
      CREATE INDEX alerts_created ON alerts (created_at);
      CREATE INDEX alerts_user ON alerts (user_name, last_seen DESC);
      CREATE TABLE alert_events (
        id TEXT PRIMARY KEY,
        alert_id TEXT NOT NULL,
        at ${t.time} NOT NULL,
        actor TEXT NOT NULL,
        actor_key_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('status', 'assign', 'comment')),
        from_status TEXT,
        to_status TEXT,
        reason TEXT,
        assignee TEXT,
        text TEXT
      );
      CREATE INDEX alert_events_alert ON alert_events (alert_id, at, id);
  `;
}
