import type { Finding, McpEvent } from '../core/index.js';
import type { ProxySession } from './proxy-session.js';

/**
 * One request paired with its response, in the public webhook format (ARCHITECTURE.md) so the
 * local store and a remote Sentinel's webhook take the very same record.
 */
export interface ProxyEventRecord {
  readonly id: string;
  readonly timestamp: string;
  readonly session_id: string | null;
  readonly client: string | null;
  readonly method: string;
  readonly tool: string | null;
  readonly arguments: Record<string, unknown> | null;
  readonly response: string | null;
  readonly is_error: boolean;
  readonly duration_ms: number;
  readonly metadata: Record<string, unknown>;
}

export interface ProxyEvent {
  readonly record: ProxyEventRecord;
  /** What the engine found in exactly this record inline; null when it was not scanned whole. */
  readonly findings: readonly Finding[] | null;
}

/** Where paired events go; `write` never blocks the relay (implementations queue and batch). */
export interface EventSink {
  write(event: ProxyEvent): void;
  /** Delivers or persists everything written so far. */
  close(): Promise<void>;
}

export function clientName(session: ProxySession): string | null {
  const info = session.clientInfo;
  if (info === undefined) return null;
  return typeof info.version === 'string' && info.version !== '' ? `${info.name}/${info.version}` : info.name;
}

/**
 * The McpEvent the pipeline will make of this record (normalizeEvent's mapping, minus ids and
 * times), so inline findings are the findings of the stored event.
 */
export function scanEventOf(record: ProxyEventRecord, serverId: string): McpEvent {
  return {
    id: record.id,
    serverId,
    timestamp: record.timestamp,
    receivedAt: record.timestamp,
    source: 'proxy',
    externalId: record.id,
    sessionId: record.session_id,
    user: null,
    agent: null,
    client: record.client,
    tool: record.tool,
    method: record.method,
    prompt: null,
    response: record.response,
    arguments: record.arguments,
    metadata: record.metadata,
    toolDescription: null,
    isError: record.is_error,
    durationMs: record.duration_ms,
  };
}
