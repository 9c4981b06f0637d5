import { type AuditEntry, newId, type Principal } from '../core/index.js';
import type { Page, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

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

  list(principal: Principal, page: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    requireRole(principal, 'admin');
    return this.store.audit.list(page);
  }
}
