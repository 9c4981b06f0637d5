import type { Worker } from 'node:worker_threads';
import { type Finding, type McpEvent, PendingReplies, siblingModule, startWorker } from '../core/index.js';
import type { DetectionReply, DetectionRequest } from './detection-protocol.js';
import type { EffectiveRules } from './rule-catalogue.js';

/** The worker's entry (TypeScript when run through tsx in tests and benchmarks). */
const ENTRY = siblingModule(import.meta.url, 'detection-worker');

/**
 * One worker thread running the pure engine. It is referenced only while batches are in flight, so
 * an idle thread never keeps a process alive. When it fails, every batch in flight is rejected
 * (the pool then scans them inline) and `onFailure` is called once.
 */
export class DetectionThread {
  private readonly worker: Worker;
  private readonly pending: PendingReplies;
  private nextId = 1;
  /** The rules version last sent: rules cross the thread boundary only when they change. */
  private sentVersion: number | null = null;
  private ready = false;
  private failure: Error | null = null;
  private closing = false;
  private readonly exited: Promise<void>;
  private markStarted: (ready: boolean) => void = () => undefined;
  /** Resolves true once the thread is ready, false if it failed first. */
  readonly started = new Promise<boolean>((resolve) => {
    this.markStarted = resolve;
  });

  constructor(private readonly onFailure: (error: Error) => void) {
    this.worker = startWorker(ENTRY);
    this.worker.unref();
    this.pending = new PendingReplies(this.worker);
    this.worker.on('message', (reply: DetectionReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(`the detection thread failed: ${error.message}`));
    this.worker.on('messageerror', (error) =>
      this.fail(`a detection thread's reply could not be read: ${error.message}`),
    );
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.fail(`the detection thread stopped (exit code ${code})`);
        resolve();
      });
    });
  }

  /** Ready for batches: loaded and not failed. Batches sent before that would only wait. */
  get usable(): boolean {
    return this.ready && this.failure === null;
  }

  /** Batches sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** The engine's findings for each event, computed on the thread with exactly `rules`. */
  scan(rules: EffectiveRules, events: readonly McpEvent[]): Promise<Finding[][]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    const reply = this.pending.wait<Finding[][]>(id);
    try {
      if (this.sentVersion !== rules.version) {
        this.post({ type: 'rules', version: rules.version, rules: rules.rules });
        this.sentVersion = rules.version;
      }
      this.post({ type: 'scan', id, version: rules.version, events });
    } catch (error) {
      this.pending.reject(id, error as Error);
    }
    return reply;
  }

  /** Ends the thread on purpose: batches still in flight are rejected, `onFailure` is not called. */
  async close(): Promise<void> {
    this.closing = true;
    await this.terminate();
  }

  /** Stops the thread at once, as a crash would: for tests of crash handling. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private post(request: DetectionRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: DetectionReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      this.markStarted(true);
    } else if (reply.type === 'scanned') {
      this.pending.resolve(reply.id, reply.findings);
    } else {
      this.pending.reject(reply.id, new Error(`the detection thread could not scan: ${reply.message}`));
    }
  }

  private fail(reason: string): void {
    if (this.failure !== null) return;
    this.failure = new Error(reason);
    this.pending.rejectAll(this.failure);
    this.markStarted(false);
    if (!this.closing) this.onFailure(this.failure);
  }
}
