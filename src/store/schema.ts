/** Column types that differ between the dialects; everything else in the schema is shared. */
export interface ColumnTypes {
  readonly time: string;
  readonly json: string;
  readonly bool: string;
  readonly false: string;
  readonly real: string;
}

export const SQLITE_TYPES: ColumnTypes = {
  time: 'INTEGER',
  json: 'TEXT',
  bool: 'INTEGER',
  false: '0',
  real: 'REAL',
};
export const POSTGRES_TYPES: ColumnTypes = {
  time: 'TIMESTAMPTZ',
  json: 'JSONB',
  bool: 'BOOLEAN',
  false: 'FALSE',
  real: 'DOUBLE PRECISION',
};

/** Version 1: keys, servers, events, audit log. */
export function foundationSchema(t: ColumnTypes): string {
  return `
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
        prefix TEXT NOT NULL UNIQUE,
        secret_hash TEXT NOT NULL,
        created_at ${t.time} NOT NULL,
        created_by TEXT,
        last_used_at ${t.time},
        revoked_at ${t.time}
      );
      CREATE TABLE servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        endpoint_url TEXT,
        description TEXT,
        tags ${t.json} NOT NULL DEFAULT '[]',
        api_key_prefix TEXT,
        api_key_hash TEXT,
        hmac_secret_encrypted TEXT,
        ip_allowlist ${t.json} NOT NULL DEFAULT '[]',
        allow_unauthenticated ${t.bool} NOT NULL DEFAULT ${t.false},
        created_at ${t.time} NOT NULL,
        updated_at ${t.time} NOT NULL
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        ts ${t.time} NOT NULL,
        received_at ${t.time} NOT NULL,
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
        arguments ${t.json},
        metadata ${t.json} NOT NULL DEFAULT '{}',
        tool_description TEXT,
        is_error ${t.bool},
        duration_ms ${t.real}
      );
      CREATE UNIQUE INDEX events_dedupe ON events (server_id, dedupe_key);
      CREATE INDEX events_ts ON events (ts DESC, id DESC);
      CREATE INDEX events_server_ts ON events (server_id, ts DESC, id DESC);
      -- No per-user or per-tool index: each one cost ~5 µs per inserted event (bench/ingest); those
      -- filters ride the time indexes instead.
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at ${t.time} NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT,
        details ${t.json} NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
  `;
}

/** Version 2: findings, alerts, rule settings, custom rules, tool pins. */
export function detectionSchema(t: ColumnTypes): string {
  return `
      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        alert_id TEXT,
        server_id TEXT NOT NULL,
        user_name TEXT,
        ts ${t.time} NOT NULL,
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
        mappings ${t.json} NOT NULL,
        created_at ${t.time} NOT NULL
      );
      -- One finding per rule, field and span of an event, so a rescan adds only what is new.
      CREATE UNIQUE INDEX findings_unique ON findings (event_id, rule_id, field, span_start, span_end);
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
        first_seen ${t.time} NOT NULL,
        last_seen ${t.time} NOT NULL,
        created_at ${t.time} NOT NULL,
        updated_at ${t.time} NOT NULL
      );
      CREATE INDEX alerts_last_seen ON alerts (last_seen DESC, id DESC);
      CREATE INDEX alerts_status ON alerts (status, last_seen DESC);
      CREATE INDEX alerts_rule ON alerts (rule_id, last_seen DESC);
      CREATE INDEX alerts_server ON alerts (server_id, last_seen DESC);
      CREATE TABLE rule_settings (
        rule_id TEXT PRIMARY KEY,
        enabled ${t.bool},
        severity TEXT,
        action TEXT,
        updated_at ${t.time} NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE custom_rules (
        id TEXT PRIMARY KEY,
        definition ${t.json} NOT NULL,
        created_at ${t.time} NOT NULL,
        updated_at ${t.time} NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE tool_pins (
        server_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        description_hash TEXT,
        description TEXT,
        first_seen ${t.time} NOT NULL,
        last_seen ${t.time} NOT NULL,
        PRIMARY KEY (server_id, tool)
      );
  `;
}
