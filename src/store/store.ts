import type { ApiKey, AuditEntry, McpEvent, ServerType } from '../core/index.js';

/** An API key with the hash of its secret; only the store and the key check ever see the hash. */
export interface ApiKeyRecord extends ApiKey {
  readonly secretHash: string;
}

/** A server with its webhook credential material (hashes and encrypted secrets). */
export interface ServerRecord {
  readonly id: string;
  readonly name: string;
  readonly type: ServerType;
  readonly endpointUrl: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
  readonly apiKeyPrefix: string | null;
  readonly apiKeyHash: string | null;
  readonly hmacSecretEncrypted: string | null;
  readonly ipAllowlist: readonly string[];
  readonly allowUnauthenticated: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type ServerPatch = Partial<Omit<ServerRecord, 'id' | 'createdAt'>> & { readonly updatedAt: string };

/** An event to store; `dedupeKey` (unique per server) makes retries and re-uploads idempotent. */
export interface EventToStore {
  readonly event: McpEvent;
  readonly dedupeKey: string | null;
}

export interface EventFilter {
  readonly serverId?: string;
  readonly user?: string;
  readonly agent?: string;
  readonly tool?: string;
  readonly method?: string;
  readonly sessionId?: string;
  /** Inclusive lower bound on the event timestamp (ISO). */
  readonly from?: string;
  /** Exclusive upper bound on the event timestamp (ISO). */
  readonly to?: string;
  /** Case-insensitive substring of prompt, response, arguments, metadata or tool description. */
  readonly text?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface ApiKeyRepository {
  create(record: ApiKeyRecord): Promise<void>;
  findById(id: string): Promise<ApiKeyRecord | null>;
  findByPrefix(prefix: string): Promise<ApiKeyRecord | null>;
  list(): Promise<ApiKey[]>;
  revoke(id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
  countActive(): Promise<number>;
}

export interface ServerRepository {
  create(record: ServerRecord): Promise<void>;
  findById(id: string): Promise<ServerRecord | null>;
  list(): Promise<ServerRecord[]>;
  update(id: string, patch: ServerPatch): Promise<ServerRecord | null>;
  delete(id: string): Promise<boolean>;
}

export interface EventRepository {
  /** Stores events in one transaction; returns, per input, true if stored or false if a duplicate. */
  insertBatch(events: readonly EventToStore[]): Promise<boolean[]>;
  findById(id: string): Promise<McpEvent | null>;
  /** Newest first (timestamp, then id). */
  list(filter: EventFilter, page: PageRequest): Promise<Page<McpEvent>>;
  count(filter: EventFilter): Promise<number>;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(page: PageRequest): Promise<Page<AuditEntry>>;
}

/** Fixed-window counters shared by every node; not durable on purpose (they are short-lived). */
export interface RateLimitRepository {
  /** Adds `cost` to the counter of `key` in the window starting at `windowStart` (ms); returns the new count. */
  consume(key: string, windowStart: number, cost: number): Promise<number>;
}

export type StoreBackend = 'sqlite' | 'postgres';

/** The persistence boundary: nothing outside the store sees SQL or a driver. */
export interface Store {
  readonly backend: StoreBackend;
  readonly apiKeys: ApiKeyRepository;
  readonly servers: ServerRepository;
  readonly events: EventRepository;
  readonly audit: AuditRepository;
  readonly rateLimits: RateLimitRepository;
  /** The schema version after migrations. */
  schemaVersion(): Promise<number>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
