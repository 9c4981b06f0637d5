import type Database from 'better-sqlite3';
import type { Row, SqlDriver, SqlValue } from '../sql-driver.js';
import type { SqliteConnectionOptions } from './sqlite-connection.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { SqliteWorkerChannel } from './sqlite-worker-channel.js';
import { TransactionLock } from './transaction-lock.js';

/**
 * The driver over a connection owned by a worker thread (sqlite-worker.ts), with the semantics of
 * SqliteDriver: a transaction holds a lock so that other callers' statements cannot slip into it
 * between its awaits, and an error thrown by its work rolls it back.
 *
 * Reads outside a transaction run here, on a second connection of the calling thread: a point
 * lookup takes microseconds, far less than a hop to the worker and back (which waits for the
 * worker to be scheduled, and behind any commit in progress). WAL readers never wait for the
 * writer, and a write resolves only after its commit, so a read issued after it sees it.
 */
export class SqliteWorkerDriver implements SqlDriver {
  readonly dialect = sqliteDialect;
  private readonly lock = new TransactionLock();

  private constructor(
    private readonly channel: SqliteWorkerChannel,
    private readonly reader: ReadConnection | null,
    private readonly insideTransaction = false,
  ) {}

  /**
   * Starts the worker and opens the file there (migrations must already be applied). `reader`, a
   * connection of this thread, serves reads outside transactions; the driver closes it.
   */
  static async start(
    options: SqliteConnectionOptions,
    reader?: Database.Database,
  ): Promise<SqliteWorkerDriver> {
    const channel = await SqliteWorkerChannel.start(options);
    return new SqliteWorkerDriver(channel, reader ? new ReadConnection(reader) : null);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    await this.waitForTransaction();
    const read = this.insideTransaction ? null : (this.reader?.statement(sql) ?? null);
    if (read !== null) return read.all(...params) as Row[];
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
    return this.lock.hold(async () => {
      await this.channel.request({ op: 'begin' });
      try {
        const result = await work(new SqliteWorkerDriver(this.channel, null, true));
        await this.channel.request({ op: 'commit' });
        return result;
      } catch (error) {
        await this.channel.request({ op: 'rollback' });
        throw error;
      }
    });
  }

  /** Waits for an open transaction, lets the statements already sent finish, then closes. */
  async close(): Promise<void> {
    await this.waitForTransaction();
    await this.channel.close();
    this.reader?.close();
  }

  /** Stops the worker thread at once, as a crash would (tests). */
  terminate(): Promise<void> {
    return this.channel.terminate();
  }

  private async waitForTransaction(): Promise<void> {
    if (!this.insideTransaction) await this.lock.free();
  }
}

/** The calling thread's connection for reads: only statements SQLite reports read-only run on it. */
class ReadConnection {
  /** Per SQL text, its prepared read, or null when it writes (or does not prepare): the worker runs those. */
  private readonly statements = new Map<string, Database.Statement | null>();

  constructor(private readonly db: Database.Database) {}

  statement(sql: string): Database.Statement | null {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      try {
        const candidate = this.db.prepare(sql);
        prepared = candidate.readonly ? candidate : null;
      } catch {
        // The worker prepares it again and reports the error as every other statement's.
        prepared = null;
      }
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
