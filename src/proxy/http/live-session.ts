import type { GatewaySession } from '../../app/index.js';
import type { McpInterceptor } from '../interceptor.js';
import type { ProxySession } from '../proxy-session.js';

/** A gateway session as this node holds it: the store row's facts plus this node's interceptor. */
export interface LiveSession {
  readonly id: string | null;
  readonly serverId: string;
  readonly proxy: ProxySession;
  readonly interceptor: McpInterceptor;
  upstreamSessionId: string | null;
  protocolVersion: string | null;
  lastUsed: number;
}

/** Interceptors of sessions this node has served, closed when idle (the store row is the truth). */
export class LiveSessions {
  private readonly sessions = new Map<string, LiveSession>();
  /** The store row of each live session as last read, and when (see `recent`). */
  private readonly rows = new Map<string, { readonly row: GatewaySession; readonly at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(id: string): LiveSession | undefined {
    return this.sessions.get(id);
  }

  /** The row of a session live here if it was read from the store less than `maxAgeMs` ago. */
  recent(id: string, maxAgeMs: number): GatewaySession | null {
    const seen = this.rows.get(id);
    if (seen === undefined || this.now() - seen.at >= maxAgeMs || !this.sessions.has(id)) return null;
    return seen.row;
  }

  /** Notes the row just read for a session live here. */
  checked(row: GatewaySession): void {
    if (this.sessions.has(row.id)) this.rows.set(row.id, { row, at: this.now() });
  }

  set(session: LiveSession & { id: string }): void {
    this.sessions.set(session.id, session);
  }

  async drop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    this.rows.delete(id);
    await session?.interceptor.close();
  }

  async evictIdle(olderThan: number): Promise<void> {
    for (const [id, session] of this.sessions) if (session.lastUsed < olderThan) await this.drop(id);
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.sessions.keys()]) await this.drop(id);
  }
}
