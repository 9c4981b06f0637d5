import type { Category, Finding, Severity } from './finding.js';

/** Alert lifecycle; alerts start `new`. */
export const ALERT_STATUSES = ['new', 'acknowledged', 'investigating', 'resolved', 'false_positive'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

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
  readonly findingCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
