import type { SqlDriver, SqlValue } from '../sql-driver.js';
import type { DataSubjectRepository, PurgeCounts, PurgeCriteria } from '../triage.js';
import { addEquals, addTimeRange, inList } from './page-query.js';
import { subjectClause } from './subject-match.js';

const CHUNK = 500;
/** The largest bounded purge: its ids become bound parameters. */
const MAX_BATCH = 10_000;

/** Erasure over either dialect: events, their findings and what that leaves of their alerts. */
export class SqlDataSubjectRepository implements DataSubjectRepository {
  constructor(private readonly driver: SqlDriver) {}

  purge(criteria: PurgeCriteria): Promise<PurgeCounts> {
    return this.driver.transaction(async (tx) => {
      const { sql, params } = await eventWhere(tx, criteria);
      const matching = `SELECT id FROM events WHERE ${sql}`;
      const affected = (
        await tx.all(
          `SELECT DISTINCT alert_id FROM findings WHERE alert_id IS NOT NULL AND event_id IN (${matching})`,
          params,
        )
      ).map((row) => String(row['alert_id']));
      const findings = await tx.run(`DELETE FROM findings WHERE event_id IN (${matching})`, params);
      const events = await tx.run(`DELETE FROM events WHERE ${sql}`, params);
      let alertsDeleted = 0;
      let alertsUpdated = 0;
      for (let i = 0; i < affected.length; i += CHUNK) {
        const ids = affected.slice(i, i + CHUNK);
        const empty = (
          await tx.all(
            `SELECT id FROM alerts WHERE ${inList('id', ids)} AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.alert_id = alerts.id)`,
            ids,
          )
        ).map((row) => String(row['id']));
        if (empty.length > 0) {
          await tx.run(`DELETE FROM alert_events WHERE ${inList('alert_id', empty)}`, empty);
          alertsDeleted += await tx.run(`DELETE FROM alerts WHERE ${inList('id', empty)}`, empty);
        }
        // What is left of an alert is what its remaining findings say.
        alertsUpdated += await tx.run(
          `UPDATE alerts SET
             finding_count = (SELECT COUNT(*) FROM findings f WHERE f.alert_id = alerts.id),
             first_seen = (SELECT MIN(f.ts) FROM findings f WHERE f.alert_id = alerts.id),
             last_seen = (SELECT MAX(f.ts) FROM findings f WHERE f.alert_id = alerts.id)
           WHERE ${inList('id', ids)} AND EXISTS (SELECT 1 FROM findings f WHERE f.alert_id = alerts.id)`,
          ids,
        );
      }
      return { events, findings, alertsDeleted, alertsUpdated };
    });
  }
}

async function eventWhere(
  driver: SqlDriver,
  criteria: PurgeCriteria,
): Promise<{ sql: string; params: SqlValue[] }> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  addEquals(where, params, [['server_id', criteria.serverId]]);
  addTimeRange(driver, where, params, 'ts', criteria);
  if (criteria.subject !== undefined) {
    const clause = subjectClause(driver.dialect, criteria.subject);
    where.push(clause.sql);
    params.push(...clause.params);
  }
  // The application refuses an empty criteria set; this keeps the store from ever reading it as "all".
  if (where.length === 0) throw new Error('purge needs at least one criterion');
  if (criteria.limit !== undefined) {
    // The batch as explicit ids: every statement sees the same events and looks them up by key
    // (with a LIMIT subquery PostgreSQL hash-joins the whole events table for each DELETE).
    const ids = (
      await driver.all(`SELECT id FROM events WHERE ${where.join(' AND ')} ORDER BY ts, id LIMIT ?`, [
        ...params,
        Math.min(criteria.limit, MAX_BATCH),
      ])
    ).map((row) => String(row['id']));
    return ids.length === 0 ? { sql: '1 = 0', params: [] } : { sql: inList('id', ids), params: ids };
  }
  return { sql: where.join(' AND '), params };
}
