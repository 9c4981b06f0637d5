import type { EventSink, ProxyEvent } from '../proxy-event.js';
import type { DeadLetterFile, DiskBuffer } from './disk-buffer.js';
import type { EventJournal } from './event-journal.js';

/** What became of a batch: stored, worth retrying later, or refused for good (dead letter). */
export type DeliveryResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly retry: boolean; readonly reason: string };

export type Deliver = (events: readonly ProxyEvent[]) => Promise<DeliveryResult>;

export interface BufferedSinkOptions {
  readonly deliver: Deliver;
  readonly buffer: DiskBuffer;
  readonly deadLetter: DeadLetterFile;
  /** Write-ahead record of the queue, so a killed process loses nothing (none: memory only). */
  readonly journal?: EventJournal;
  /** Events held in memory before they spill to disk (the bound that keeps the agent unslowed). */
  readonly maxQueue?: number;
  readonly batchSize?: number;
  /** Events are gathered this long before a batch goes out: fewer, larger commits cost less CPU. */
  readonly flushDelayMs?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long `close` tries to deliver what is queued before persisting it instead. */
  readonly closeTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * The proxy's event sink: `write` only queues; batches are delivered in the background. When
 * delivery fails the batch goes to the on-disk buffer and is resent with exponential backoff;
 * a permanent refusal (4xx) goes to the dead-letter file. Nothing is dropped.
 */
export class BufferedSink implements EventSink {
  private queue: ProxyEvent[] = [];
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushNow: (() => void) | undefined;
  /** While the destination is down, new events go straight to disk, behind the older ones. */
  private down = false;
  private backoffMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private replaying: Promise<void> | null = null;
  private closing = false;
  private readonly maxQueue: number;
  private readonly batchSize: number;

  constructor(private readonly options: BufferedSinkOptions) {
    this.maxQueue = options.maxQueue ?? 10_000;
    this.batchSize = options.batchSize ?? 500;
    this.backoffMs = options.initialBackoffMs ?? 1_000;
  }

  /** Sends what earlier runs left in the buffer (call once at start). */
  start(): void {
    this.scheduleReplay(0);
  }

  write(event: ProxyEvent): void {
    this.options.journal?.record(event);
    this.queue.push(event);
    if (this.flushing !== null) return;
    this.flushing = new Promise<void>((resolve) => {
      this.flushNow = resolve;
      this.flushTimer = setTimeout(resolve, this.closing ? 0 : (this.options.flushDelayMs ?? 100));
    }).then(() => this.flush());
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    clearTimeout(this.flushTimer);
    this.flushNow?.();
    await this.flushing;
    await this.replaying;
    if (!this.down && (await this.options.buffer.pending())) {
      await this.withDeadline(this.replay());
    }
    await this.options.buffer.close();
    if (this.queue.length === 0) this.options.journal?.close();
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.batchSize);
        if (this.down || this.queue.length > this.maxQueue) {
          await this.persist(batch);
          continue;
        }
        const result = this.closing ? await this.withDeadline(this.send(batch)) : await this.send(batch);
        if (result === null || !result.ok) {
          if (result !== null && !result.retry) await this.reject(batch, result.reason);
          else await this.persist(batch, result?.reason ?? 'timed out while closing');
        }
      }
      // The queue is empty and every batch taken from it is delivered, on disk or dead-lettered.
      this.options.journal?.settled();
    } finally {
      this.flushing = null;
    }
  }

  private async send(batch: readonly ProxyEvent[]): Promise<DeliveryResult> {
    try {
      return await this.options.deliver(batch);
    } catch (error) {
      return { ok: false, retry: true, reason: (error as Error).message };
    }
  }

  /** Keeps a batch on disk and arms the retry. */
  private async persist(batch: readonly ProxyEvent[], reason?: string): Promise<void> {
    await this.options.buffer.append(batch);
    if (!this.down) {
      this.down = true;
      this.options.log?.(
        `event delivery failed (${reason ?? 'destination down'}); buffering to ${this.options.buffer.dir}`,
      );
    }
    if (!this.closing) this.scheduleReplay(this.backoffMs);
  }

  private async reject(batch: readonly ProxyEvent[], reason: string): Promise<void> {
    this.options.log?.(`${batch.length} event(s) refused (${reason}); kept in the dead-letter file`);
    await this.options.deadLetter.append(batch, reason);
  }

  private scheduleReplay(delayMs: number): void {
    if (this.retryTimer !== null || this.closing) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.replaying = this.replay().finally(() => {
        this.replaying = null;
      });
    }, delayMs);
    this.retryTimer.unref();
  }

  /** Sends buffered segments oldest first; on failure backs off (doubling, capped). */
  private async replay(): Promise<void> {
    await this.options.buffer.rotate();
    for (;;) {
      const segment = await this.options.buffer.claim();
      if (segment === null) break;
      let failed: string | null = null;
      for (let i = 0; i < segment.events.length && failed === null; i += this.batchSize) {
        const batch = segment.events.slice(i, i + this.batchSize);
        const result = await this.send(batch);
        if (!result.ok && result.retry) failed = result.reason;
        else if (!result.ok) await this.reject(batch, result.reason);
      }
      if (failed !== null) {
        // Resending the delivered part again is harmless: each event's id makes it idempotent.
        await segment.release();
        this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 60_000);
        this.scheduleReplay(this.backoffMs);
        return;
      }
      await segment.done();
    }
    if (this.down) this.options.log?.('event delivery recovered; buffered events sent');
    this.down = false;
    this.backoffMs = this.options.initialBackoffMs ?? 1_000;
  }

  private async withDeadline<T>(work: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.options.closeTimeoutMs ?? 5_000);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
