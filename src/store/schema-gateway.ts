import type { ColumnTypes } from './schema.js';

/** Version 6: HTTP gateway sessions, upstream credentials, the pending-approval queue. */
export function gatewaySchema(t: ColumnTypes): string {
  return `
      -- In the store, not in a node's memory, so any node behind a load balancer serves any session.
      CREATE TABLE gateway_sessions (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        api_key_id TEXT NOT NULL,
        transport TEXT NOT NULL,
        upstream_session_id TEXT,
        protocol_version TEXT,
        client_info ${t.json},
        client_capabilities ${t.json},
        created_at ${t.time} NOT NULL,
        last_seen_at ${t.time} NOT NULL,
        expires_at ${t.time} NOT NULL
      );
      CREATE INDEX gateway_sessions_expires ON gateway_sessions (expires_at);
      CREATE TABLE upstream_credentials (
        server_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('bearer', 'header')),
        header_name TEXT NOT NULL,
        secret_encrypted TEXT NOT NULL,
        updated_at ${t.time} NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE pending_approvals (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        session_id TEXT,
        method TEXT NOT NULL,
        tool TEXT,
        arguments ${t.json},
        rule_ids ${t.json} NOT NULL,
        summary TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'expired')),
        decided_by TEXT,
        decided_at ${t.time},
        comment TEXT,
        created_at ${t.time} NOT NULL,
        expires_at ${t.time} NOT NULL
      );
      CREATE INDEX pending_approvals_status ON pending_approvals (status, created_at DESC);
  `;
}
