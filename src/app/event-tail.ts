import { type McpEvent, type Principal, ValidationError, zodDetails } from '../core/index.js';
import type { EventFilter, Store } from '../store/index.js';
import { eventQuerySchema } from './events.js';
import { requireRole } from './permissions.js';

const tailQuerySchema = eventQuerySchema.omit({ limit: true, cursor: true, from: true, to: true });

/** Producers' clocks and group commits lag: look this far behind the newest event seen. */
const LAG_MS = 2 * 60_000;
const PAGE = 200;
const MAX_PAGES = 5;
const MAX_SEEN = 20_000;

/** One live tail: remembers what it has sent, and asks the store for what is new. */
export class TailSession {
  private since: number;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly filter: Omit<EventFilter, 'from' | 'to'>,
    private readonly now: () => Date,
  ) {
    this.since = now().getTime() - LAG_MS;
  }

  /**
   * Events stored since the last call, oldest first. Polling the store (not an in-process bus)
   * means events ingested by any node sharing the store appear. Events whose own timestamp is
   * older than the lag window (historic uploads) are not part of a live tail.
   */
  async next(): Promise<McpEvent[]> {
    const fresh: McpEvent[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.store.events.list(
        { ...this.filter, from: new Date(this.since).toISOString() },
        cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
      );
      for (const event of result.items) {
        if (!this.seen.has(event.id)) fresh.push(event);
      }
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    fresh.reverse();
    this.remember(fresh);
    return fresh;
  }

  private remember(events: readonly McpEvent[]): void {
    let newest = this.since + LAG_MS;
    for (const event of events) {
      const at = Date.parse(event.timestamp);
      this.seen.set(event.id, at);
      newest = Math.max(newest, at);
    }
    // A future-dated event (attacker-controlled timestamp) must not move the window past now.
    this.since = Math.max(this.since, Math.min(newest, this.now().getTime()) - LAG_MS);
    for (const [id, at] of this.seen) {
      if (at < this.since || this.seen.size > MAX_SEEN) this.seen.delete(id);
    }
  }
}

/** Live tails of stored events for the dashboard's event stream. */
export class EventTail {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  open(principal: Principal, query: unknown): TailSession {
    requireRole(principal, 'viewer');
    const parsed = tailQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new ValidationError('invalid event stream query', zodDetails(parsed.error));
    const { server, user, agent, tool, method, session, q } = parsed.data;
    const filter = Object.fromEntries(
      Object.entries({ serverId: server, user, agent, tool, method, sessionId: session, text: q }).filter(
        ([, value]) => value !== undefined,
      ),
    ) as Omit<EventFilter, 'from' | 'to'>;
    return new TailSession(this.store, filter, this.now);
  }
}
