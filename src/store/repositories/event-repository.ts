import { type Finding, type McpEvent, SEVERITIES } from '../../core/index.js';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type {
  CommitOptions,
  DetectedEvent,
  EventFilter,
  EventFindingSummary,
  EventRepository,
  EventToStore,
  Page,
  PageRequest,
} from '../store.js';
import { addFindings, commitDetected } from './detection-commit.js';
import { addEquals, addTimeRange, inList, pageQuery } from './page-query.js';
import { subjectClause } from './subject-match.js';

const COLUMNS = [
  'id',
  'server_id',
  'ts',
  'received_at',
  'source',
  'external_id',
  'dedupe_key',
  'session_id',
  'user_name',
  'agent',
  'client',
  'tool',
  'method',
  'prompt',
  'response',
  'arguments',
  'metadata',
  'tool_description',
  'is_error',
  'duration_ms',
] as const;

const SELECT = `SELECT ${COLUMNS.join(', ')} FROM events`;

/** Severity as a rank, so one MAX finds the worst finding of an event. */
const SEVERITY_RANK = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 0 END`;

/** Events over either dialect. */
export class SqlEventRepository implements EventRepository {
  constructor(private readonly driver: SqlDriver) {}

  insertBatch(events: readonly EventToStore[]): Promise<boolean[]> {
    if (events.length === 0) return Promise.resolve([]);
    return this.driver.insertIgnoringConflicts(
      'events',
      COLUMNS,
      events.map((item) => this.toRow(item)),
    );
  }

  commitDetected(batch: readonly DetectedEvent[], options: CommitOptions): Promise<boolean[]> {
    return commitDetected(this.driver, (item) => this.toRow(item), COLUMNS, batch, options);
  }

  addFindings(
    items: ReadonlyArray<{ readonly event: McpEvent; readonly findings: readonly Finding[] }>,
    options: CommitOptions,
  ): Promise<number> {
    return this.driver.transaction((tx) => addFindings(tx, items, options));
  }

  async findById(id: string): Promise<McpEvent | null> {
    const rows = await this.driver.all(`${SELECT} WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  list(filter: EventFilter, page: PageRequest): Promise<Page<McpEvent>> {
    const { where, params } = this.whereClause(filter);
    return pageQuery(
      this.driver,
      { select: SELECT, where, params, timeColumn: 'ts' },
      page,
      (row) => this.fromRow(row),
      (event) => ({ time: event.timestamp, id: event.id }),
    );
  }

  async count(filter: EventFilter): Promise<number> {
    const { where, params } = this.whereClause(filter);
    const rows = await this.driver.all(
      `SELECT COUNT(*) AS n FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(rows[0]?.['n'] ?? 0);
  }

  async findingSummaries(eventIds: readonly string[]): Promise<Map<string, EventFindingSummary>> {
    const summaries = new Map<string, EventFindingSummary>();
    if (eventIds.length === 0) return summaries;
    // A page is at most 500 ids; the lookup uses the leading column of findings_unique (event_id, ...).
    const rows = await this.driver.all(
      `SELECT event_id, COUNT(*) AS n, MAX(${SEVERITY_RANK}) AS rank FROM findings
       WHERE ${inList('event_id', eventIds)} GROUP BY event_id`,
      eventIds,
    );
    for (const row of rows) {
      summaries.set(String(row['event_id']), {
        count: Number(row['n']),
        maxSeverity: SEVERITIES[Number(row['rank'])] ?? 'informational',
      });
    }
    return summaries;
  }

  private whereClause(filter: EventFilter): { where: string[]; params: SqlValue[] } {
    const where: string[] = [];
    const params: SqlValue[] = [];
    addEquals(where, params, [
      ['server_id', filter.serverId],
      ['user_name', filter.user],
      ['agent', filter.agent],
      ['tool', filter.tool],
      ['method', filter.method],
      ['session_id', filter.sessionId],
    ]);
    addTimeRange(this.driver, where, params, 'ts', filter);
    if (filter.text !== undefined && filter.text !== '') {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const { ilike } = this.driver.dialect;
      const columns = ['prompt', 'response', 'tool_description', 'arguments', 'metadata', 'tool'];
      where.push(`(${columns.map((column) => ilike(column)).join(' OR ')})`);
      params.push(...columns.map(() => pattern));
    }
    if (filter.subject !== undefined && filter.subject !== '') {
      const clause = subjectClause(this.driver.dialect, filter.subject);
      where.push(clause.sql);
      params.push(...clause.params);
    }
    if (filter.withFindings === true) {
      where.push('EXISTS (SELECT 1 FROM findings f WHERE f.event_id = events.id)');
    }
    return { where, params };
  }

  private toRow({ event, dedupeKey }: EventToStore): SqlValue[] {
    const d = this.driver.dialect;
    return [
      event.id,
      event.serverId,
      d.time(event.timestamp),
      d.time(event.receivedAt),
      event.source,
      event.externalId,
      dedupeKey,
      event.sessionId,
      event.user,
      event.agent,
      event.client,
      event.tool,
      event.method,
      event.prompt,
      event.response,
      event.arguments === null ? null : d.json(event.arguments),
      d.json(event.metadata),
      event.toolDescription,
      event.isError === null ? null : d.bool(event.isError),
      event.durationMs,
    ];
  }

  private fromRow(row: Row): McpEvent {
    const d = this.driver.dialect;
    const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
    return {
      id: String(row['id']),
      serverId: String(row['server_id']),
      timestamp: d.readTime(row['ts']),
      receivedAt: d.readTime(row['received_at']),
      source: String(row['source']) as McpEvent['source'],
      externalId: text('external_id'),
      sessionId: text('session_id'),
      user: text('user_name'),
      agent: text('agent'),
      client: text('client'),
      tool: text('tool'),
      method: text('method'),
      prompt: text('prompt'),
      response: text('response'),
      arguments: row['arguments'] === null ? null : (d.readJson(row['arguments']) as Record<string, unknown>),
      metadata: (d.readJson(row['metadata']) ?? {}) as Record<string, unknown>,
      toolDescription: text('tool_description'),
      isError: row['is_error'] === null ? null : Boolean(row['is_error']),
      durationMs: row['duration_ms'] === null ? null : Number(row['duration_ms']),
    };
  }
}
