import type BetterSqlite3 from 'better-sqlite3';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { TransactionLock } from './transaction-lock.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/**
 * better-sqlite3 is synchronous; this wraps it in the async driver surface. A transaction holds
 * a lock so that other callers' statements cannot slip into it between its awaits.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = sqliteDialect;
  private readonly statements = new Map<string, Statement>();
  private readonly lock = new TransactionLock();

  constructor(
    private readonly db: Database,
    private readonly insideTransaction = false,
  ) {}

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    await this.waitForTransaction();
    return this.statement(sql).all(...params) as Row[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    await this.waitForTransaction();
    return this.statement(sql).run(...params).changes;
  }

  async insertIgnoringConflicts(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
  ): Promise<boolean[]> {
    await this.waitForTransaction();
    const insert = this.statement(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
    );
    const insertAll = this.db.transaction((batch: readonly SqlValue[][]) =>
      batch.map((row) => insert.run(...row).changes > 0),
    );
    return this.insideTransaction
      ? rows.map((row) => insert.run(...row).changes > 0)
      : insertAll.immediate(rows);
  }

  async transaction<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    if (this.insideTransaction) return work(this);
    return this.lock.hold(async () => {
      this.db.prepare('BEGIN IMMEDIATE').run();
      try {
        const result = await work(new SqliteDriver(this.db, true));
        this.db.prepare('COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.waitForTransaction();
    this.db.close();
  }

  private async waitForTransaction(): Promise<void> {
    if (!this.insideTransaction) await this.lock.free();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
