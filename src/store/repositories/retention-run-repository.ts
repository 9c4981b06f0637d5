import type { Row, SqlDriver } from '../sql-driver.js';
import type { RetentionRun, RetentionRunRepository } from '../triage.js';

/** The last run per retention job over either dialect (an upsert keeps one row per job). */
export class SqlRetentionRunRepository implements RetentionRunRepository {
  constructor(private readonly driver: SqlDriver) {}

  async record(job: string, run: RetentionRun): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      `INSERT INTO retention_runs (job, ran_at, cutoff, events, findings, alerts_deleted, alerts_updated, complete)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job) DO UPDATE SET ran_at = excluded.ran_at, cutoff = excluded.cutoff,
         events = excluded.events, findings = excluded.findings, alerts_deleted = excluded.alerts_deleted,
         alerts_updated = excluded.alerts_updated, complete = excluded.complete`,
      [
        job,
        d.time(run.ranAt),
        d.time(run.cutoff),
        run.events,
        run.findings,
        run.alertsDeleted,
        run.alertsUpdated,
        d.bool(run.complete),
      ],
    );
  }

  async last(job: string): Promise<RetentionRun | null> {
    const rows = await this.driver.all('SELECT * FROM retention_runs WHERE job = ?', [job]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  private fromRow(row: Row): RetentionRun {
    const d = this.driver.dialect;
    return {
      ranAt: d.readTime(row['ran_at']),
      cutoff: d.readTime(row['cutoff']),
      events: Number(row['events']),
      findings: Number(row['findings']),
      alertsDeleted: Number(row['alerts_deleted']),
      alertsUpdated: Number(row['alerts_updated']),
      complete: Boolean(row['complete']),
    };
  }
}
