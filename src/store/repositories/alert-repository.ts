import type { Alert } from '../../core/index.js';
import type { SqlDriver, SqlValue } from '../sql-driver.js';
import type { AlertFilter, AlertRepository, Page, PageRequest } from '../store.js';
import { ALERT_COLUMNS, alertFromRow, countsByKey } from './detection-rows.js';
import { addEquals, inList, pageQuery } from './page-query.js';

const SELECT = `SELECT ${ALERT_COLUMNS.join(', ')} FROM alerts`;

/** Alerts over either dialect (created and grown by the detection commit). */
export class SqlAlertRepository implements AlertRepository {
  constructor(private readonly driver: SqlDriver) {}

  async findById(id: string): Promise<Alert | null> {
    const rows = await this.driver.all(`${SELECT} WHERE id = ?`, [id]);
    return rows[0] ? alertFromRow(this.driver.dialect, rows[0]) : null;
  }

  list(filter: AlertFilter, page: PageRequest): Promise<Page<Alert>> {
    const d = this.driver.dialect;
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.status?.length) {
      where.push(inList('status', filter.status));
      params.push(...filter.status);
    }
    if (filter.severity?.length) {
      where.push(inList('severity', filter.severity));
      params.push(...filter.severity);
    }
    addEquals(where, params, [
      ['rule_id', filter.ruleId],
      ['server_id', filter.serverId],
      ['user_name', filter.user],
      ['assignee', filter.assignee],
    ]);
    if (filter.from !== undefined) {
      where.push('last_seen >= ?');
      params.push(d.time(filter.from));
    }
    if (filter.to !== undefined) {
      where.push('first_seen < ?');
      params.push(d.time(filter.to));
    }
    return pageQuery(
      this.driver,
      { select: SELECT, where, params, timeColumn: 'last_seen' },
      page,
      (row) => alertFromRow(d, row),
      (alert) => ({ time: alert.lastSeen, id: alert.id }),
    );
  }

  async countByRule(): Promise<Record<string, number>> {
    return countsByKey(
      await this.driver.all('SELECT rule_id, COUNT(*) AS n FROM alerts GROUP BY rule_id'),
      'rule_id',
    );
  }
}
