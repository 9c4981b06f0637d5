import { z } from 'zod';
import {
  ALERT_STATUSES,
  type Alert,
  CATEGORIES,
  isId,
  type McpEvent,
  NotFoundError,
  type Principal,
  SEVERITIES,
  type StoredFinding,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { Page, Store } from '../store/index.js';
import { requireRole } from './permissions.js';

const isoTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
  .transform((value) => new Date(value).toISOString());
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(values)).min(1));
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(500).optional(),
};

export const alertQuerySchema = z.strictObject({
  status: list(ALERT_STATUSES).optional(),
  severity: list(SEVERITIES).optional(),
  rule: z.string().min(1).max(100).optional(),
  server: z.string().min(1).max(100).optional(),
  user: z.string().min(1).max(1024).optional(),
  assignee: z.string().min(1).max(200).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  ...page,
});

export const findingQuerySchema = z.strictObject({
  rule: z.string().min(1).max(100).optional(),
  server: z.string().min(1).max(100).optional(),
  category: z.enum(CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  event: z.string().min(1).max(100).optional(),
  alert: z.string().min(1).max(100).optional(),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be 16 hex characters')
    .optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  ...page,
});

export interface AlertDetail {
  readonly alert: Alert;
  readonly findings: readonly StoredFinding[];
  /** The events behind the first findings, newest first. */
  readonly events: readonly McpEvent[];
}

const DETAIL_FINDINGS = 200;
const DETAIL_EVENTS = 50;

function parse<T extends z.ZodType>(schema: T, query: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw new ValidationError(`invalid ${what} query`, zodDetails(parsed.error));
  return parsed.data;
}

function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Reading alerts and findings. */
export class AlertQueries {
  constructor(private readonly store: Store) {}

  async listAlerts(principal: Principal, query: unknown): Promise<Page<Alert>> {
    requireRole(principal, 'viewer');
    const q = parse(alertQuerySchema, query, 'alert');
    return this.store.alerts.list(
      defined({
        status: q.status,
        severity: q.severity,
        ruleId: q.rule,
        serverId: q.server,
        user: q.user,
        assignee: q.assignee,
        from: q.from,
        to: q.to,
      }),
      defined({ limit: q.limit, cursor: q.cursor }),
    );
  }

  async getAlert(principal: Principal, id: string): Promise<AlertDetail> {
    requireRole(principal, 'viewer');
    const alert = isId(id) ? await this.store.alerts.findById(id) : null;
    if (alert === null) throw new NotFoundError('alert');
    const findings = (await this.store.findings.list({ alertId: id }, { limit: DETAIL_FINDINGS })).items;
    const eventIds = [...new Set(findings.map((finding) => finding.eventId))].slice(0, DETAIL_EVENTS);
    const events = (await Promise.all(eventIds.map((eventId) => this.store.events.findById(eventId)))).filter(
      (event): event is McpEvent => event !== null,
    );
    return { alert, findings, events };
  }

  async listFindings(principal: Principal, query: unknown): Promise<Page<StoredFinding>> {
    requireRole(principal, 'viewer');
    const q = parse(findingQuerySchema, query, 'finding');
    return this.store.findings.list(
      defined({
        ruleId: q.rule,
        serverId: q.server,
        category: q.category,
        severity: q.severity,
        eventId: q.event,
        alertId: q.alert,
        fingerprint: q.fingerprint,
        from: q.from,
        to: q.to,
      }),
      defined({ limit: q.limit, cursor: q.cursor }),
    );
  }
}
