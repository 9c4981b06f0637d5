import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type { SqliteConnectionOptions } from './sqlite-connection.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { SqliteWorkerChannel } from './sqlite-worker-channel.js';

/**
 * The driver over a connection owned by a worker thread (sqlite-worker.ts), with the semantics of
 * SqliteDriver: a transaction holds a lock so that other callers' statements cannot slip into it
 * between its awaits, and an error thrown by its work rolls it back.
 */
export class SqliteWorkerDriver implements SqlDriver {
  readonly dialect = sqliteDialect;
  private lock: Promise<void> = Promise.resolve();
  private locked = false;

  private constructor(
    private readonly channel: SqliteWorkerChannel,
    private readonly insideTransaction = false,
  ) {}

  /** Starts the worker and opens the file there (migrations must already be applied). */
  static async start(options: SqliteConnectionOptions): Promise<SqliteWorkerDriver> {
    return new SqliteWorkerDriver(await SqliteWorkerChannel.start(options));
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    await this.waitForTransaction();
    return this.channel.request<Row[]>({ op: 'all', sql, params });
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    await this.waitForTransaction();
    return this.channel.request<number>({ op: 'run', sql, params });
  }

  async insertIgnoringConflicts(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
  ): Promise<boolean[]> {
    await this.waitForTransaction();
    return this.channel.request<boolean[]>({ op: 'insert', table, columns, rows });
  }

  async transaction<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    if (this.insideTransaction) return work(this);
    const previous = this.lock;
    let release = () => {};
    this.lock = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.locked = true;
    try {
      await this.channel.request({ op: 'begin' });
      try {
        const result = await work(new SqliteWorkerDriver(this.channel, true));
        await this.channel.request({ op: 'commit' });
        return result;
      } catch (error) {
        await this.channel.request({ op: 'rollback' });
        throw error;
      }
    } finally {
      this.locked = false;
      release();
    }
  }

  /** Waits for an open transaction, lets the statements already sent finish, then closes. */
  async close(): Promise<void> {
    await this.waitForTransaction();
    await this.channel.close();
  }

  /** Stops the worker thread at once, as a crash would (tests). */
  terminate(): Promise<void> {
    return this.channel.terminate();
  }

  private async waitForTransaction(): Promise<void> {
    while (!this.insideTransaction && this.locked) await this.lock;
  }
}
