import type { SavedQueryRecord, SavedQueryRepository, WriteOutcome } from '../hunting.js';
import type { Row, SqlDriver } from '../sql-driver.js';

const COLUMNS = 'id, name, description, query, created_at, created_by, updated_at, updated_by';

/** Saved KQL queries; names are unique. */
export class SqlSavedQueryRepository implements SavedQueryRepository {
  constructor(private readonly driver: SqlDriver) {}

  async list(): Promise<SavedQueryRecord[]> {
    const rows = await this.driver.all(`SELECT ${COLUMNS} FROM saved_queries ORDER BY name`);
    return rows.map((row) => this.fromRow(row));
  }

  async findById(id: string): Promise<SavedQueryRecord | null> {
    const rows = await this.driver.all(`SELECT ${COLUMNS} FROM saved_queries WHERE id = ?`, [id]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  async create(record: SavedQueryRecord): Promise<WriteOutcome> {
    const d = this.driver.dialect;
    const changed = await this.driver.run(
      `INSERT INTO saved_queries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        record.id,
        record.name,
        record.description,
        record.query,
        d.time(record.createdAt),
        record.createdBy,
        d.time(record.updatedAt),
        record.updatedBy,
      ],
    );
    return changed > 0 ? 'ok' : 'conflict';
  }

  async update(record: SavedQueryRecord): Promise<WriteOutcome> {
    const d = this.driver.dialect;
    // The NOT EXISTS turns a rename onto a taken name into "no row changed" instead of a driver error.
    const changed = await this.driver.run(
      `UPDATE saved_queries SET name = ?, description = ?, query = ?, updated_at = ?, updated_by = ?
       WHERE id = ? AND NOT EXISTS (SELECT 1 FROM saved_queries other WHERE other.name = ? AND other.id <> ?)`,
      [
        record.name,
        record.description,
        record.query,
        d.time(record.updatedAt),
        record.updatedBy,
        record.id,
        record.name,
        record.id,
      ],
    );
    if (changed > 0) return 'ok';
    return (await this.findById(record.id)) === null ? 'missing' : 'conflict';
  }

  async delete(id: string): Promise<boolean> {
    return (await this.driver.run('DELETE FROM saved_queries WHERE id = ?', [id])) > 0;
  }

  private fromRow(row: Row): SavedQueryRecord {
    const d = this.driver.dialect;
    return {
      id: String(row['id']),
      name: String(row['name']),
      description: String(row['description']),
      query: String(row['query']),
      createdAt: d.readTime(row['created_at']),
      createdBy: String(row['created_by']),
      updatedAt: d.readTime(row['updated_at']),
      updatedBy: String(row['updated_by']),
    };
  }
}
