import type { ApiKey, Role } from '../../core/index.js';
import type { Row, SqlDriver } from '../sql-driver.js';
import type { ApiKeyRecord, ApiKeyRepository } from '../store.js';

const SELECT =
  'SELECT id, name, role, prefix, secret_hash, created_at, created_by, last_used_at, revoked_at FROM api_keys';

/** API keys over either dialect. */
export class SqlApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly driver: SqlDriver) {}

  async create(record: ApiKeyRecord): Promise<void> {
    const d = this.driver.dialect;
    await this.driver.run(
      'INSERT INTO api_keys (id, name, role, prefix, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        record.id,
        record.name,
        record.role,
        record.prefix,
        record.secretHash,
        d.time(record.createdAt),
        record.createdBy,
      ],
    );
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const rows = await this.driver.all(`${SELECT} WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async findByPrefix(prefix: string): Promise<ApiKeyRecord | null> {
    const rows = await this.driver.all(`${SELECT} WHERE prefix = ?`, [prefix]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.driver.all(`${SELECT} ORDER BY created_at, id`);
    return rows.map((row) => {
      const { secretHash: _hash, ...key } = this.fromRow(row);
      return key;
    });
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const changed = await this.driver.run(
      'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [this.driver.dialect.time(at), id],
    );
    return changed > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.driver.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [
      this.driver.dialect.time(at),
      id,
    ]);
  }

  async countActive(): Promise<number> {
    const rows = await this.driver.all('SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NULL');
    return Number(rows[0]?.['n'] ?? 0);
  }

  private fromRow(row: Row): ApiKeyRecord {
    const d = this.driver.dialect;
    const time = (key: string) => (row[key] === null ? null : d.readTime(row[key]));
    return {
      id: String(row['id']),
      name: String(row['name']),
      role: String(row['role']) as Role,
      prefix: String(row['prefix']),
      secretHash: String(row['secret_hash']),
      createdAt: d.readTime(row['created_at']),
      createdBy: row['created_by'] === null ? null : String(row['created_by']),
      lastUsedAt: time('last_used_at'),
      revokedAt: time('revoked_at'),
    };
  }
}
