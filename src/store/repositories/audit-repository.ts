import type { AuditEntry } from '../../core/index.js';
import type { Row, SqlDriver } from '../sql-driver.js';
import type { AuditRepository, Page, PageRequest } from '../store.js';
import { pageQuery } from './page-query.js';

const COLUMNS = 'id, at, actor, action, target_type, target_id, details';

/** The append-only audit log over either dialect. */
export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly driver: SqlDriver) {}

  async append(entry: AuditEntry): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      'INSERT INTO audit_log (id, at, actor, action, target_type, target_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        entry.id,
        d.time(entry.at),
        entry.actor,
        entry.action,
        entry.targetType,
        entry.targetId,
        d.json(entry.details),
      ],
    );
  }

  list(page: PageRequest): Promise<Page<AuditEntry>> {
    return pageQuery(
      this.driver,
      { select: `SELECT ${COLUMNS} FROM audit_log`, where: [], params: [], timeColumn: 'at' },
      page,
      (row) => this.fromRow(row),
      (entry) => ({ time: entry.at, id: entry.id }),
    );
  }

  private fromRow(row: Row): AuditEntry {
    const d = this.driver.dialect;
    return {
      id: String(row['id']),
      at: d.readTime(row['at']),
      actor: String(row['actor']),
      action: String(row['action']),
      targetType: String(row['target_type']),
      targetId: row['target_id'] === null ? null : String(row['target_id']),
      details: (d.readJson(row['details']) ?? {}) as Record<string, unknown>,
    };
  }
}
