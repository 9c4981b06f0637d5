import type { ServerType } from '../../core/index.js';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type { ServerPatch, ServerRecord, ServerRepository } from '../store.js';

/** Record field -> column, in insert order. */
const FIELDS = {
  id: 'id',
  name: 'name',
  type: 'type',
  endpointUrl: 'endpoint_url',
  description: 'description',
  tags: 'tags',
  apiKeyPrefix: 'api_key_prefix',
  apiKeyHash: 'api_key_hash',
  hmacSecretEncrypted: 'hmac_secret_encrypted',
  ipAllowlist: 'ip_allowlist',
  allowUnauthenticated: 'allow_unauthenticated',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof ServerRecord, string>;

type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
const SELECT = `SELECT ${Object.values(FIELDS).join(', ')} FROM servers`;

/** Registered servers over either dialect. */
export class SqlServerRepository implements ServerRepository {
  constructor(private readonly driver: SqlDriver) {}

  async create(record: ServerRecord): Promise<void> {
    const columns = FIELD_NAMES.map((field) => FIELDS[field]);
    await this.driver.run(
      `INSERT INTO servers (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      FIELD_NAMES.map((field) => this.toValue(field, record[field])),
    );
  }

  async findById(id: string): Promise<ServerRecord | null> {
    const rows = await this.driver.all(`${SELECT} WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async list(): Promise<ServerRecord[]> {
    const rows = await this.driver.all(`${SELECT} ORDER BY created_at, id`);
    return rows.map((row) => this.fromRow(row));
  }

  async update(id: string, patch: ServerPatch): Promise<ServerRecord | null> {
    const fields = FIELD_NAMES.filter((field) => field !== 'id' && field !== 'createdAt' && field in patch);
    const assignments = fields.map((field) => `${FIELDS[field]} = ?`);
    const values = fields.map((field) => this.toValue(field, patch[field as keyof ServerPatch]));
    const changed = await this.driver.run(`UPDATE servers SET ${assignments.join(', ')} WHERE id = ?`, [
      ...values,
      id,
    ]);
    return changed > 0 ? this.findById(id) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM servers WHERE id = ?', [id])) > 0;
  }

  private toValue(field: Field, value: unknown): SqlValue {
    const d = this.driver.dialect;
    if (value === undefined || value === null) return null;
    if (field === 'tags' || field === 'ipAllowlist') return d.json(value);
    if (field === 'createdAt' || field === 'updatedAt') return d.time(String(value));
    if (field === 'allowUnauthenticated') return d.bool(Boolean(value));
    return String(value);
  }

  private fromRow(row: Row): ServerRecord {
    const d = this.driver.dialect;
    const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
    return {
      id: String(row['id']),
      name: String(row['name']),
      type: String(row['type']) as ServerType,
      endpointUrl: text('endpoint_url'),
      description: text('description'),
      tags: (d.readJson(row['tags']) ?? []) as string[],
      apiKeyPrefix: text('api_key_prefix'),
      apiKeyHash: text('api_key_hash'),
      hmacSecretEncrypted: text('hmac_secret_encrypted'),
      ipAllowlist: (d.readJson(row['ip_allowlist']) ?? []) as string[],
      allowUnauthenticated: Boolean(row['allow_unauthenticated']),
      createdAt: d.readTime(row['created_at']),
      updatedAt: d.readTime(row['updated_at']),
    };
  }
}
