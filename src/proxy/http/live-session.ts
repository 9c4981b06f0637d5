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

  get(id: string): LiveSession | undefined {
    return this.sessions.get(id);
  }

  set(session: LiveSession & { id: string }): void {
    this.sessions.set(session.id, session);
  }

  async drop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    await session?.interceptor.close();
  }

  async evictIdle(olderThan: number): Promise<void> {
    for (const [id, session] of this.sessions) if (session.lastUsed < olderThan) await this.drop(id);
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.sessions.keys()]) await this.drop(id);
  }
}
