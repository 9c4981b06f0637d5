import type { AuditEntry } from '../../core/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type { AuditRepository, Page, PageRequest } from '../store.js';

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

  async list(page: PageRequest): Promise<Page<AuditEntry>> {
    const params: SqlValue[] = [];
    let where = '';
    if (page.cursor !== undefined) {
      const position = decodeCursor(page.cursor);
      const time = this.driver.dialect.time(position.time);
      where = ' WHERE (at < ? OR (at = ? AND id < ?))';
      params.push(time, time, position.id);
    }
    const rows = await this.driver.all(
      `SELECT id, at, actor, action, target_type, target_id, details FROM audit_log${where} ORDER BY at DESC, id DESC LIMIT ?`,
      [...params, page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map((row) => this.fromRow(row));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > page.limit && last ? encodeCursor({ time: last.at, id: last.id }) : null,
    };
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
