import type {
  Alert,
  AlertStatus,
  ApiKey,
  AuditEntry,
  Finding,
  McpEvent,
  ServerType,
  Severity,
  StoredFinding,
} from '../core/index.js';
import type {
  ApprovalRepository,
  GatewaySessionRepository,
  UpstreamCredentialRepository,
} from './gateway-records.js';
import type { HuntingRunner } from './hunt-runner.js';
import type { AnalyticsRuleRepository, SavedQueryRepository, SchedulerLeaseRepository } from './hunting.js';
import type { ToolDefinitionRepository } from './proxy-records.js';
import type { RateIncrement } from './rate-increments.js';
import type {
  ActivityRepository,
  AlertTriageRepository,
  DataSubjectRepository,
  PostureRepository,
  RetentionRunRepository,
} from './triage.js';

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

/** An event with what detection found in it, committed together. */
export interface DetectedEvent {
  readonly event: EventToStore;
  readonly findings: readonly Finding[];
}

export interface CommitOptions {
  /** Findings of the same rule, server and user within this window join one alert. */
  readonly alertWindowMs: number;
  /** ISO time of the commit. */
  readonly now: string;
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
  /** Case-insensitive substring of any text field, user, agent and ids included (data subject requests). */
  readonly subject?: string;
  /** Only events with at least one finding. */
  readonly withFindings?: boolean;
}

/** The findings of one event, summarised for a listing. */
export interface EventFindingSummary {
  readonly count: number;
  /** The most severe finding's severity. */
  readonly maxSeverity: Severity;
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
  /**
   * Stores events, and for each newly stored one its findings, grouped into alerts, all in one
   * transaction; returns, per input, true if stored or false if a duplicate (whose findings are dropped).
   */
  commitDetected(batch: readonly DetectedEvent[], options: CommitOptions): Promise<boolean[]>;
  /** Adds findings to stored events (a rescan); ones already stored are skipped. Returns how many were new. */
  addFindings(
    items: ReadonlyArray<{ readonly event: McpEvent; readonly findings: readonly Finding[] }>,
    options: CommitOptions,
  ): Promise<number>;
  findById(id: string): Promise<McpEvent | null>;
  /** Newest first (timestamp, then id). */
  list(filter: EventFilter, page: PageRequest): Promise<Page<McpEvent>>;
  count(filter: EventFilter): Promise<number>;
  /** Finding count and top severity per event id that has findings (one query for a page of ids). */
  findingSummaries(eventIds: readonly string[]): Promise<Map<string, EventFindingSummary>>;
}

export interface FindingFilter {
  readonly serverId?: string;
  readonly ruleId?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly eventId?: string;
  readonly alertId?: string;
  readonly fingerprint?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface FindingRepository {
  /** Newest first by event time. */
  list(filter: FindingFilter, page: PageRequest): Promise<Page<StoredFinding>>;
  /** Findings per rule id (optionally since a time). */
  countByRule(since?: string): Promise<Record<string, number>>;
}

export interface AlertFilter {
  readonly status?: readonly AlertStatus[];
  readonly severity?: readonly string[];
  readonly ruleId?: string;
  readonly serverId?: string;
  readonly user?: string;
  readonly assignee?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AlertRepository {
  findById(id: string): Promise<Alert | null>;
  /** Newest activity first (last seen). */
  list(filter: AlertFilter, page: PageRequest): Promise<Page<Alert>>;
  /** Alerts per rule id. */
  countByRule(): Promise<Record<string, number>>;
}

/** An admin's change to a rule: switch, severity or action; null fields keep the rule's own. */
export interface RuleSetting {
  readonly ruleId: string;
  readonly enabled: boolean | null;
  readonly severity: string | null;
  readonly action: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface RuleSettingRepository {
  list(): Promise<RuleSetting[]>;
  upsert(setting: RuleSetting): Promise<void>;
  delete(ruleId: string): Promise<boolean>;
}

/** A user-written rule, kept as its validated definition. */
export interface CustomRuleRecord {
  readonly id: string;
  readonly definition: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface CustomRuleRepository {
  list(): Promise<CustomRuleRecord[]>;
  findById(id: string): Promise<CustomRuleRecord | null>;
  /** Inserts; false if the id exists. */
  create(record: CustomRuleRecord): Promise<boolean>;
  update(record: CustomRuleRecord): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

export interface ToolObservation {
  /** True when this server's tool had never been seen. */
  readonly firstSeen: boolean;
  /** The description hash pinned before this observation (null if none was pinned). */
  readonly pinnedHash: string | null;
  readonly pinnedDescription: string | null;
}

/** First-seen tools and pinned tool descriptions, shared by every node. */
export interface ToolPinRepository {
  observe(
    serverId: string,
    tool: string,
    descriptionHash: string | null,
    description: string | null,
    at: string,
  ): Promise<ToolObservation>;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(page: PageRequest): Promise<Page<AuditEntry>>;
}

/** Fixed-window counters shared by every node; not durable on purpose (they are short-lived). */
export interface RateLimitRepository {
  /** Adds `cost` to the counter of `key` in the window starting at `windowStart` (ms); returns the new count. */
  consume(key: string, windowStart: number, cost: number): Promise<number>;
  /** Many increments in one round trip; per increment, the count right after it (in input order). */
  consumeMany(items: readonly RateIncrement[]): Promise<number[]>;
}

export type StoreBackend = 'sqlite' | 'postgres';

/** The persistence boundary: nothing outside the store sees SQL or a driver. */
export interface Store {
  readonly backend: StoreBackend;
  readonly apiKeys: ApiKeyRepository;
  readonly servers: ServerRepository;
  readonly events: EventRepository;
  readonly findings: FindingRepository;
  readonly alerts: AlertRepository;
  readonly ruleSettings: RuleSettingRepository;
  readonly customRules: CustomRuleRepository;
  readonly toolPins: ToolPinRepository;
  /** Tool definitions pinned by the proxy (schema v5). */
  readonly toolDefinitions: ToolDefinitionRepository;
  readonly audit: AuditRepository;
  readonly alertTriage: AlertTriageRepository;
  readonly posture: PostureRepository;
  readonly activity: ActivityRepository;
  readonly dataSubjects: DataSubjectRepository;
  readonly gatewaySessions: GatewaySessionRepository;
  readonly upstreamCredentials: UpstreamCredentialRepository;
  readonly approvals: ApprovalRepository;
  readonly rateLimits: RateLimitRepository;
  /** Read-only runner for compiled hunting (KQL) queries, with time and row limits. */
  readonly hunting: HuntingRunner;
  readonly savedQueries: SavedQueryRepository;
  readonly analyticsRules: AnalyticsRuleRepository;
  readonly schedulerLeases: SchedulerLeaseRepository;
  /** The last run of each retention job (schema v8). */
  readonly retentionRuns: RetentionRunRepository;
  /** The schema version after migrations. */
  schemaVersion(): Promise<number>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
