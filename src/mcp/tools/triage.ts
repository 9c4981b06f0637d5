import { z } from 'zod';
import { ALERT_REASONS, ALERT_STATUSES } from '../../core/index.js';
import { needs, plain, requirePort } from '../app-ports.js';
import { alertEventOutput, alertOutput, idInput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const alertId = idInput('alert');
const comment = z.string().trim().min(1).max(1000);

export const alertAddComment = defineTool({
  name: 'alert_add_comment',
  title: 'Comment on an alert',
  description:
    'Adds a comment (at most 1,000 characters) to an alert’s history; comments are append-only and signed with the caller’s key. ' +
    'Use it to record findings of an investigation. Next: alert_transition when a conclusion is reached.',
  toolset: 'alerts',
  tier: 'additive',
  everyday: true,
  available: needs('triage'),
  input: { alert_id: alertId, text: comment.describe('The comment, 1-1,000 characters.') },
  output: { comment: alertEventOutput },
  handler: async ({ app, principal }, { alert_id, text }) => ({
    data: { comment: plain(await requirePort(app, 'triage').comment(principal, alert_id, text)) },
    guidance: 'Comment added to the alert history.',
  }),
});

export const alertTransition = defineTool({
  name: 'alert_transition',
  title: 'Change an alert’s status',
  description:
    'Moves an alert to new, in_progress, resolved or dismissed. Closing (resolved/dismissed) needs a reason: true_positive, false_positive, benign_positive or duplicate; ' +
    'an optional comment is stored with the change. Use it once an investigation has a conclusion the user agrees with. Next: alert_history to confirm.',
  toolset: 'alerts',
  tier: 'state',
  everyday: true,
  available: needs('triage'),
  input: {
    alert_id: alertId,
    status: z.enum(ALERT_STATUSES),
    reason: z.enum(ALERT_REASONS).optional().describe('Required when closing (resolved or dismissed).'),
    comment: comment.optional().describe('Why, 1-1,000 characters.'),
  },
  output: { alert: alertOutput },
  handler: async ({ app, principal }, { alert_id, status, reason, comment: note }) => {
    const result = await requirePort(app, 'triage').transition(principal, alert_id, {
      status,
      ...(reason ? { reason } : {}),
      ...(note ? { comment: note } : {}),
    });
    return { data: { alert: plain(result) }, guidance: `Alert moved to ${status}.` };
  },
});

export const alertAssign = defineTool({
  name: 'alert_assign',
  title: 'Assign an alert',
  description:
    'Assigns an alert to a person (a name or email, at most 200 characters) or unassigns it with null. ' +
    'Use it to hand an alert to someone. Next: alert_add_comment with context for them.',
  toolset: 'alerts',
  tier: 'state',
  everyday: true,
  available: needs('triage'),
  input: {
    alert_id: alertId,
    assignee: z.string().trim().min(1).max(200).nullable().describe('Who works on it; null unassigns.'),
  },
  output: { alert: alertOutput },
  handler: async ({ app, principal }, { alert_id, assignee }) => ({
    data: { alert: plain(await requirePort(app, 'triage').assign(principal, alert_id, assignee)) },
    guidance: assignee === null ? 'Alert unassigned.' : 'Alert assigned.',
  }),
});

export const alertBulkTransition = defineTool({
  name: 'alert_bulk_transition',
  title: 'Change many alerts’ status at once',
  description:
    'Applies one status change (with its reason and comment) to up to 200 alerts; each alert succeeds or fails on its own and the result says which. ' +
    'Use it to close the alerts of a rule you just disabled, or a batch of duplicates, after the user agrees. Next: list_alerts to confirm.',
  toolset: 'alerts',
  tier: 'state',
  available: needs('triage'),
  input: {
    alert_ids: z.array(alertId).min(1).max(200).describe('The alerts to change (ids from list_alerts).'),
    status: z.enum(ALERT_STATUSES),
    reason: z.enum(ALERT_REASONS).optional().describe('Required when closing (resolved or dismissed).'),
    comment: comment.optional().describe('Why, 1-1,000 characters; stored on every alert.'),
  },
  output: {
    succeeded: z.number(),
    failed: z.number(),
    results: z.array(z.looseObject({ id: z.string(), ok: z.boolean() })),
  },
  handler: async ({ app, principal }, { alert_ids, status, reason, comment: note }) => {
    const result = plain(
      await requirePort(app, 'triage').bulk(principal, alert_ids, {
        status,
        ...(reason ? { reason } : {}),
        ...(note ? { comment: note } : {}),
      }),
    ) as { succeeded: number; failed: number; results: unknown[] };
    return {
      data: result,
      guidance: `${result.succeeded} alert(s) moved to ${status}, ${result.failed} failed (see results).`,
    };
  },
});

export const triageTools: readonly Tool[] = [
  alertAddComment,
  alertTransition,
  alertAssign,
  alertBulkTransition,
];
