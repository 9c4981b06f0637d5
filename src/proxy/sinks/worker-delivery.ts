import { startWorker } from '../../core/index.js';
import type { ProxyEvent } from '../proxy-event.js';
import type { Deliver, DeliveryResult } from './buffered-sink.js';

/** Messages between the relay thread and the delivery worker. */
export type WorkerRequest =
  | { readonly type: 'deliver'; readonly id: number; readonly events: readonly ProxyEvent[] }
  | { readonly type: 'close' };
export type WorkerReply =
  | { readonly type: 'delivered'; readonly id: number; readonly result: DeliveryResult }
  | { readonly type: 'closed' };

export interface WorkerDelivery {
  readonly deliver: Deliver;
  /** Lets the worker finish its writes and stop. */
  close(): Promise<void>;
}

/**
 * Runs delivery on a worker thread. Writing events (normalize, behaviour checks, the SQLite
 * commit, which is synchronous) then never holds up the thread relaying the agent's messages:
 * that kept the proxy's added p99 latency down by an order of magnitude (bench/proxy/stdio.ts).
 */
export function workerDelivery(entry: URL, workerData: unknown): WorkerDelivery {
  const worker = startWorker(entry, { workerData });
  const waiting = new Map<number, (result: DeliveryResult) => void>();
  let nextId = 0;
  let closed: (() => void) | null = null;
  let failure: string | null = null;
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'closed') closed?.();
    else {
      waiting.get(reply.id)?.(reply.result);
      waiting.delete(reply.id);
    }
  });
  const fail = (reason: string) => {
    failure = reason;
    for (const resolve of waiting.values()) resolve({ ok: false, retry: true, reason });
    waiting.clear();
    closed?.();
  };
  worker.on('error', (error) => fail(`event writer failed: ${error.message}`));
  worker.on('exit', () => fail('event writer stopped'));
  return {
    deliver: (events) =>
      new Promise((resolve) => {
        if (failure !== null) {
          resolve({ ok: false, retry: true, reason: failure });
          return;
        }
        const id = nextId++;
        waiting.set(id, resolve);
        worker.postMessage({ type: 'deliver', id, events } satisfies WorkerRequest);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (failure !== null) return resolve();
        closed = resolve;
        worker.postMessage({ type: 'close' } satisfies WorkerRequest);
      }),
  };
}
