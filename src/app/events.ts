import { z } from 'zod';
import {
  isId,
  type McpEvent,
  NotFoundError,
  type Principal,
  type Severity,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { Page, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());

const short = z.string().min(1).max(1024);

export const eventQuerySchema = z.strictObject({
  server: short.optional(),
  user: short.optional(),
  agent: short.optional(),
  tool: short.optional(),
  method: short.optional(),
  session: short.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  q: z.string().min(1).max(500).optional(),
  /** `true`: only events with at least one finding. */
  findings: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

/** An event in a listing, with what its findings say (0 and null when it has none). */
export type ListedEvent = McpEvent & {
  readonly findingCount: number;
  readonly maxSeverity: Severity | null;
};

/** Reading stored events. */
export class EventService {
  constructor(private readonly store: Store) {}

  async list(principal: Principal, query: unknown): Promise<Page<ListedEvent>> {
    requireRole(principal, 'viewer');
    const parsed = eventQuerySchema.safeParse(query ?? {});
    if (!parsed.success) throw new ValidationError('invalid event query', zodDetails(parsed.error));
    const { server, user, agent, tool, method, session, from, to, q, findings, limit, cursor } = parsed.data;
    if (from !== undefined && to !== undefined && from >= to) {
      throw new ValidationError('invalid event query', [{ path: 'from', message: 'must be before `to`' }]);
    }
    const page = await this.store.events.list(
      {
        ...dropUndefined({
          serverId: server,
          user,
          agent,
          tool,
          method,
          sessionId: session,
          from,
          to,
          text: q,
        }),
        ...(findings === 'true' ? { withFindings: true } : {}),
      },
      cursor === undefined ? { limit } : { limit, cursor },
    );
    const summaries = await this.store.events.findingSummaries(page.items.map((event) => event.id));
    return {
      ...page,
      items: page.items.map((event) => {
        const summary = summaries.get(event.id);
        return { ...event, findingCount: summary?.count ?? 0, maxSeverity: summary?.maxSeverity ?? null };
      }),
    };
  }

  async get(principal: Principal, id: string): Promise<McpEvent> {
    requireRole(principal, 'viewer');
    const event = isId(id) ? await this.store.events.findById(id) : null;
    if (event === null) throw new NotFoundError('event');
    return event;
  }
}

function dropUndefined<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
