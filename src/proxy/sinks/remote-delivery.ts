import type { ProxyEvent } from '../proxy-event.js';
import type { Deliver, DeliveryResult } from './buffered-sink.js';

export interface RemoteTarget {
  /** The remote Sentinel's base URL (`https://sentinel.example.com`). */
  readonly url: string;
  readonly serverId: string;
  /** The server's webhook API key. */
  readonly key: string;
  readonly timeoutMs?: number;
}

/**
 * Delivers batches to a remote Sentinel's webhook as NDJSON. Each event carries its `id`, so a
 * batch resent after a timeout is stored once. 408, 429 and 5xx are worth retrying; any other
 * 4xx will not get better and goes to the dead letter.
 */
export function remoteDelivery(target: RemoteTarget): Deliver {
  const endpoint = new URL(`/api/mcp/webhook/${encodeURIComponent(target.serverId)}`, target.url);
  return async (events: readonly ProxyEvent[]): Promise<DeliveryResult> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${target.key}` },
        body: events.map((event) => JSON.stringify(event.record)).join('\n'),
        signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { ok: false, retry: true, reason: `remote Sentinel unreachable: ${(error as Error).message}` };
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true };
    const status = response.status;
    const retry = status === 408 || status === 429 || status >= 500;
    return { ok: false, retry, reason: `remote Sentinel answered ${status}` };
  };
}
