import { type Finding, type McpEvent, newId } from '../../core/index.js';
import type { SqlDriver, SqlValue } from '../sql-driver.js';
import type { CommitOptions, DetectedEvent, EventToStore } from '../store.js';
import { FINDING_COLUMNS } from './detection-rows.js';

interface Group {
  readonly key: string;
  readonly finding: Finding;
  readonly serverId: string;
  readonly user: string | null;
  count: number;
  first: string;
  last: string;
  readonly ids: string[];
}

/**
 * One transaction: the events, then (for events that were new) their findings and the alerts they
 * join. Alert grouping lives in the database (a unique `active_key`), so nodes never disagree.
 */
export async function commitDetected(
  driver: SqlDriver,
  toRow: (item: EventToStore) => SqlValue[],
  eventColumns: readonly string[],
  batch: readonly DetectedEvent[],
  options: CommitOptions,
): Promise<boolean[]> {
  if (batch.length === 0) return [];
  if (batch.every((item) => item.findings.length === 0)) {
    return driver.insertIgnoringConflicts(
      'events',
      eventColumns,
      batch.map((item) => toRow(item.event)),
    );
  }
  return driver.transaction(async (tx) => {
    const inserted = await tx.insertIgnoringConflicts(
      'events',
      eventColumns,
      batch.map((item) => toRow(item.event)),
    );
    await addFindings(
      tx,
      batch
        .filter((_, i) => inserted[i])
        .map((item) => ({ event: item.event.event, findings: item.findings })),
      options,
    );
    return inserted;
  });
}

/**
 * Adds findings to stored events (inside the caller's transaction): findings already stored for the
 * same rule, field and span are skipped; only new ones count towards alerts. Returns how many were new.
 */
export async function addFindings(
  tx: SqlDriver,
  items: ReadonlyArray<{ readonly event: McpEvent; readonly findings: readonly Finding[] }>,
  options: CommitOptions,
): Promise<number> {
  const candidates = items.flatMap(({ event, findings }) =>
    findings.map((finding) => ({ event, finding, id: newId() })),
  );
  if (candidates.length === 0) return 0;
  const inserted = await tx.insertIgnoringConflicts(
    'findings',
    FINDING_COLUMNS,
    candidates.map(({ event, finding, id }) => findingRow(tx, id, finding, event, options.now)),
  );
  const fresh = candidates.filter((_, i) => inserted[i]);
  for (const group of groupFindings(fresh).values()) {
    const alertId = await upsertAlert(tx, group, options);
    for (let start = 0; start < group.ids.length; start += 500) {
      const ids = group.ids.slice(start, start + 500);
      await tx.run(`UPDATE findings SET alert_id = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
        alertId,
        ...ids,
      ]);
    }
  }
  return fresh.length;
}

function groupKey(finding: Finding, serverId: string, user: string | null): string {
  return JSON.stringify([finding.ruleId, serverId, user]);
}

function groupFindings(
  candidates: ReadonlyArray<{ readonly event: McpEvent; readonly finding: Finding; readonly id: string }>,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const { event, finding, id } of candidates) {
    const { serverId, user, timestamp } = event;
    const key = groupKey(finding, serverId, user);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        key,
        finding,
        serverId,
        user,
        count: 1,
        first: timestamp,
        last: timestamp,
        ids: [id],
      });
    } else {
      group.count += 1;
      group.ids.push(id);
      if (timestamp < group.first) group.first = timestamp;
      if (timestamp > group.last) group.last = timestamp;
    }
  }
  return groups;
}

async function upsertAlert(tx: SqlDriver, group: Group, options: CommitOptions): Promise<string> {
  const d = tx.dialect;
  const windowStart = new Date(Date.parse(group.first) - options.alertWindowMs).toISOString();
  // An alert quiet for longer than the window stops taking findings; the next ones open a new alert.
  await tx.run('UPDATE alerts SET active_key = NULL WHERE active_key = ? AND last_seen < ?', [
    group.key,
    d.time(windowStart),
  ]);
  const { finding } = group;
  const rows = await tx.all(
    `INSERT INTO alerts (id, group_key, active_key, rule_id, server_id, user_name, title, severity, category, status,
       finding_count, first_seen, last_seen, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?)
     ON CONFLICT (active_key) DO UPDATE SET
       finding_count = alerts.finding_count + excluded.finding_count,
       first_seen = CASE WHEN excluded.first_seen < alerts.first_seen THEN excluded.first_seen ELSE alerts.first_seen END,
       last_seen = CASE WHEN excluded.last_seen > alerts.last_seen THEN excluded.last_seen ELSE alerts.last_seen END,
       updated_at = excluded.updated_at
     RETURNING id`,
    [
      newId(),
      group.key,
      group.key,
      finding.ruleId,
      group.serverId,
      group.user,
      finding.title,
      finding.severity,
      finding.category,
      group.count,
      d.time(group.first),
      d.time(group.last),
      d.time(options.now),
      d.time(options.now),
    ],
  );
  return String(rows[0]?.['id']);
}

function findingRow(tx: SqlDriver, id: string, finding: Finding, event: McpEvent, now: string): SqlValue[] {
  const d = tx.dialect;
  return [
    id,
    event.id,
    null,
    event.serverId,
    event.user,
    d.time(event.timestamp),
    finding.ruleId,
    finding.title,
    finding.severity,
    finding.category,
    finding.action,
    finding.field,
    finding.start,
    finding.end,
    finding.evidence,
    finding.fingerprint,
    finding.detail,
    d.json(finding.mappings),
    d.time(now),
  ];
}
