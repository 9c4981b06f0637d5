import type { Worker } from 'node:worker_threads';
import { PendingReplies, siblingModule, startWorker } from '../../core/index.js';
import type { SqliteConnectionOptions } from './sqlite-connection.js';
import {
  READY_ID,
  type SqliteOperation,
  type SqliteReply,
  type SqliteRequest,
  type WireError,
} from './sqlite-worker-protocol.js';

/** The worker's entry (TypeScript when run through tsx in tests and benchmarks). */
const ENTRY = siblingModule(import.meta.url, 'sqlite-worker');

/** Rebuilds an error from the worker with the same name, message and `code` (callers check codes). */
function rebuild(wire: WireError): Error {
  const error: Error & { code?: string } = new Error(wire.message);
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}

/**
 * The request/reply link to the thread that owns the SQLite connection. The worker is referenced
 * only while requests are in flight, so a process that forgets to close its store still exits.
 */
export class SqliteWorkerChannel {
  private readonly worker: Worker;
  private readonly pending: PendingReplies;
  private nextId = READY_ID + 1;
  /** Why requests now fail at once: the worker stopped, or the store was closed. */
  private unavailable: Error | null = null;
  private readonly exited: Promise<void>;

  private constructor(options: SqliteConnectionOptions) {
    this.worker = startWorker(ENTRY, { workerData: options });
    this.worker.unref();
    this.pending = new PendingReplies(this.worker);
    this.worker.on('message', (reply: SqliteReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(`the SQLite worker thread failed: ${error.message}`));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.fail(`the SQLite worker thread stopped unexpectedly (exit code ${code})`);
        resolve();
      });
    });
  }

  /** Starts the worker and resolves once it has opened the file. */
  static async start(options: SqliteConnectionOptions): Promise<SqliteWorkerChannel> {
    const channel = new SqliteWorkerChannel(options);
    await channel.pending.wait(READY_ID);
    return channel;
  }

  /** Runs one operation on the worker's connection; requests run in the order they are sent. */
  request<T>(operation: SqliteOperation): Promise<T> {
    if (this.unavailable !== null) return Promise.reject(this.unavailable);
    const id = this.nextId++;
    const reply = this.pending.wait<T>(id);
    try {
      this.worker.postMessage({ id, operation } satisfies SqliteRequest);
    } catch (error) {
      this.pending.reject(id, error as Error);
    }
    return reply;
  }

  /** Lets every request sent so far finish, closes the connection and waits for the thread to end. */
  async close(): Promise<void> {
    if (this.unavailable !== null) return this.exited;
    const closing = this.request<void>({ op: 'close' });
    this.unavailable = new Error('the SQLite store is closed');
    await closing;
    // The connection is closed; under tsx the loader keeps the thread alive, so end it here.
    await this.worker.terminate();
    await this.exited;
  }

  /** Stops the thread at once, as a crash would: for tests of crash handling. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(reply: SqliteReply): void {
    if (reply.ok) this.pending.resolve(reply.id, reply.value);
    else this.pending.reject(reply.id, rebuild(reply.error));
  }

  private fail(reason: string): void {
    this.unavailable ??= new Error(`${reason}; the SQLite store is unavailable`);
    if (this.pending.size === 0) return;
    // Whether these statements took effect is unknown: the caller must not assume either way.
    const error = new Error(`${reason} before answering; the statement's outcome is unknown`);
    this.pending.rejectAll(error);
  }
}
