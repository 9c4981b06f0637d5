import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type {
  AccessPath,
  ActivityRepository,
  ActivityScope,
  EventBucket,
  EventTotals,
  KeyCount,
  KeyedBucket,
  ToolInventoryRow,
  ToolPinStatus,
} from '../triage.js';
import { addEquals, addTimeRange } from './page-query.js';
import { bucketStart, jsonTextField } from './time-bucket.js';

const COLUMN = { tool: 'tool', server: 'server_id', agent: 'agent', user: 'user_name' } as const;
const ALERT_KEY = { severity: 'severity', status: 'status', rule: 'rule_id', server: 'server_id' } as const;
const IS_ERROR = 'CASE WHEN is_error THEN 1 ELSE 0 END';

/** Event aggregations for the activity views, GROUP BY in the database on either dialect. */
export class SqlActivityRepository implements ActivityRepository {
  constructor(private readonly driver: SqlDriver) {}

  async totals(scope: ActivityScope): Promise<EventTotals> {
    const { sql, params } = this.where(scope);
    const rows = await this.driver.all(
      `SELECT COUNT(*) AS n, COALESCE(SUM(${IS_ERROR}), 0) AS errors, MIN(ts) AS first_seen, MAX(ts) AS last_seen FROM events${sql}`,
      params,
    );
    const row = rows[0] ?? {};
    const time = (value: unknown) =>
      value === null || value === undefined ? null : this.driver.dialect.readTime(value);
    return {
      events: Number(row['n'] ?? 0),
      errors: Number(row['errors'] ?? 0),
      firstSeen: time(row['first_seen']),
      lastSeen: time(row['last_seen']),
    };
  }

  async breakdown(
    scope: ActivityScope,
    column: 'tool' | 'server' | 'agent' | 'user',
    limit: number,
  ): Promise<KeyCount[]> {
    const { sql, params } = this.where(scope);
    const key = COLUMN[column];
    const rows = await this.driver.all(
      `SELECT ${key} AS k, COUNT(*) AS n FROM events${sql} GROUP BY ${key} ORDER BY n DESC, k LIMIT ?`,
      [...params, limit],
    );
    return rows.map((row) => ({ key: row['k'] === null ? null : String(row['k']), count: Number(row['n']) }));
  }

  async findingsBySeverity(scope: ActivityScope): Promise<KeyCount[]> {
    const { sql, params } = this.where(scope);
    const rows = await this.driver.all(
      `SELECT severity AS k, COUNT(*) AS n FROM findings${sql} GROUP BY severity ORDER BY k`,
      params,
    );
    return rows.map((row) => ({ key: String(row['k']), count: Number(row['n']) }));
  }

  async accessPaths(
    scope: ActivityScope,
    resourceKeys: readonly string[],
    limit: number,
  ): Promise<AccessPath[]> {
    const d = this.driver.dialect;
    const { sql, params } = this.where(scope);
    const fields = [
      ...resourceKeys.map((key) => jsonTextField(d, 'arguments', key)),
      ...resourceKeys.map((key) => jsonTextField(d, 'metadata', key)),
    ];
    const resource = fields.length ? `COALESCE(${fields.join(', ')})` : 'NULL';
    const rows = await this.driver.all(
      `SELECT user_name, agent, server_id, tool, ${resource} AS resource, COUNT(*) AS n
       FROM events${sql} GROUP BY 1, 2, 3, 4, 5 ORDER BY n DESC, 1, 2, 3, 4, 5 LIMIT ?`,
      [...params, limit],
    );
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return rows.map((row) => ({
      user: text(row['user_name']),
      agent: text(row['agent']),
      serverId: String(row['server_id']),
      tool: text(row['tool']),
      resource: text(row['resource']),
      count: Number(row['n']),
    }));
  }

  async toolInventory(serverId?: string): Promise<ToolInventoryRow[]> {
    const d = this.driver.dialect;
    const byServer = (column: string) => (serverId === undefined ? '' : ` WHERE ${column} = ?`);
    const params = serverId === undefined ? [] : [serverId];
    const [calls, pins, definitions] = await Promise.all([
      this.driver.all(
        `SELECT e.server_id, e.tool, MIN(e.ts) AS first_seen, MAX(e.ts) AS last_seen, COUNT(*) AS n,
                COALESCE(SUM(CASE WHEN e.is_error THEN 1 ELSE 0 END), 0) AS errors,
                COALESCE(SUM(CASE WHEN e.tool_description IS NOT NULL AND p.description IS NOT NULL
                  AND e.tool_description <> p.description THEN 1 ELSE 0 END), 0) AS drifted
         FROM events e LEFT JOIN tool_pins p ON p.server_id = e.server_id AND p.tool = e.tool
         WHERE e.tool IS NOT NULL${serverId === undefined ? '' : ' AND e.server_id = ?'} GROUP BY e.server_id, e.tool`,
        params,
      ),
      this.driver.all(
        `SELECT server_id, tool, description_hash, first_seen, last_seen FROM tool_pins${byServer('server_id')}`,
        params,
      ),
      this.driver.all(
        `SELECT server_id, tool, status, description_hash, first_seen, last_seen FROM tool_definitions${byServer('server_id')}`,
        params,
      ),
    ]);
    const keyOf = (row: Row) => `${row['server_id']}\u0000${row['tool']}`;
    const seen = new Map<string, Row>();
    for (const row of [...pins, ...definitions]) if (!seen.has(keyOf(row))) seen.set(keyOf(row), row);
    const pinned = new Map(pins.map((row) => [keyOf(row), row]));
    const defined = new Map(definitions.map((row) => [keyOf(row), row]));
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    /** The proxy's definition pin (tools/list) wins over the description pin taken from events. */
    const pinOf = (key: string, drifted: number) => {
      const definition = defined.get(key);
      if (definition !== undefined) {
        return {
          pinStatus: (definition['status'] === 'changed' ? 'changed' : 'pinned') as ToolPinStatus,
          pinnedAt: d.readTime(definition['first_seen']),
          descriptionHash: text(definition['description_hash']),
        };
      }
      const pin = pinned.get(key);
      if (pin === undefined)
        return { pinStatus: 'not_pinned' as const, pinnedAt: null, descriptionHash: null };
      const hash = text(pin['description_hash']);
      let pinStatus: ToolPinStatus = hash === null ? 'seen_without_description' : 'pinned';
      if (pinStatus === 'pinned' && drifted > 0) pinStatus = 'changed';
      return { pinStatus, pinnedAt: d.readTime(pin['first_seen']), descriptionHash: hash };
    };
    const rows: ToolInventoryRow[] = calls.map((row) => {
      seen.delete(keyOf(row));
      return {
        serverId: String(row['server_id']),
        tool: String(row['tool']),
        firstSeen: d.readTime(row['first_seen']),
        lastSeen: d.readTime(row['last_seen']),
        calls: Number(row['n']),
        errors: Number(row['errors']),
        ...pinOf(keyOf(row), Number(row['drifted'])),
      };
    });
    // Tools a server listed (pinned by the proxy or a tools/list event) but nobody called.
    for (const [key, row] of seen) {
      rows.push({
        serverId: String(row['server_id']),
        tool: String(row['tool']),
        firstSeen: d.readTime(row['first_seen']),
        lastSeen: d.readTime(row['last_seen']),
        calls: 0,
        errors: 0,
        ...pinOf(key, 0),
      });
    }
    return rows.sort((a, b) => a.serverId.localeCompare(b.serverId) || a.tool.localeCompare(b.tool));
  }

  async eventBuckets(scope: ActivityScope, bucketMs: number): Promise<EventBucket[]> {
    const d = this.driver.dialect;
    const { sql, params } = this.where(scope);
    const start = bucketStart(d, 'ts', bucketMs);
    const [events, findings] = await Promise.all([
      this.driver.all(
        `SELECT ${start} AS b, COUNT(*) AS n, COALESCE(SUM(${IS_ERROR}), 0) AS errors FROM events${sql} GROUP BY 1 ORDER BY 1`,
        params,
      ),
      this.driver.all(
        `SELECT ${start} AS b, COUNT(*) AS n FROM findings${sql} GROUP BY 1 ORDER BY 1`,
        params,
      ),
    ]);
    const buckets = new Map<number, { start: number; events: number; errors: number; findings: number }>();
    const at = (b: number) => {
      let bucket = buckets.get(b);
      if (bucket === undefined) {
        bucket = { start: b, events: 0, errors: 0, findings: 0 };
        buckets.set(b, bucket);
      }
      return bucket;
    };
    for (const row of events) {
      const bucket = at(Number(row['b']));
      bucket.events = Number(row['n']);
      bucket.errors = Number(row['errors']);
    }
    for (const row of findings) at(Number(row['b'])).findings = Number(row['n']);
    return [...buckets.values()].sort((a, b) => a.start - b.start);
  }

  async alertBuckets(
    since: string,
    by: 'severity' | 'status' | 'rule' | 'server',
    bucketMs: number,
  ): Promise<KeyedBucket[]> {
    const d = this.driver.dialect;
    const start = bucketStart(d, 'created_at', bucketMs);
    const key = ALERT_KEY[by];
    const rows = await this.driver.all(
      `SELECT ${start} AS b, ${key} AS k, COUNT(*) AS n FROM alerts WHERE created_at >= ? GROUP BY 1, 2 ORDER BY 1, 2`,
      [d.time(since)],
    );
    return rows.map((row) => ({
      start: Number(row['b']),
      key: row['k'] === null ? null : String(row['k']),
      count: Number(row['n']),
    }));
  }

  /** Scope filters on columns events and findings share (server_id, user_name, ts). */
  private where(scope: ActivityScope): { sql: string; params: SqlValue[] } {
    const where: string[] = [];
    const params: SqlValue[] = [];
    addEquals(where, params, [
      ['user_name', scope.user],
      ['server_id', scope.serverId],
    ]);
    addTimeRange(this.driver, where, params, 'ts', scope);
    return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
  }
}
