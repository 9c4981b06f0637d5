/** What the HTTP gateway keeps per client session (any node reads it; none holds it in memory). */
export interface GatewaySessionRecord {
  readonly id: string;
  readonly serverId: string;
  /** The key that opened the session: requests with another key do not see it. */
  readonly apiKeyId: string;
  readonly transport: 'streamable-http' | 'sse';
  readonly upstreamSessionId: string | null;
  readonly protocolVersion: string | null;
  readonly clientInfo: { readonly name: string; readonly version: string } | null;
  readonly clientCapabilities: Record<string, unknown> | null;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export interface GatewaySessionRepository {
  create(record: GatewaySessionRecord): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  findLive(id: string, now: string): Promise<GatewaySessionRecord | null>;
  /** Moves the idle expiry forward. */
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Removes sessions expired before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}

/** How Sentinel authenticates to a server's upstream: one header whose value is kept sealed. */
export interface UpstreamCredentialRecord {
  readonly serverId: string;
  readonly kind: 'bearer' | 'header';
  readonly headerName: string;
  readonly secretEncrypted: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface UpstreamCredentialRepository {
  find(serverId: string): Promise<UpstreamCredentialRecord | null>;
  upsert(record: UpstreamCredentialRecord): Promise<void>;
  delete(serverId: string): Promise<boolean>;
}

export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired';

/** A call held by an `approve` rule until an admin decides (or the timeout denies it). */
export interface ApprovalRecord {
  readonly id: string;
  readonly serverId: string;
  readonly sessionId: string | null;
  readonly method: string;
  readonly tool: string | null;
  /** Masked before storing: the queue is readable by every admin. */
  readonly arguments: unknown;
  readonly ruleIds: readonly string[];
  readonly summary: string;
  readonly status: ApprovalStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly comment: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ApprovalDecision {
  readonly status: 'approved' | 'denied' | 'expired';
  readonly decidedBy: string | null;
  readonly decidedAt: string;
  readonly comment: string | null;
}

export interface ApprovalRepository {
  create(record: ApprovalRecord): Promise<void>;
  findById(id: string): Promise<ApprovalRecord | null>;
  /** Newest first. */
  list(filter: { readonly status?: ApprovalStatus; readonly limit: number }): Promise<ApprovalRecord[]>;
  /** Decides a pending approval; false when it was no longer pending (decided elsewhere, or expired). */
  decide(id: string, decision: ApprovalDecision): Promise<boolean>;
}
