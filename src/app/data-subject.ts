import { z } from 'zod';
import { isId, type McpEvent, type Principal, ValidationError } from '../core/index.js';
import type { Page, PurgeCounts, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { parseInput } from './parse-input.js';
import { requireRole } from './permissions.js';

/** The word an admin types to confirm a purge (the same on every surface). */
export const PURGE_CONFIRMATION = 'PURGE';

const subject = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(256, 'must be at most 256 characters');
const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());

export const dataSubjectQuerySchema = z.strictObject({
  subject,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

export const purgeSchema = z
  .strictObject({
    from: isoTime.optional(),
    to: isoTime.optional(),
    serverId: z.string().refine(isId, 'must be a server id (UUID)').optional(),
    subject: subject.optional(),
  })
  .refine(
    (value) => Object.values(value).some((v) => v !== undefined),
    'name at least one of from, to, serverId, subject (a purge never means "everything")',
  )
  .refine((value) => value.from === undefined || value.to === undefined || value.from < value.to, {
    message: 'from must be before to',
    path: ['to'],
  });

export interface PurgeReport extends PurgeCounts {
  readonly criteria: z.output<typeof purgeSchema>;
}

/** Data subject requests: every event that mentions a person, and erasure (GDPR articles 15 and 17). */
export class DataSubjectService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {}

  /** Events mentioning `subject` (an email, a name, an id) in any text field, newest first. */
  async find(
    subjectText: string,
    page: { limit?: number | string; cursor?: string } = {},
  ): Promise<Page<McpEvent>> {
    const q = parseInput(dataSubjectQuerySchema, { ...page, subject: subjectText }, 'data subject query');
    return this.store.events.list(
      { subject: q.subject },
      q.cursor === undefined ? { limit: q.limit } : { limit: q.limit, cursor: q.cursor },
    );
  }

  /** Every matching event, page by page (for a JSONL export); validated and audited before the first event. */
  async export(principal: Principal, subjectText: string): Promise<AsyncIterable<McpEvent>> {
    const q = parseInput(dataSubjectQuerySchema, { subject: subjectText }, 'data subject query');
    await this.audit.record(principal, 'data_subject.export', { type: 'data_subject', id: null }, {});
    const pages = async function* (this: DataSubjectService): AsyncGenerator<McpEvent> {
      let cursor: string | undefined;
      do {
        const page = await this.find(
          q.subject,
          cursor === undefined ? { limit: 500 } : { limit: 500, cursor },
        );
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    };
    return pages.call(this);
  }

  /** Deletes matching events and their findings (admin); needs `confirm` to be exactly "PURGE". */
  async purge(principal: Principal, criteria: unknown, confirm: unknown): Promise<PurgeReport> {
    requireRole(principal, 'admin');
    const parsed = parseInput(purgeSchema, criteria, 'purge criteria');
    if (confirm !== PURGE_CONFIRMATION) {
      throw new ValidationError('a purge deletes events for good and needs confirmation', [
        { path: 'confirm', message: `must be exactly "${PURGE_CONFIRMATION}"` },
      ]);
    }
    const counts = await this.store.dataSubjects.purge(parsed);
    // The subject itself is personal data: the audit log records that one was given, not what it was.
    await this.audit.record(
      principal,
      'events.purge',
      { type: 'events', id: parsed.serverId ?? null },
      {
        from: parsed.from ?? null,
        to: parsed.to ?? null,
        serverId: parsed.serverId ?? null,
        bySubject: parsed.subject !== undefined,
        ...counts,
      },
    );
    return { criteria: parsed, ...counts };
  }
}
