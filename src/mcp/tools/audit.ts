import { z } from 'zod';
import { cursorInput, limitInput, nextCursorOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

export const listAuditLog = defineTool({
  name: 'list_audit_log',
  title: 'Audit log',
  description:
    'Lists configuration and triage changes, newest first: who (key name and id), what action, on what, when, with details. ' +
    'Use it to answer "who disabled this rule?" or to review what an agent changed. Admin only. ' +
    'Next: get_rule or get_server for the current state of a changed target.',
  toolset: 'audit',
  tier: 'read',
  role: 'admin',
  input: { limit: limitInput(200, 50), cursor: cursorInput },
  output: {
    entries: z.array(
      z.looseObject({
        id: z.string(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        targetType: z.string(),
        targetId: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
    nextCursor: nextCursorOutput,
  },
  handler: async ({ app, principal }, args) => {
    const page = await app.audit.list(principal, args);
    return {
      data: { entries: page.items, nextCursor: page.nextCursor },
      guidance: `${page.items.length} audit entr${page.items.length === 1 ? 'y' : 'ies'}, newest first.`,
    };
  },
});

export const auditTools: readonly Tool[] = [listAuditLog];
