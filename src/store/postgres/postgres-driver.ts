import type pg from 'pg';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import { postgresDialect, toPositional } from './postgres-dialect.js';

/** PostgreSQL allows 65535 bound parameters per statement. */
const MAX_PARAMETERS = 60_000;

type Queryable = pg.Pool | pg.PoolClient;

/** The async driver surface over a pg pool (or, inside a transaction, one pooled client). */
export class PostgresDriver implements SqlDriver {
  readonly dialect = postgresDialect;

  constructor(private readonly db: Queryable) {}

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const result = await this.db.query(toPositional(sql), params as SqlValue[]);
    return result.rows as Row[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.db.query(toPositional(sql), params as SqlValue[]);
    return result.rowCount ?? 0;
  }

  /** The first column must be the row's unique id: returned ids tell which rows went in. */
  async insertIgnoringConflicts(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
  ): Promise<boolean[]> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    if (rows.length > perStatement) {
      return this.transaction(async (driver) => {
        const results: boolean[] = [];
        for (let start = 0; start < rows.length; start += perStatement) {
          results.push(
            ...(await driver.insertIgnoringConflicts(
              table,
              columns,
              rows.slice(start, start + perStatement),
            )),
          );
        }
        return results;
      });
    }
    const values: SqlValue[] = [];
    const tuples = rows.map((row) => {
      const placeholders = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const idColumn = columns[0];
    const result = await this.db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING RETURNING ${idColumn}`,
      values,
    );
    const inserted = new Set(result.rows.map((row: Row) => String(row[idColumn ?? 'id'])));
    return rows.map((row) => inserted.has(String(row[0])));
  }

  async transaction<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    if (!('connect' in this.db) || !('totalCount' in this.db)) return work(this);
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresDriver(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if ('end' in this.db && 'totalCount' in this.db) await this.db.end();
  }
}
