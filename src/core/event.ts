import { z } from 'zod';

/** Where an event entered Sentinel. */
export const EVENT_SOURCES = ['webhook', 'upload', 'proxy'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** A normalized MCP event: the one shape every source produces and every surface reads. */
export interface McpEvent {
  readonly id: string;
  readonly serverId: string;
  /** When the producer says it happened (ISO 8601, UTC). */
  readonly timestamp: string;
  /** When Sentinel stored it (ISO 8601, UTC). */
  readonly receivedAt: string;
  readonly source: EventSource;
  /** The producer's own `id`, the idempotency key within a server. */
  readonly externalId: string | null;
  readonly sessionId: string | null;
  readonly user: string | null;
  readonly agent: string | null;
  readonly client: string | null;
  readonly tool: string | null;
  readonly method: string | null;
  readonly prompt: string | null;
  readonly response: string | null;
  readonly arguments: Record<string, unknown> | null;
  readonly metadata: Record<string, unknown>;
  readonly toolDescription: string | null;
  readonly isError: boolean | null;
  readonly durationMs: number | null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Date.parse rolls 2026-02-30 over into March; a timestamp must name a real calendar instant. */
function parseIsoDateTime(value: string): number {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as number[];
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  const valid =
    (month ?? 0) >= 1 &&
    (month ?? 0) <= 12 &&
    (day ?? 0) >= 1 &&
    (day ?? 0) <= daysInMonth &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59;
  return valid ? Date.parse(value) : Number.NaN;
}

const timestampSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseIsoDateTime(value);
  if (!Number.isFinite(ms) || ms < 0 || ms > 253402300799999) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be an ISO 8601 date-time with a time zone (e.g. 2026-11-01T10:30:00Z) or epoch milliseconds',
    });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

const MAX_SHORT = 1024;
const shortText = z.string().max(MAX_SHORT, `must be at most ${MAX_SHORT} characters`);

/** Free text the producer may send as a string or as structured JSON (an MCP result object). */
const looseText = z.unknown().transform((value) => {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
});

const jsonObject = z.record(z.string(), z.unknown());

/** The public webhook body for one event (see ARCHITECTURE.md); unknown fields are kept. */
export const webhookEventSchema = z.looseObject({
  timestamp: timestampSchema,
  id: z.union([shortText.min(1), z.number().int()]).optional(),
  session_id: shortText.nullish(),
  user: shortText.nullish(),
  agent: shortText.nullish(),
  client: z.union([shortText, jsonObject]).nullish(),
  tool: shortText.nullish(),
  method: shortText.nullish(),
  prompt: looseText.optional(),
  response: looseText.optional(),
  arguments: jsonObject.nullish(),
  metadata: jsonObject.nullish(),
  tool_description: z.string().nullish(),
  is_error: z.boolean().nullish(),
  duration_ms: z.number().nonnegative().finite().nullish(),
});

export type WebhookEventInput = z.input<typeof webhookEventSchema>;
export type WebhookEvent = z.output<typeof webhookEventSchema>;

export const KNOWN_WEBHOOK_FIELDS: ReadonlySet<string> = new Set(Object.keys(webhookEventSchema.shape));
