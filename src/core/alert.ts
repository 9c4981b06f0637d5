import type { Category, Finding, Severity } from './finding.js';

/** Alert lifecycle; alerts start `new`. `resolved` and `dismissed` close an alert. */
export const ALERT_STATUSES = ['new', 'in_progress', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The statuses an analyst works on (counted as open). */
export const OPEN_ALERT_STATUSES = ['new', 'in_progress'] as const satisfies readonly AlertStatus[];
/** The statuses that close an alert; closing needs a reason. */
export const CLOSED_ALERT_STATUSES = ['resolved', 'dismissed'] as const satisfies readonly AlertStatus[];

/** Why an alert was closed (its classification). */
export const ALERT_REASONS = ['true_positive', 'false_positive', 'benign_positive', 'duplicate'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

/** True for `resolved` and `dismissed`. */
export function isClosedStatus(status: AlertStatus): boolean {
  return (CLOSED_ALERT_STATUSES as readonly AlertStatus[]).includes(status);
}

/** A finding as stored: tied to its event, its server and (once grouped) its alert. */
export interface StoredFinding extends Finding {
  readonly id: string;
  readonly eventId: string;
  readonly alertId: string | null;
  readonly serverId: string;
  readonly user: string | null;
  /** The event's time. */
  readonly timestamp: string;
  readonly createdAt: string;
}

/** Findings of one rule on one server for one user within the grouping window. */
export interface Alert {
  readonly id: string;
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly serverId: string;
  readonly user: string | null;
  readonly status: AlertStatus;
  /** Who works on it (free text: a name or an email), or null. */
  readonly assignee: string | null;
  /** The closing classification while resolved or dismissed, else null. */
  readonly reason: AlertReason | null;
  /** When it was last closed, or null while open. */
  readonly closedAt: string | null;
  readonly findingCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What an entry in an alert's history records. */
export const ALERT_EVENT_KINDS = ['status', 'assign', 'comment'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/** One entry of an alert's history: a status change, an assignment or a comment (append-only). */
export interface AlertEvent {
  readonly id: string;
  readonly alertId: string;
  readonly at: string;
  /** The caller's key name. */
  readonly actor: string;
  readonly actorKeyId: string;
  readonly kind: AlertEventKind;
  readonly fromStatus: AlertStatus | null;
  readonly toStatus: AlertStatus | null;
  readonly reason: AlertReason | null;
  /** For `assign`: the new assignee (null when unassigned). */
  readonly assignee: string | null;
  /** The comment (or the comment given with a status change). */
  readonly text: string | null;
}
