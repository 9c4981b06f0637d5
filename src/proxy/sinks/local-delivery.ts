import type { ProxyIngest } from '../../app/index.js';
import type { ProxyEvent } from '../proxy-event.js';
import type { Deliver } from './buffered-sink.js';

/** Delivers batches into this process's application: the webhook's pipeline, with source `proxy`. */
export function localDelivery(ingest: ProxyIngest, serverId: string): Deliver {
  return async (events: readonly ProxyEvent[]) => {
    const outcome = await ingest.record(serverId, events);
    if (outcome.rejected.length === 0) return { ok: true };
    // Only a bug on our side produces an invalid event; keep it for a human, not for retries.
    const reason = outcome.rejected.map((item) => `[${item.index}] ${item.reason}`).join('; ');
    return { ok: false, retry: false, reason: `events rejected by the pipeline: ${reason}` };
  };
}
