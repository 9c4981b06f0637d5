import type { Alert, AlertEvent, AlertReason, AlertStatus } from '../../core/index.js';
import type { Row, SqlDriver } from '../sql-driver.js';
import type { AlertStatusChange, AlertTriageRepository } from '../triage.js';
import { ALERT_COLUMNS, alertFromRow } from './detection-rows.js';

const EVENT_COLUMNS = [
  'id',
  'alert_id',
  'at',
  'actor',
  'actor_key_id',
  'kind',
  'from_status',
  'to_status',
  'reason',
  'assignee',
  'text',
] as const;

/** Triage writes: each alert change and its history entry commit together. */
export class SqlAlertTriageRepository implements AlertTriageRepository {
  constructor(private readonly driver: SqlDriver) {}

  transition(change: AlertStatusChange): Promise<Alert | null> {
    const d = this.driver.dialect;
    const closing = change.closedAt !== null;
    return this.driver.transaction(async (tx) => {
      // Closing frees the grouping key: later findings of the same rule, server and user open a new alert.
      const changed = await tx.run(
        `UPDATE alerts SET status = ?, reason = ?, closed_at = ?, updated_at = ?${closing ? ', active_key = NULL' : ''}
         WHERE id = ? AND status = ?`,
        [
          change.to,
          change.reason,
          change.closedAt === null ? null : d.time(change.closedAt),
          d.time(change.event.at),
          change.alertId,
          change.from,
        ],
      );
      if (changed === 0) return null;
      await insertEvent(tx, change.event);
      return findAlert(tx, change.alertId);
    });
  }

  assign(alertId: string, assignee: string | null, event: AlertEvent): Promise<Alert | null> {
    const d = this.driver.dialect;
    return this.driver.transaction(async (tx) => {
      const changed = await tx.run('UPDATE alerts SET assignee = ?, updated_at = ? WHERE id = ?', [
        assignee,
        d.time(event.at),
        alertId,
      ]);
      if (changed === 0) return null;
      await insertEvent(tx, event);
      return findAlert(tx, alertId);
    });
  }

  async comment(event: AlertEvent): Promise<void> {
    await insertEvent(this.driver, event);
  }

  async history(alertId: string): Promise<AlertEvent[]> {
    const rows = await this.driver.all(
      `SELECT ${EVENT_COLUMNS.join(', ')} FROM alert_events WHERE alert_id = ? ORDER BY at, id`,
      [alertId],
    );
    return rows.map((row) => this.fromRow(row));
  }

  private fromRow(row: Row): AlertEvent {
    const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
    return {
      id: String(row['id']),
      alertId: String(row['alert_id']),
      at: this.driver.dialect.readTime(row['at']),
      actor: String(row['actor']),
      actorKeyId: String(row['actor_key_id']),
      kind: String(row['kind']) as AlertEvent['kind'],
      fromStatus: text('from_status') as AlertStatus | null,
      toStatus: text('to_status') as AlertStatus | null,
      reason: text('reason') as AlertReason | null,
      assignee: text('assignee'),
      text: text('text'),
    };
  }
}

async function insertEvent(driver: SqlDriver, event: AlertEvent): Promise<void> {
  await driver.run(
    `INSERT INTO alert_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
    [
      event.id,
      event.alertId,
      driver.dialect.time(event.at),
      event.actor,
      event.actorKeyId,
      event.kind,
      event.fromStatus,
      event.toStatus,
      event.reason,
      event.assignee,
      event.text,
    ],
  );
}

async function findAlert(driver: SqlDriver, id: string): Promise<Alert | null> {
  const rows = await driver.all(`SELECT ${ALERT_COLUMNS.join(', ')} FROM alerts WHERE id = ?`, [id]);
  return rows[0] ? alertFromRow(driver.dialect, rows[0]) : null;
}
