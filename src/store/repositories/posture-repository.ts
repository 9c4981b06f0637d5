import type { RuleMappings } from '../../core/index.js';
import type { SqlDriver, SqlValue } from '../sql-driver.js';
import type {
  DayCount,
  DetectionBucket,
  KeyCount,
  MappingCount,
  OpenAlertBand,
  PostureRepository,
  RatingInputs,
  RatingWindow,
  RiskRow,
} from '../triage.js';
import { countsByKey } from './detection-rows.js';
import { bucketStart, weightedSum } from './time-bucket.js';

const OPEN = "status IN ('new', 'in_progress')";
/** Open at an instant: raised by then and not closed by then (a later reopen counts as never closed). */
const OPEN_AT = 'created_at <= ? AND (closed_at IS NULL OR closed_at > ?)';
/** Events with a finding, and critical or blocked findings. */
const FINDING_COUNTS = `COUNT(DISTINCT event_id) AS flagged,
  COALESCE(SUM(CASE WHEN severity = 'critical' OR action = 'block' THEN 1 ELSE 0 END), 0) AS severe`;

/** Posture and compliance aggregations, GROUP BY in the database on either dialect. */
export class SqlPostureRepository implements PostureRepository {
  constructor(private readonly driver: SqlDriver) {}

  async ratingInputs(w: RatingWindow): Promise<RatingInputs> {
    const d = this.driver.dialect;
    const [alerts, events, findings] = await Promise.all([
      this.alertInputs(w),
      this.driver.all('SELECT COUNT(*) AS n FROM events WHERE ts >= ? AND ts <= ?', [
        d.time(w.since),
        d.time(w.at),
      ]),
      this.driver.all(`SELECT ${FINDING_COUNTS} FROM findings WHERE ts >= ? AND ts <= ?`, [
        d.time(w.since),
        d.time(w.at),
      ]),
    ]);
    return {
      ...alerts,
      events: Number(events[0]?.['n'] ?? 0),
      flaggedEvents: Number(findings[0]?.['flagged'] ?? 0),
      severeFindings: Number(findings[0]?.['severe'] ?? 0),
    };
  }

  async alertInputs(w: RatingWindow): Promise<Pick<RatingInputs, 'openAlerts' | 'alertsDue' | 'untriaged'>> {
    const d = this.driver.dialect;
    const at = d.time(w.at);
    const [bandDay, bandWeek] = w.ageBands.map((iso) => d.time(iso)) as [SqlValue, SqlValue];
    const [bands, triage] = await Promise.all([
      this.driver.all(
        `SELECT severity, CASE WHEN created_at > ? THEN 0 WHEN created_at > ? THEN 1 ELSE 2 END AS band, COUNT(*) AS n
         FROM alerts WHERE ${OPEN_AT} GROUP BY 1, 2`,
        [bandDay, bandWeek, at, at],
      ),
      this.driver.all(
        `SELECT COUNT(*) AS due,
                COALESCE(SUM(CASE WHEN (closed_at IS NULL OR closed_at > ?) AND NOT EXISTS (
                  SELECT 1 FROM alert_events e WHERE e.alert_id = alerts.id AND e.kind = 'status' AND e.at <= ?
                ) THEN 1 ELSE 0 END), 0) AS untriaged
         FROM alerts WHERE created_at >= ? AND created_at < ?`,
        [at, at, d.time(w.since), d.time(w.triageDueBefore)],
      ),
    ]);
    return {
      openAlerts: bands.map(
        (row): OpenAlertBand => ({
          severity: String(row['severity']),
          ageBand: Number(row['band']) as 0 | 1 | 2,
          count: Number(row['n']),
        }),
      ),
      alertsDue: Number(triage[0]?.['due'] ?? 0),
      untriaged: Number(triage[0]?.['untriaged'] ?? 0),
    };
  }

  async detectionBuckets(since: string, until: string, bucketMs: number): Promise<DetectionBucket[]> {
    const d = this.driver.dialect;
    const range = [d.time(since), d.time(until)];
    const [events, findings] = await Promise.all([
      this.driver.all(
        `SELECT ${bucketStart(d, 'ts', bucketMs)} AS b, COUNT(*) AS n FROM events WHERE ts >= ? AND ts <= ? GROUP BY 1`,
        range,
      ),
      this.driver.all(
        `SELECT ${bucketStart(d, 'ts', bucketMs)} AS b, ${FINDING_COUNTS} FROM findings WHERE ts >= ? AND ts <= ? GROUP BY 1`,
        range,
      ),
    ]);
    const buckets = new Map<
      number,
      { start: number; events: number; flaggedEvents: number; severeFindings: number }
    >();
    const at = (start: number) => {
      let bucket = buckets.get(start);
      if (bucket === undefined) {
        bucket = { start, events: 0, flaggedEvents: 0, severeFindings: 0 };
        buckets.set(start, bucket);
      }
      return bucket;
    };
    for (const row of events) at(Number(row['b'])).events = Number(row['n']);
    for (const row of findings) {
      const bucket = at(Number(row['b']));
      bucket.flaggedEvents = Number(row['flagged']);
      bucket.severeFindings = Number(row['severe']);
    }
    return [...buckets.values()].sort((a, b) => a.start - b.start);
  }

  async riskiest(
    by: 'server' | 'user' | 'tool',
    since: string,
    weights: Readonly<Record<string, number>>,
    limit: number,
  ): Promise<RiskRow[]> {
    const d = this.driver.dialect;
    const key = { server: 'f.server_id', user: 'f.user_name', tool: 'e.tool' }[by];
    const join = by === 'tool' ? ' JOIN events e ON e.id = f.event_id' : '';
    const risk = weightedSum('f.severity', weights);
    const rows = await this.driver.all(
      `SELECT ${key} AS k, COUNT(*) AS n, ${risk.sql} AS risk FROM findings f${join}
       WHERE f.ts >= ? AND ${key} IS NOT NULL GROUP BY ${key} ORDER BY risk DESC, n DESC, k LIMIT ?`,
      [...risk.params, d.time(since), limit],
    );
    return rows.map((row) => ({
      key: String(row['k']),
      findings: Number(row['n']),
      risk: Number(row['risk']),
    }));
  }

  async alertCounts(
    by: 'severity' | 'status',
    options: { open?: boolean; since?: string },
  ): Promise<KeyCount[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (options.open) where.push(OPEN);
    if (options.since !== undefined) {
      where.push('last_seen >= ?');
      params.push(this.driver.dialect.time(options.since));
    }
    const rows = await this.driver.all(
      `SELECT ${by} AS k, COUNT(*) AS n FROM alerts${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY ${by} ORDER BY k`,
      params,
    );
    return rows.map((row) => ({ key: String(row['k']), count: Number(row['n']) }));
  }

  findingBuckets(since: string, bucketMs: number): Promise<DayCount[]> {
    return this.buckets('findings', 'ts', since, bucketMs);
  }

  alertBuckets(since: string, bucketMs: number): Promise<DayCount[]> {
    return this.buckets('alerts', 'created_at', since, bucketMs);
  }

  async findingsByMapping(since?: string): Promise<MappingCount[]> {
    const d = this.driver.dialect;
    const rows = await this.driver.all(
      `SELECT rule_id, mappings, COUNT(*) AS n FROM findings${since ? ' WHERE ts >= ?' : ''} GROUP BY rule_id, mappings`,
      since ? [d.time(since)] : [],
    );
    return rows.map((row) => ({
      ruleId: String(row['rule_id']),
      mappings: (d.readJson(row['mappings']) ?? { atlas: [], owasp: [] }) as RuleMappings,
      count: Number(row['n']),
    }));
  }

  async openAlertsByRule(): Promise<Record<string, number>> {
    return countsByKey(
      await this.driver.all(`SELECT rule_id, COUNT(*) AS n FROM alerts WHERE ${OPEN} GROUP BY rule_id`),
      'rule_id',
    );
  }

  private async buckets(table: string, column: string, since: string, bucketMs: number): Promise<DayCount[]> {
    const d = this.driver.dialect;
    const start = bucketStart(d, column, bucketMs);
    const rows = await this.driver.all(
      `SELECT ${start} AS b, COUNT(*) AS n FROM ${table} WHERE ${column} >= ? GROUP BY 1 ORDER BY 1`,
      [d.time(since)],
    );
    return rows.map((row) => ({ start: Number(row['b']), count: Number(row['n']) }));
  }
}
