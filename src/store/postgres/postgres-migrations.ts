import type { Migration } from '../migration.js';

/** PostgreSQL schema history. Times are timestamptz; JSON is jsonb. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
        prefix TEXT NOT NULL UNIQUE,
        secret_hash TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        created_by TEXT,
        last_used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ
      );
      CREATE TABLE servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        endpoint_url TEXT,
        description TEXT,
        tags JSONB NOT NULL DEFAULT '[]',
        api_key_prefix TEXT,
        api_key_hash TEXT,
        hmac_secret_encrypted TEXT,
        ip_allowlist JSONB NOT NULL DEFAULT '[]',
        allow_unauthenticated BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        ts TIMESTAMPTZ NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        external_id TEXT,
        dedupe_key TEXT,
        session_id TEXT,
        user_name TEXT,
        agent TEXT,
        client TEXT,
        tool TEXT,
        method TEXT,
        prompt TEXT,
        response TEXT,
        arguments JSONB,
        metadata JSONB NOT NULL DEFAULT '{}',
        tool_description TEXT,
        is_error BOOLEAN,
        duration_ms DOUBLE PRECISION
      );
      CREATE UNIQUE INDEX events_dedupe ON events (server_id, dedupe_key);
      CREATE INDEX events_ts ON events (ts DESC, id DESC);
      CREATE INDEX events_server_ts ON events (server_id, ts DESC, id DESC);
      CREATE INDEX events_user_ts ON events (user_name, ts DESC);
      CREATE INDEX events_tool_ts ON events (tool, ts DESC);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT,
        details JSONB NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
      -- Rate windows are short-lived counters: UNLOGGED skips the WAL, losing them in a crash is harmless.
      CREATE UNLOGGED TABLE rate_windows (
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (key, window_start)
      );
    `,
  },
  {
    version: 2,
    name: 'detection',
    sql: `
      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        alert_id TEXT,
        server_id TEXT NOT NULL,
        user_name TEXT,
        ts TIMESTAMPTZ NOT NULL,
        rule_id TEXT NOT NULL,
        title TEXT NOT NULL,
        severity TEXT NOT NULL,
        category TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        evidence TEXT NOT NULL,
        fingerprint TEXT,
        detail TEXT,
        mappings JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX findings_event ON findings (event_id);
      CREATE INDEX findings_alert ON findings (alert_id);
      CREATE INDEX findings_ts ON findings (ts DESC, id DESC);
      CREATE INDEX findings_rule_ts ON findings (rule_id, ts DESC);
      CREATE INDEX findings_fingerprint ON findings (fingerprint);
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        group_key TEXT NOT NULL,
        -- The group key while new findings may still join this alert; NULL once closed or expired.
        active_key TEXT UNIQUE,
        rule_id TEXT NOT NULL,
        server_id TEXT NOT NULL,
        user_name TEXT,
        title TEXT NOT NULL,
        severity TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        finding_count INTEGER NOT NULL,
        first_seen TIMESTAMPTZ NOT NULL,
        last_seen TIMESTAMPTZ NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX alerts_last_seen ON alerts (last_seen DESC, id DESC);
      CREATE INDEX alerts_status ON alerts (status, last_seen DESC);
      CREATE INDEX alerts_rule ON alerts (rule_id, last_seen DESC);
      CREATE INDEX alerts_server ON alerts (server_id, last_seen DESC);
      CREATE TABLE rule_settings (
        rule_id TEXT PRIMARY KEY,
        enabled BOOLEAN,
        severity TEXT,
        action TEXT,
        updated_at TIMESTAMPTZ NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE custom_rules (
        id TEXT PRIMARY KEY,
        definition JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE tool_pins (
        server_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        description_hash TEXT,
        description TEXT,
        first_seen TIMESTAMPTZ NOT NULL,
        last_seen TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (server_id, tool)
      );
        `,
  },
];
