import type { HuntColumn, KqlType } from './kql-types.js';

/** A KQL column and the stored column it reads (an identifier from our schema, never user text). */
export interface SourceColumn extends HuntColumn {
  readonly sql: string;
  /** Nullable text columns read as '' like KQL strings, which are never null. */
  readonly nullable?: boolean;
  readonly description?: string;
}

export interface SourceTable {
  readonly table: string;
  readonly sqlTable: string;
  readonly description: string;
  readonly columns: readonly SourceColumn[];
}

const col = (name: string, type: KqlType, sql: string, nullable = false): SourceColumn => ({
  name,
  type,
  sql,
  nullable,
});

/** The hunting tables over the store's tables; credential columns are deliberately absent. */
export const SOURCE_TABLES: readonly SourceTable[] = [
  {
    table: 'McpEvents',
    sqlTable: 'events',
    description: 'Every MCP call or message Sentinel received (webhook, upload, proxy).',
    columns: [
      col('TimeGenerated', 'datetime', 'ts'),
      col('EventId', 'string', 'id'),
      col('ServerId', 'string', 'server_id'),
      col('ReceivedAt', 'datetime', 'received_at'),
      col('Source', 'string', 'source'),
      col('ExternalId', 'string', 'external_id', true),
      col('SessionId', 'string', 'session_id', true),
      col('User', 'string', 'user_name', true),
      col('Agent', 'string', 'agent', true),
      col('Client', 'string', 'client', true),
      col('Tool', 'string', 'tool', true),
      col('Method', 'string', 'method', true),
      col('Prompt', 'string', 'prompt', true),
      col('Response', 'string', 'response', true),
      col('Arguments', 'dynamic', 'arguments', true),
      col('Metadata', 'dynamic', 'metadata'),
      col('ToolDescription', 'string', 'tool_description', true),
      col('IsError', 'bool', 'is_error', true),
      col('DurationMs', 'real', 'duration_ms', true),
    ],
  },
  {
    table: 'Findings',
    sqlTable: 'findings',
    description: 'What a detection rule found in an event (one row per rule, field and span).',
    columns: [
      col('TimeGenerated', 'datetime', 'ts'),
      col('FindingId', 'string', 'id'),
      col('EventId', 'string', 'event_id'),
      col('AlertId', 'string', 'alert_id', true),
      col('ServerId', 'string', 'server_id'),
      col('User', 'string', 'user_name', true),
      col('RuleId', 'string', 'rule_id'),
      col('Title', 'string', 'title'),
      col('Severity', 'string', 'severity'),
      col('Category', 'string', 'category'),
      col('Action', 'string', 'action'),
      col('Field', 'string', 'field'),
      col('SpanStart', 'long', 'span_start'),
      col('SpanEnd', 'long', 'span_end'),
      col('Evidence', 'string', 'evidence'),
      col('Fingerprint', 'string', 'fingerprint', true),
      col('Detail', 'string', 'detail', true),
      col('Mappings', 'dynamic', 'mappings'),
      col('CreatedAt', 'datetime', 'created_at'),
    ],
  },
  {
    table: 'Alerts',
    sqlTable: 'alerts',
    description:
      'Findings of one rule, server and user grouped in a time window; TimeGenerated is the first finding.',
    columns: [
      col('TimeGenerated', 'datetime', 'first_seen'),
      col('AlertId', 'string', 'id'),
      col('RuleId', 'string', 'rule_id'),
      col('ServerId', 'string', 'server_id'),
      col('User', 'string', 'user_name', true),
      col('Title', 'string', 'title'),
      col('Severity', 'string', 'severity'),
      col('Category', 'string', 'category'),
      col('Status', 'string', 'status'),
      col('Assignee', 'string', 'assignee', true),
      col('Reason', 'string', 'reason', true),
      col('FindingCount', 'long', 'finding_count'),
      col('FirstSeen', 'datetime', 'first_seen'),
      col('LastSeen', 'datetime', 'last_seen'),
      col('CreatedAt', 'datetime', 'created_at'),
      col('UpdatedAt', 'datetime', 'updated_at'),
      col('ClosedAt', 'datetime', 'closed_at'),
    ],
  },
  {
    table: 'Servers',
    sqlTable: 'servers',
    description: 'Registered MCP servers (no credentials: key hashes and secrets are not exposed).',
    columns: [
      col('TimeGenerated', 'datetime', 'created_at'),
      col('ServerId', 'string', 'id'),
      col('Name', 'string', 'name'),
      col('Type', 'string', 'type'),
      col('EndpointUrl', 'string', 'endpoint_url', true),
      col('Description', 'string', 'description', true),
      col('Tags', 'dynamic', 'tags'),
      col('AllowUnauthenticated', 'bool', 'allow_unauthenticated'),
      col('CreatedAt', 'datetime', 'created_at'),
      col('UpdatedAt', 'datetime', 'updated_at'),
    ],
  },
  {
    table: 'AuditLogs',
    sqlTable: 'audit_log',
    description: 'Who changed what in Sentinel (keys, servers, rules, alerts).',
    columns: [
      col('TimeGenerated', 'datetime', 'at'),
      col('AuditId', 'string', 'id'),
      col('Actor', 'string', 'actor'),
      col('Action', 'string', 'action'),
      col('TargetType', 'string', 'target_type'),
      col('TargetId', 'string', 'target_id', true),
      col('Details', 'dynamic', 'details'),
    ],
  },
];

export interface HuntingTable {
  readonly table: string;
  readonly columns: HuntColumn[];
  readonly description: string;
}

/** The tables and columns a hunt can read, as shown to analysts and agents. */
export const HUNTING_SCHEMA: readonly HuntingTable[] = SOURCE_TABLES.map((t) => ({
  table: t.table,
  description: t.description,
  columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
}));

export function sourceTable(name: string): SourceTable | undefined {
  return SOURCE_TABLES.find((t) => t.table === name);
}
