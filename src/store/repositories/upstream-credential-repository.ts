import type { UpstreamCredentialRecord, UpstreamCredentialRepository } from '../gateway-records.js';
import type { SqlDriver } from '../sql-driver.js';

/** The sealed credential Sentinel presents to each server's upstream. */
export class SqlUpstreamCredentialRepository implements UpstreamCredentialRepository {
  constructor(private readonly driver: SqlDriver) {}

  async find(serverId: string): Promise<UpstreamCredentialRecord | null> {
    const rows = await this.driver.all(
      'SELECT server_id, kind, header_name, secret_encrypted, updated_at, updated_by FROM upstream_credentials WHERE server_id = ?',
      [serverId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      serverId: String(row['server_id']),
      kind: row['kind'] === 'header' ? 'header' : 'bearer',
      headerName: String(row['header_name']),
      secretEncrypted: String(row['secret_encrypted']),
      updatedAt: this.driver.dialect.readTime(row['updated_at']),
      updatedBy: String(row['updated_by']),
    };
  }

  async upsert(record: UpstreamCredentialRecord): Promise<void> {
    await this.driver.run(
      `INSERT INTO upstream_credentials (server_id, kind, header_name, secret_encrypted, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (server_id) DO UPDATE SET kind = excluded.kind, header_name = excluded.header_name,
         secret_encrypted = excluded.secret_encrypted, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        record.serverId,
        record.kind,
        record.headerName,
        record.secretEncrypted,
        this.driver.dialect.time(record.updatedAt),
        record.updatedBy,
      ],
    );
  }

  async delete(serverId: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM upstream_credentials WHERE server_id = ?', [serverId])) > 0;
  }
}
