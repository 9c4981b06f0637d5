import type { StoredFinding } from '../../core/index.js';
import type { SqlDriver, SqlValue } from '../sql-driver.js';
import type { FindingFilter, FindingRepository, Page, PageRequest } from '../store.js';
import { countsByKey, FINDING_COLUMNS, findingFromRow } from './detection-rows.js';
import { addEquals, addTimeRange, pageQuery } from './page-query.js';

/** Stored findings over either dialect (written by the detection commit). */
export class SqlFindingRepository implements FindingRepository {
  constructor(private readonly driver: SqlDriver) {}

  list(filter: FindingFilter, page: PageRequest): Promise<Page<StoredFinding>> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    addEquals(where, params, [
      ['server_id', filter.serverId],
      ['rule_id', filter.ruleId],
      ['category', filter.category],
      ['severity', filter.severity],
      ['event_id', filter.eventId],
      ['alert_id', filter.alertId],
      ['fingerprint', filter.fingerprint],
    ]);
    addTimeRange(this.driver, where, params, 'ts', filter);
    return pageQuery(
      this.driver,
      { select: `SELECT ${FINDING_COLUMNS.join(', ')} FROM findings`, where, params, timeColumn: 'ts' },
      page,
      (row) => findingFromRow(this.driver.dialect, row),
      (finding) => ({ time: finding.timestamp, id: finding.id }),
    );
  }

  async countByRule(since?: string): Promise<Record<string, number>> {
    const rows = await this.driver.all(
      `SELECT rule_id, COUNT(*) AS n FROM findings${since ? ' WHERE ts >= ?' : ''} GROUP BY rule_id`,
      since ? [this.driver.dialect.time(since)] : [],
    );
    return countsByKey(rows, 'rule_id');
  }
}
