import type { Migration } from '../migration.js';

/** SQLite schema history. Times are epoch milliseconds (INTEGER); JSON is TEXT. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
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
        created_at INTEGER NOT NULL,
        created_by TEXT,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      CREATE TABLE servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        endpoint_url TEXT,
        description TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        api_key_prefix TEXT,
        api_key_hash TEXT,
        hmac_secret_encrypted TEXT,
        ip_allowlist TEXT NOT NULL DEFAULT '[]',
        allow_unauthenticated INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        ts INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
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
        arguments TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        tool_description TEXT,
        is_error INTEGER,
        duration_ms REAL
      );
      CREATE UNIQUE INDEX events_dedupe ON events (server_id, dedupe_key);
      CREATE INDEX events_ts ON events (ts DESC, id DESC);
      CREATE INDEX events_server_ts ON events (server_id, ts DESC, id DESC);
      CREATE INDEX events_user_ts ON events (user_name, ts DESC);
      CREATE INDEX events_tool_ts ON events (tool, ts DESC);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
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
        ts INTEGER NOT NULL,
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
        mappings TEXT NOT NULL,
        created_at INTEGER NOT NULL
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
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX alerts_last_seen ON alerts (last_seen DESC, id DESC);
      CREATE INDEX alerts_status ON alerts (status, last_seen DESC);
      CREATE INDEX alerts_rule ON alerts (rule_id, last_seen DESC);
      CREATE INDEX alerts_server ON alerts (server_id, last_seen DESC);
      CREATE TABLE rule_settings (
        rule_id TEXT PRIMARY KEY,
        enabled INTEGER,
        severity TEXT,
        action TEXT,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE custom_rules (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE tool_pins (
        server_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        description_hash TEXT,
        description TEXT,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        PRIMARY KEY (server_id, tool)
      );
        `,
  },
];

/** The rate-window file: separate so its writes never wait for an fsync of the event file. */
export const SQLITE_RATE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rate_windows (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  ) WITHOUT ROWID;
`;
