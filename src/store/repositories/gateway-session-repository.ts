import type { GatewaySessionRecord, GatewaySessionRepository } from '../gateway-records.js';
import type { Row, SqlDriver } from '../sql-driver.js';

const COLUMNS =
  'id, server_id, api_key_id, transport, upstream_session_id, protocol_version, client_info, client_capabilities, created_at, last_seen_at, expires_at';

/** HTTP gateway sessions, shared by every node. */
export class SqlGatewaySessionRepository implements GatewaySessionRepository {
  constructor(private readonly driver: SqlDriver) {}

  async create(record: GatewaySessionRecord): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      `INSERT INTO gateway_sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.id,
        record.serverId,
        record.apiKeyId,
        record.transport,
        record.upstreamSessionId,
        record.protocolVersion,
        record.clientInfo === null ? null : d.json(record.clientInfo),
        record.clientCapabilities === null ? null : d.json(record.clientCapabilities),
        d.time(record.createdAt),
        d.time(record.lastSeenAt),
        d.time(record.expiresAt),
      ],
    );
  }

  async findLive(id: string, now: string): Promise<GatewaySessionRecord | null> {
    const d = this.driver.dialect;
    const rows = await this.driver.all(
      `SELECT ${COLUMNS} FROM gateway_sessions WHERE id = ? AND expires_at > ?`,
      [id, d.time(now)],
    );
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run('UPDATE gateway_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?', [
      d.time(lastSeenAt),
      d.time(expiresAt),
      id,
    ]);
  }

  async delete(id: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM gateway_sessions WHERE id = ?', [id])) > 0;
  }

  async deleteExpired(now: string): Promise<number> {
    return this.driver.run('DELETE FROM gateway_sessions WHERE expires_at <= ?', [
      this.driver.dialect.time(now),
    ]);
  }

  private fromRow(row: Row): GatewaySessionRecord {
    const d = this.driver.dialect;
    return {
      id: String(row['id']),
      serverId: String(row['server_id']),
      apiKeyId: String(row['api_key_id']),
      transport: row['transport'] === 'sse' ? 'sse' : 'streamable-http',
      upstreamSessionId: row['upstream_session_id'] === null ? null : String(row['upstream_session_id']),
      protocolVersion: row['protocol_version'] === null ? null : String(row['protocol_version']),
      clientInfo:
        row['client_info'] === null
          ? null
          : (d.readJson(row['client_info']) as GatewaySessionRecord['clientInfo']),
      clientCapabilities:
        row['client_capabilities'] === null
          ? null
          : (d.readJson(row['client_capabilities']) as Record<string, unknown>),
      createdAt: d.readTime(row['created_at']),
      lastSeenAt: d.readTime(row['last_seen_at']),
      expiresAt: d.readTime(row['expires_at']),
    };
  }
}
