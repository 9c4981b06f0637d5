import type { Worker } from 'node:worker_threads';

interface Waiter {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Requests sent to a worker thread and not yet answered, by id. The worker is referenced only
 * while one is pending, so an idle worker never keeps the process alive.
 */
export class PendingReplies {
  private readonly waiting = new Map<number, Waiter>();

  constructor(private readonly worker: Worker) {}

  get size(): number {
    return this.waiting.size;
  }

  /** The answer to request `id`, once `resolve` or `reject` is called for it. */
  wait<T>(id: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  resolve(id: number, value: unknown): void {
    this.take(id)?.resolve(value);
  }

  reject(id: number, error: Error): void {
    this.take(id)?.reject(error);
  }

  /** Rejects every pending request (the worker is gone). */
  rejectAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.worker.unref();
  }

  private take(id: number): Waiter | undefined {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (waiter !== undefined && this.waiting.size === 0) this.worker.unref();
    return waiter;
  }
}
