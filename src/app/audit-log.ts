import { z } from 'zod';
import { type AuditEntry, newId, type Principal, ValidationError, zodDetails } from '../core/index.js';
import type { Page, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

/** Writes and reads the audit trail of configuration changes. */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async record(
    actor: Principal,
    action: string,
    target: { type: string; id: string | null },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.audit.append({
      id: newId(),
      at: this.now().toISOString(),
      actor: `${actor.name} (${actor.keyId})`,
      action,
      targetType: target.type,
      targetId: target.id,
      details,
    });
  }

  list(principal: Principal, query: unknown): Promise<Page<AuditEntry>> {
    requireRole(principal, 'admin');
    const parsed = auditQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new ValidationError('invalid audit query', zodDetails(parsed.error));
    const { limit, cursor } = parsed.data;
    return this.store.audit.list(cursor === undefined ? { limit } : { limit, cursor });
  }
}
