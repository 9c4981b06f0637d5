import { z } from 'zod';
import {
  ALERT_REASONS,
  ALERT_STATUSES,
  type Alert,
  type AlertEvent,
  type AlertEventKind,
  ConflictError,
  isClosedStatus,
  isId,
  NotFoundError,
  newId,
  type Principal,
  SentinelError,
  ValidationError,
} from '../core/index.js';
import type { Store } from '../store/index.js';
import { checkReason, checkTransition } from './alert-transitions.js';
import type { AuditLog } from './audit-log.js';
import { parseInput } from './parse-input.js';
import { requireRole } from './permissions.js';

export const MAX_COMMENT_LENGTH = 1000;
export const MAX_BULK_ALERTS = 500;

const commentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`);

export const transitionSchema = z.strictObject({
  status: z.enum(ALERT_STATUSES),
  reason: z.enum(ALERT_REASONS).optional(),
  comment: commentText.optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

export const assignSchema = z.strictObject({
  assignee: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .nullable(),
});
export const commentSchema = z.strictObject({ text: commentText });
export const bulkSchema = z.strictObject({
  ids: z.array(z.string().max(100)).min(1, 'name at least one alert').max(MAX_BULK_ALERTS),
  status: z.enum(ALERT_STATUSES),
  reason: z.enum(ALERT_REASONS).optional(),
  comment: commentText.optional(),
});

/** The outcome for one alert of a bulk change. */
export type BulkItemResult =
  | { readonly id: string; readonly ok: true; readonly alert: Alert }
  | {
      readonly id: string;
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string };
    };

export interface BulkResult {
  readonly results: readonly BulkItemResult[];
  readonly succeeded: number;
  readonly failed: number;
}

/** Working alerts: status with a closing reason, assignment, comments, history, bulk changes. */
export class TriageService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  /** Moves an alert along its lifecycle (responder); closing needs a reason. */
  async transition(principal: Principal, alertId: string, input: unknown): Promise<Alert> {
    requireRole(principal, 'responder');
    const change = parseInput(transitionSchema, input, 'alert transition');
    return this.applyTransition(principal, alertId, change);
  }

  /** Sets or clears (null) who works on an alert (responder). */
  async assign(principal: Principal, alertId: string, assignee: string | null): Promise<Alert> {
    requireRole(principal, 'responder');
    const parsed = parseInput(assignSchema, { assignee }, 'assignment');
    const alert = await this.find(alertId);
    const event = this.entry(principal, alert.id, 'assign', { assignee: parsed.assignee });
    const updated = await this.store.alertTriage.assign(alert.id, parsed.assignee, event);
    if (updated === null) throw new NotFoundError('alert');
    await this.audit.record(
      principal,
      'alert.assign',
      { type: 'alert', id: alert.id },
      { from: alert.assignee, to: parsed.assignee },
    );
    return updated;
  }

  /** Appends a comment (1 to 1,000 characters) to an alert's history (responder). */
  async comment(principal: Principal, alertId: string, text: string): Promise<AlertEvent> {
    requireRole(principal, 'responder');
    const parsed = parseInput(commentSchema, { text }, 'comment');
    const alert = await this.find(alertId);
    const event = this.entry(principal, alert.id, 'comment', { text: parsed.text });
    await this.store.alertTriage.comment(event);
    await this.audit.record(
      principal,
      'alert.comment',
      { type: 'alert', id: alert.id },
      { commentId: event.id, length: parsed.text.length },
    );
    return event;
  }

  /** Status changes, assignments and comments, oldest first, each with its actor. */
  async history(alertId: string): Promise<AlertEvent[]> {
    const alert = await this.find(alertId);
    return this.store.alertTriage.history(alert.id);
  }

  /** The same transition on many alerts; each succeeds or fails on its own. */
  async bulk(principal: Principal, alertIds: readonly string[], input: unknown): Promise<BulkResult> {
    requireRole(principal, 'responder');
    const parsed = parseInput(bulkSchema, { ...(input as object), ids: alertIds }, 'bulk change');
    const { ids, ...change } = parsed;
    // A missing or misplaced reason is wrong for every alert alike: refuse the request as a whole.
    checkReason(change.status, change.reason);
    const results: BulkItemResult[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        results.push({ id, ok: true, alert: await this.applyTransition(principal, id, change) });
      } catch (error) {
        if (!(error instanceof SentinelError)) throw error;
        results.push({ id, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    const succeeded = results.filter((result) => result.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  private async applyTransition(
    principal: Principal,
    alertId: string,
    change: z.output<typeof transitionSchema>,
  ): Promise<Alert> {
    const alert = await this.find(alertId);
    checkTransition(alert.status, change.status, change.reason);
    const at = this.now().toISOString();
    const closing = isClosedStatus(change.status);
    const event = this.entry(principal, alert.id, 'status', {
      fromStatus: alert.status,
      toStatus: change.status,
      reason: change.reason ?? null,
      text: change.comment ?? null,
      at,
    });
    const updated = await this.store.alertTriage.transition({
      alertId: alert.id,
      from: alert.status,
      to: change.status,
      reason: change.reason ?? null,
      closedAt: closing ? at : null,
      event,
    });
    if (updated === null) {
      const current = await this.find(alert.id);
      throw new ConflictError(`the alert changed meanwhile (it is now ${current.status}); try again`);
    }
    await this.audit.record(
      principal,
      'alert.transition',
      { type: 'alert', id: alert.id },
      {
        from: alert.status,
        to: change.status,
        reason: change.reason ?? null,
        comment: change.comment !== undefined,
      },
    );
    return updated;
  }

  private async find(alertId: string): Promise<Alert> {
    if (typeof alertId !== 'string' || !isId(alertId)) {
      throw new ValidationError('invalid alert id', [{ path: 'id', message: 'must be a UUID' }]);
    }
    const alert = await this.store.alerts.findById(alertId);
    if (alert === null) throw new NotFoundError('alert');
    return alert;
  }

  private entry(
    principal: Principal,
    alertId: string,
    kind: AlertEventKind,
    fields: Partial<Omit<AlertEvent, 'id' | 'alertId' | 'kind' | 'actor' | 'actorKeyId'>>,
  ): AlertEvent {
    return {
      id: newId(),
      alertId,
      at: fields.at ?? this.now().toISOString(),
      actor: principal.name,
      actorKeyId: principal.keyId,
      kind,
      fromStatus: fields.fromStatus ?? null,
      toStatus: fields.toStatus ?? null,
      reason: fields.reason ?? null,
      assignee: fields.assignee ?? null,
      text: fields.text ?? null,
    };
  }
}
