import type { Finding, McpEvent } from '../core/index.js';
import type { DetectionEngine } from '../detect/index.js';
import { DetectionThread } from './detection-thread.js';
import type { EffectiveRules } from './rule-catalogue.js';

/** First wait before a failed thread is replaced; it doubles per failure in a row (a thread dying at start must not spin). */
const FIRST_RESTART_MS = 100;
const MAX_RESTART_MS = 30_000;
/**
 * Batches queued on a thread beyond which the main thread scans the next batch itself: the two
 * cores then share detection when the thread falls behind, and a batch never waits behind many.
 * A batch counts until the main thread has taken its answer, so under load the count includes
 * answers waiting on the busy main thread: at 4 the main thread scanned a third of the batches
 * itself while the thread idled (bench/ingest: 16 gave 31k events/s where 4 gave 27-28k).
 */
const MAX_QUEUED_BATCHES = 16;

export interface DetectionPoolOptions {
  readonly threads: number;
  /** Told once per run of failures (a thread died, or could not scan); those batches were scanned inline. */
  readonly onError: (error: Error) => void;
}

/** Batches scanned on a thread or inline, and thread failures: for tests and diagnostics. */
export interface DetectionPoolStats {
  threaded: number;
  inline: number;
  failures: number;
}

interface Slot {
  thread: DetectionThread | null;
  /** When a failed thread may be replaced (ms since the epoch). */
  restartAt: number;
  restartDelayMs: number;
}

/** The pure engine on the events of each batch, in the order given. */
export function scanInline(engine: DetectionEngine, events: readonly McpEvent[]): Finding[][] {
  return events.map((event) => [...engine.scan(event).findings]);
}

/**
 * Runs the pure engine for batches on worker threads, so a second core shares ingest's CPU work.
 * A batch is never lost to a thread: when no thread is ready, or one fails or dies, the batch is
 * scanned inline with the same engine and the thread is replaced after a backoff. Threads start
 * on first use and never keep an idle process alive.
 */
export class DetectionPool {
  private readonly slots: Slot[];
  private readonly inFlight = new Set<Promise<Finding[][]>>();
  private closing = false;
  /** A failure was logged and no batch has succeeded on a thread since. */
  private reported = false;
  readonly stats: DetectionPoolStats = { threaded: 0, inline: 0, failures: 0 };

  constructor(private readonly options: DetectionPoolOptions) {
    this.slots = Array.from({ length: options.threads }, () => ({
      thread: null,
      restartAt: 0,
      restartDelayMs: FIRST_RESTART_MS,
    }));
  }

  /** The engine's findings for each event: exactly what `scanInline(rules.engine, events)` returns. */
  async scan(rules: EffectiveRules, events: readonly McpEvent[]): Promise<Finding[][]> {
    const slot = this.pick();
    const thread = slot?.thread;
    if (slot === null || thread === null || thread === undefined) return this.inline(rules, events);
    const batch = thread.scan(rules, events);
    this.inFlight.add(batch);
    try {
      const findings = await batch;
      this.stats.threaded++;
      slot.restartDelayMs = FIRST_RESTART_MS;
      this.reported = false;
      return findings;
    } catch (error) {
      this.report(error as Error);
      return this.inline(rules, events);
    } finally {
      this.inFlight.delete(batch);
    }
  }

  /** Starts every missing thread now and resolves once each is ready or has failed. */
  async warmUp(): Promise<void> {
    const threads = this.slots.map((slot) => {
      slot.thread ??= this.start(slot);
      return slot.thread;
    });
    await Promise.all(threads.map((thread) => thread?.started));
  }

  /**
   * Lets every batch in flight finish, then ends the threads. Batches sent meanwhile are scanned
   * inline; a batch after close starts a thread again (close is shutdown, never a broken state).
   */
  async close(): Promise<void> {
    this.closing = true;
    try {
      await Promise.allSettled([...this.inFlight]);
      await Promise.all(this.slots.map((slot) => this.reset(slot)));
    } finally {
      this.closing = false;
    }
  }

  /** Stops every thread at once, as a crash would: for tests of crash handling. */
  async crashThreads(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.thread?.terminate()));
  }

  private inline(rules: EffectiveRules, events: readonly McpEvent[]): Finding[][] {
    this.stats.inline++;
    return scanInline(rules.engine, events);
  }

  /** The ready thread with the fewest batches queued (starting missing ones), or null: scan inline. */
  private pick(): Slot | null {
    if (this.closing) return null;
    let best: Slot | null = null;
    for (const slot of this.slots) {
      if (slot.thread === null && Date.now() >= slot.restartAt) slot.thread = this.start(slot);
      const queued = slot.thread?.usable ? slot.thread.inFlight : Number.POSITIVE_INFINITY;
      if (queued >= MAX_QUEUED_BATCHES) continue;
      if (best === null || queued < (best.thread?.inFlight ?? 0)) best = slot;
    }
    return best;
  }

  private start(slot: Slot): DetectionThread | null {
    try {
      const thread: DetectionThread = new DetectionThread((error) => this.failed(slot, thread, error));
      return thread;
    } catch (error) {
      this.failed(slot, null, error as Error);
      return null;
    }
  }

  private failed(slot: Slot, thread: DetectionThread | null, error: Error): void {
    this.stats.failures++;
    if (slot.thread === thread) slot.thread = null;
    slot.restartAt = Date.now() + slot.restartDelayMs;
    slot.restartDelayMs = Math.min(slot.restartDelayMs * 2, MAX_RESTART_MS);
    this.report(error);
  }

  private report(error: Error): void {
    if (this.reported) return;
    this.reported = true;
    this.options.onError(
      new Error(`${error.message}; detecting inline, the thread is replaced after a backoff`, {
        cause: error,
      }),
    );
  }

  private async reset(slot: Slot): Promise<void> {
    const thread = slot.thread;
    slot.thread = null;
    slot.restartAt = 0;
    slot.restartDelayMs = FIRST_RESTART_MS;
    await thread?.close();
  }
}
