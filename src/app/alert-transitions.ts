import {
  ALERT_REASONS,
  type AlertReason,
  type AlertStatus,
  ConflictError,
  isClosedStatus,
  ValidationError,
} from '../core/index.js';

/**
 * The alert lifecycle (issue 5): work starts (`in_progress`) or the alert is closed straight away;
 * a closed alert is reopened as `in_progress` before anything else happens to it, so its closing
 * classification is never silently overwritten.
 */
const NEXT: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  new: ['in_progress', 'resolved', 'dismissed'],
  in_progress: ['new', 'resolved', 'dismissed'],
  resolved: ['in_progress'],
  dismissed: ['in_progress'],
};

/** The statuses an alert in `from` may move to. */
export function allowedTransitions(from: AlertStatus): readonly AlertStatus[] {
  return NEXT[from];
}

/** Throws ValidationError for a missing or misplaced reason, ConflictError for a move the lifecycle forbids. */
export function checkTransition(from: AlertStatus, to: AlertStatus, reason: AlertReason | undefined): void {
  checkReason(to, reason);
  if (from === to) throw new ConflictError(`the alert is already ${from}`);
  if (!NEXT[from].includes(to)) {
    const hint = isClosedStatus(from) ? '; reopen it as in_progress first' : '';
    throw new ConflictError(`an alert cannot move from ${from} to ${to}${hint}`);
  }
}

/** A reason is required when closing and refused otherwise (ValidationError). */
export function checkReason(to: AlertStatus, reason: AlertReason | undefined): void {
  if (isClosedStatus(to) && reason === undefined) {
    throw new ValidationError(`closing an alert as ${to} needs a reason`, [
      { path: 'reason', message: `one of ${ALERT_REASONS.join(', ')}` },
    ]);
  }
  if (!isClosedStatus(to) && reason !== undefined) {
    throw new ValidationError('a reason is given only when closing an alert', [
      { path: 'reason', message: `only with status resolved or dismissed, not ${to}` },
    ]);
  }
}
