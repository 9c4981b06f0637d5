interface Pending<T, R> {
  readonly events: readonly T[];
  resolve(results: R[]): void;
  reject(error: unknown): void;
}

export interface GroupCommitStats {
  /** Called after each commit with how many events it held and how long it took. */
  onCommit?(events: number, seconds: number): void;
}

/**
 * Group commit (events, rate counters): writes arriving while a commit is in flight (or in the same event-loop turn) are
 * merged into the next transaction, so one fsync acknowledges many requests. A caller's promise
 * resolves only after its events are committed.
 *
 * With `concurrency` above 1, that many commits may be in flight at once: when the database works
 * on another thread or server, the next commit is already waiting there when one ends, instead of
 * waiting for this event loop to notice the answer and send it.
 */
export class GroupCommit<T, R = boolean> {
  private queue: Pending<T, R>[] = [];
  /** Flush loops running (at most `concurrency`). */
  private active = 0;
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  constructor(
    /** Commits items in one transaction; true per item stored, false per duplicate. */
    private readonly commit: (items: readonly T[]) => Promise<R[]>,
    private readonly maxBatch = 5000,
    private readonly stats: GroupCommitStats = {},
    private readonly concurrency = 1,
  ) {}

  write(events: readonly T[]): Promise<R[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  drain(): Promise<void> {
    return this.queue.length === 0 && this.active === 0 && !this.scheduled ? Promise.resolve() : this.idle;
  }

  private schedule(): void {
    if (this.scheduled || this.active >= this.concurrency) return;
    if (this.active === 0) {
      this.idle = new Promise((resolve) => {
        this.markIdle = resolve;
      });
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.active++;
    while (this.queue.length > 0) {
      const batch = this.take();
      const started = performance.now();
      let inserted: R[];
      try {
        inserted = await this.commit(batch.flatMap((pending) => pending.events));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      try {
        this.stats.onCommit?.(inserted.length, (performance.now() - started) / 1000);
      } catch {
        // Metrics must never turn a committed write into a reported failure.
      }
      let offset = 0;
      for (const pending of batch) {
        pending.resolve(inserted.slice(offset, offset + pending.events.length));
        offset += pending.events.length;
      }
    }
    this.active--;
    if (this.active === 0 && !this.scheduled) this.markIdle();
  }

  private take(): Pending<T, R>[] {
    const batch: Pending<T, R>[] = [];
    let size = 0;
    while (
      this.queue.length > 0 &&
      (batch.length === 0 || size + (this.queue[0]?.events.length ?? 0) <= this.maxBatch)
    ) {
      const next = this.queue.shift() as Pending<T, R>;
      batch.push(next);
      size += next.events.length;
    }
    return batch;
  }
}
