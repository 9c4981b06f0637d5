import { newId, type Principal } from '../core/index.js';
import type { GatewaySessionRecord, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

/** A gateway session as the gateway sees it (the store's record). */
export type GatewaySession = GatewaySessionRecord;

export interface NewGatewaySession {
  readonly serverId: string;
  readonly transport: GatewaySessionRecord['transport'];
  readonly upstreamSessionId: string | null;
  readonly protocolVersion: string | null;
  readonly clientInfo: GatewaySessionRecord['clientInfo'];
  readonly clientCapabilities: Record<string, unknown> | null;
}

/** Touching on every request would be one write per call; a minute of slack on an idle timeout is harmless. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * HTTP gateway sessions kept in the store, so any node serves any session. A session belongs to
 * the key that opened it: another key sees 404, as if it did not exist.
 */
export class GatewaySessionService {
  constructor(
    private readonly store: Store,
    private readonly idleMs: number,
    private readonly now: () => Date,
  ) {}

  /** Gateway use needs any valid key; the role gates the dashboard and API, not tool calls. */
  authorize(principal: Principal): void {
    requireRole(principal, 'viewer');
  }

  /** `id` lets the gateway name the session before the upstream has answered initialize. */
  async open(
    principal: Principal,
    input: NewGatewaySession,
    id: string = newId(),
  ): Promise<GatewaySessionRecord> {
    const at = this.now();
    const record: GatewaySessionRecord = {
      id,
      apiKeyId: principal.keyId,
      ...input,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + this.idleMs).toISOString(),
    };
    await this.store.gatewaySessions.create(record);
    return record;
  }

  /** The live session of this server opened by this key, or null (the gateway answers 404). */
  async find(principal: Principal, serverId: string, id: string): Promise<GatewaySessionRecord | null> {
    const at = this.now();
    const record = await this.store.gatewaySessions.findLive(id, at.toISOString());
    if (record === null || record.serverId !== serverId || record.apiKeyId !== principal.keyId) return null;
    if (at.getTime() - Date.parse(record.lastSeenAt) > TOUCH_INTERVAL_MS) {
      await this.store.gatewaySessions.touch(
        id,
        at.toISOString(),
        new Date(at.getTime() + this.idleMs).toISOString(),
      );
    }
    return record;
  }

  /** Keeps a session alive while its client holds a stream open without sending anything. */
  async keepAlive(id: string): Promise<void> {
    const at = this.now();
    await this.store.gatewaySessions.touch(
      id,
      at.toISOString(),
      new Date(at.getTime() + this.idleMs).toISOString(),
    );
  }

  async close(id: string): Promise<void> {
    await this.store.gatewaySessions.delete(id);
  }

  async deleteExpired(): Promise<number> {
    return this.store.gatewaySessions.deleteExpired(this.now().toISOString());
  }
}
