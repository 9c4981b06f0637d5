import { z } from 'zod';
import { type Principal, ValidationError, zodDetails } from '../core/index.js';
import type { Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';
import type { RuleCatalogue } from './rule-catalogue.js';

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());

export const rescanSchema = z
  .strictObject({ from: isoTime, to: isoTime, server: z.string().min(1).max(100).optional() })
  .refine((value) => value.from < value.to, { path: ['from'], message: 'must be before `to`' });

export interface RescanReport {
  readonly scanned: number;
  readonly newFindings: number;
}

const PAGE = 500;

/** Re-runs the current pure rules over stored events in a time range, adding what they now find. */
export class RescanService {
  constructor(
    private readonly store: Store,
    private readonly catalogue: RuleCatalogue,
    private readonly audit: AuditLog,
    private readonly alertWindowMs: number,
    private readonly now: () => Date,
  ) {}

  async rescan(principal: Principal, input: unknown): Promise<RescanReport> {
    requireRole(principal, 'admin');
    const parsed = rescanSchema.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError('invalid rescan request', zodDetails(parsed.error));
    const { from, to, server } = parsed.data;
    const engine = await this.catalogue.engine();
    let scanned = 0;
    let newFindings = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.events.list(
        { from, to, ...(server ? { serverId: server } : {}) },
        cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
      );
      const items = page.items.map((event) => ({ event, findings: engine.scan(event).findings }));
      newFindings += await this.store.events.addFindings(items, {
        alertWindowMs: this.alertWindowMs,
        now: this.now().toISOString(),
      });
      scanned += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    await this.audit.record(
      principal,
      'detection.rescan',
      { type: 'events', id: server ?? null },
      {
        from,
        to,
        scanned,
        newFindings,
      },
    );
    return { scanned, newFindings };
  }
}
