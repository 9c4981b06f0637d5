import type {
  Alert,
  AlertReason,
  AlertStatus,
  Category,
  RuleAction,
  RuleMappings,
  Severity,
  StoredFinding,
} from '../../core/index.js';
import type { Dialect, Row } from '../sql-driver.js';

export const FINDING_COLUMNS = [
  'id',
  'event_id',
  'alert_id',
  'server_id',
  'user_name',
  'ts',
  'rule_id',
  'title',
  'severity',
  'category',
  'action',
  'field',
  'span_start',
  'span_end',
  'evidence',
  'fingerprint',
  'detail',
  'mappings',
  'created_at',
] as const;

export const ALERT_COLUMNS = [
  'id',
  'rule_id',
  'server_id',
  'user_name',
  'title',
  'severity',
  'category',
  'status',
  'assignee',
  'reason',
  'closed_at',
  'finding_count',
  'first_seen',
  'last_seen',
  'created_at',
  'updated_at',
] as const;

const text = (row: Row, key: string) =>
  row[key] === null || row[key] === undefined ? null : String(row[key]);

export function findingFromRow(d: Dialect, row: Row): StoredFinding {
  return {
    id: String(row['id']),
    eventId: String(row['event_id']),
    alertId: text(row, 'alert_id'),
    serverId: String(row['server_id']),
    user: text(row, 'user_name'),
    timestamp: d.readTime(row['ts']),
    ruleId: String(row['rule_id']),
    title: String(row['title']),
    severity: String(row['severity']) as Severity,
    category: String(row['category']) as Category,
    action: String(row['action']) as RuleAction,
    field: String(row['field']),
    start: Number(row['span_start']),
    end: Number(row['span_end']),
    evidence: String(row['evidence']),
    fingerprint: text(row, 'fingerprint'),
    detail: text(row, 'detail'),
    mappings: (d.readJson(row['mappings']) ?? { atlas: [], owasp: [] }) as RuleMappings,
    createdAt: d.readTime(row['created_at']),
  };
}

export function alertFromRow(d: Dialect, row: Row): Alert {
  return {
    id: String(row['id']),
    ruleId: String(row['rule_id']),
    serverId: String(row['server_id']),
    user: text(row, 'user_name'),
    title: String(row['title']),
    severity: String(row['severity']) as Severity,
    category: String(row['category']) as Category,
    status: String(row['status']) as AlertStatus,
    assignee: text(row, 'assignee'),
    reason: text(row, 'reason') as AlertReason | null,
    closedAt:
      row['closed_at'] === null || row['closed_at'] === undefined ? null : d.readTime(row['closed_at']),
    findingCount: Number(row['finding_count']),
    firstSeen: d.readTime(row['first_seen']),
    lastSeen: d.readTime(row['last_seen']),
    createdAt: d.readTime(row['created_at']),
    updatedAt: d.readTime(row['updated_at']),
  };
}

/** Counts grouped by one text column, as a plain record. */
export function countsByKey(rows: Row[], key: string): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [String(row[key]), Number(row['n'])]));
}
