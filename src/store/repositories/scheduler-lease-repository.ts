import type { SchedulerLeaseRepository } from '../hunting.js';
import type { SqlDriver } from '../sql-driver.js';

/**
 * Leases in one row per job. Acquiring is a single conditional upsert, atomic on both backends:
 * it inserts a missing lease, renews our own, or takes over an expired one, and changes nothing
 * (0 rows) while another holder's lease is still valid.
 */
export class SqlSchedulerLeaseRepository implements SchedulerLeaseRepository {
  constructor(private readonly driver: SqlDriver) {}

  async acquire(name: string, holder: string, now: string, expiresAt: string): Promise<boolean> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at <= ?`,
      [name, holder, d.time(expiresAt), d.time(now)],
    );
    return changed > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.driver.run('DELETE FROM scheduler_leases WHERE name = ? AND holder = ?', [name, holder]);
  }
}
