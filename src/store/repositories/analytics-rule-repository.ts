import type {
  AnalyticsAlert,
  AnalyticsRuleRecord,
  AnalyticsRuleRepository,
  AnalyticsRun,
  AnalyticsRunStatus,
  WriteOutcome,
} from '../hunting.js';
import type { Row, SqlDriver } from '../sql-driver.js';

const COLUMNS = [
  'id',
  'name',
  'description',
  'query',
  'frequency_seconds',
  'lookback_seconds',
  'threshold',
  'severity',
  'enabled',
  'last_run_at',
  'next_run_at',
  'last_status',
  'last_error',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
].join(', ');

/** Analytics rules with their run state, and the alerts their runs raise. */
export class SqlAnalyticsRuleRepository implements AnalyticsRuleRepository {
  constructor(private readonly driver: SqlDriver) {}

  async list(): Promise<AnalyticsRuleRecord[]> {
    const rows = await this.driver.all(`SELECT ${COLUMNS} FROM analytics_rules ORDER BY name`);
    return rows.map((row) => this.fromRow(row));
  }

  async findById(id: string): Promise<AnalyticsRuleRecord | null> {
    const rows = await this.driver.all(`SELECT ${COLUMNS} FROM analytics_rules WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async create(r: AnalyticsRuleRecord): Promise<WriteOutcome> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `INSERT INTO analytics_rules (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [
        r.id,
        r.name,
        r.description,
        r.query,
        r.frequencySeconds,
        r.lookbackSeconds,
        r.threshold,
        r.severity,
        d.bool(r.enabled),
        r.lastRunAt === null ? null : d.time(r.lastRunAt),
        d.time(r.nextRunAt),
        r.lastStatus,
        r.lastError,
        d.time(r.createdAt),
        r.createdBy,
        d.time(r.updatedAt),
        r.updatedBy,
      ],
    );
    return changed > 0 ? 'ok' : 'conflict';
  }

  async update(r: AnalyticsRuleRecord): Promise<WriteOutcome> {
    const d = this.driver.dialect;
    // The NOT EXISTS turns a rename onto a taken name into "no row changed" instead of a driver error.
    const changed = await this.driver.run(
      `UPDATE analytics_rules SET name = ?, description = ?, query = ?, frequency_seconds = ?,
         lookback_seconds = ?, threshold = ?, severity = ?, enabled = ?, next_run_at = ?, updated_at = ?, updated_by = ?
       WHERE id = ? AND NOT EXISTS (SELECT 1 FROM analytics_rules other WHERE other.name = ? AND other.id <> ?)`,
      [
        r.name,
        r.description,
        r.query,
        r.frequencySeconds,
        r.lookbackSeconds,
        r.threshold,
        r.severity,
        d.bool(r.enabled),
        d.time(r.nextRunAt),
        d.time(r.updatedAt),
        r.updatedBy,
        r.id,
        r.name,
        r.id,
      ],
    );
    if (changed > 0) return 'ok';
    return (await this.findById(r.id)) === null ? 'missing' : 'conflict';
  }

  async delete(id: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM analytics_rules WHERE id = ?', [id])) > 0;
  }

  async listDue(now: string, limit: number): Promise<AnalyticsRuleRecord[]> {
    const d = this.driver.dialect;
    const rows = await this.driver.all(
      `SELECT ${COLUMNS} FROM analytics_rules WHERE enabled = ? AND next_run_at <= ?
       ORDER BY next_run_at, id LIMIT ?`,
      [d.bool(true), d.time(now), limit],
    );
    return rows.map((row) => this.fromRow(row));
  }

  async claim(id: string, expected: string, next: string): Promise<boolean> {
    const d = this.driver.dialect;
    // Compare-and-set: of nodes racing for the same due run, only the first update matches.
    const changed = await this.driver.run(
      'UPDATE analytics_rules SET next_run_at = ? WHERE id = ? AND next_run_at = ?',
      [d.time(next), id, d.time(expected)],
    );
    return changed > 0;
  }

  async recordRun(run: AnalyticsRun): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.transaction(async (tx) => {
      await tx.run(
        'UPDATE analytics_rules SET last_run_at = ?, last_status = ?, last_error = ? WHERE id = ?',
        [d.time(run.at), run.status, run.error, run.ruleId],
      );
      for (const alert of run.alerts) await insertAlert(tx, alert, run.at);
    });
  }

  private fromRow(row: Row): AnalyticsRuleRecord {
    const d = this.driver.dialect;
    const time = (value: unknown) => (value === null || value === undefined ? null : d.readTime(value));
    return {
      id: String(row['id']),
      name: String(row['name']),
      description: String(row['description']),
      query: String(row['query']),
      frequencySeconds: Number(row['frequency_seconds']),
      lookbackSeconds: Number(row['lookback_seconds']),
      threshold: Number(row['threshold']),
      severity: String(row['severity']),
      enabled: Boolean(row['enabled']),
      lastRunAt: time(row['last_run_at']),
      nextRunAt: d.readTime(row['next_run_at']),
      lastStatus: row['last_status'] === null ? null : (String(row['last_status']) as AnalyticsRunStatus),
      lastError: row['last_error'] === null ? null : String(row['last_error']),
      createdAt: d.readTime(row['created_at']),
      createdBy: String(row['created_by']),
      updatedAt: d.readTime(row['updated_at']),
      updatedBy: String(row['updated_by']),
    };
  }
}

/**
 * Each run's alerts stand alone (no `active_key`), as a scheduled rule's alerts do in Microsoft
 * Sentinel: detection's grouping never merges findings into them.
 */
async function insertAlert(tx: SqlDriver, alert: AnalyticsAlert, now: string): Promise<void> {
  const d = tx.dialect;
  await tx.run(
    `INSERT INTO alerts (id, group_key, active_key, rule_id, server_id, user_name, title, severity, category, status,
       finding_count, first_seen, last_seen, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, 'custom', 'new', ?, ?, ?, ?, ?)`,
    [
      alert.id,
      `${alert.ruleId}:${alert.serverId}`,
      alert.ruleId,
      alert.serverId,
      alert.title,
      alert.severity,
      alert.findingCount,
      d.time(alert.firstSeen),
      d.time(alert.lastSeen),
      d.time(now),
      d.time(now),
    ],
  );
}
