/** The REST API's shapes, as the dashboard reads them. */

export interface McpEvent {
  readonly id: string;
  readonly serverId: string;
  readonly timestamp: string;
  readonly receivedAt: string;
  readonly source: string;
  readonly externalId: string | null;
  readonly sessionId: string | null;
  readonly user: string | null;
  readonly agent: string | null;
  readonly client: string | null;
  readonly tool: string | null;
  readonly method: string | null;
  readonly prompt: string | null;
  readonly response: string | null;
  readonly arguments: Record<string, unknown> | null;
  readonly metadata: Record<string, unknown>;
  readonly toolDescription: string | null;
  readonly isError: boolean | null;
  readonly durationMs: number | null;
}

/** An event as `GET /api/events` lists it; events from the live tail carry no finding summary. */
export interface ListedEvent extends McpEvent {
  readonly findingCount?: number;
  readonly maxSeverity?: string | null;
}

/** `GET /api/settings/retention`. */
export interface RetentionStatus {
  readonly days: number;
  readonly cutoff: string | null;
  readonly dueEvents: number | null;
  readonly intervalSeconds: number;
  readonly lastRun: {
    readonly ranAt: string;
    readonly cutoff: string;
    readonly events: number;
    readonly findings: number;
    readonly alertsDeleted: number;
    readonly alertsUpdated: number;
    readonly complete: boolean;
  } | null;
}

export interface Finding {
  readonly id?: string;
  readonly eventId?: string;
  readonly alertId?: string | null;
  readonly ruleId: string;
  readonly title: string;
  readonly severity: string;
  readonly category: string;
  readonly action: string;
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
  readonly timestamp?: string;
}

export interface Alert {
  readonly id: string;
  readonly ruleId: string;
  readonly title: string;
  readonly severity: string;
  readonly category: string;
  readonly serverId: string;
  readonly user: string | null;
  readonly status: string;
  readonly findingCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly assignee?: string | null;
  readonly reason?: string | null;
  readonly closedAt?: string | null;
}

export interface Server {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly endpointUrl: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
  readonly auth: {
    readonly apiKey: boolean;
    readonly apiKeyPrefix: string | null;
    readonly hmac: boolean;
    readonly ipAllowlist: readonly string[];
    readonly allowUnauthenticated: boolean;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ServerWithCredentials {
  readonly server: Server;
  readonly webhookPath: string;
  readonly credentials: { readonly apiKey?: string; readonly hmacSecret?: string };
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly severity: string;
  readonly action: string;
  readonly fields: readonly string[];
  readonly detector?: string;
  readonly match?: { readonly pattern: string; readonly flags: string };
  readonly minMatches?: number;
  readonly mappings: { readonly atlas: readonly string[]; readonly owasp: readonly string[] };
  readonly enabled: boolean;
  readonly builtin: boolean;
  readonly source: 'builtin' | 'file' | 'custom';
  readonly alertCount: number;
  readonly findingCount: number;
}

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export const ALERT_STATUSES = ['new', 'in_progress', 'resolved', 'dismissed'] as const;
export const CLOSING_REASONS = ['true_positive', 'false_positive', 'benign_positive', 'duplicate'] as const;
export const OPEN_STATUSES = ['new', 'in_progress'] as const;
