import {
  type ErrorDetail,
  type EventSource,
  KNOWN_WEBHOOK_FIELDS,
  MAX_EVENT_DEPTH,
  type McpEvent,
  nestsDeeperThan,
  newId,
  type WebhookEvent,
  webhookEventSchema,
  zodDetails,
} from '../core/index.js';

export interface NormalizeContext {
  readonly serverId: string;
  readonly source: EventSource;
  /** ISO time the event was received. */
  readonly receivedAt: string;
}

export type NormalizeResult =
  | { readonly ok: true; readonly event: McpEvent }
  | { readonly ok: false; readonly reason: string; readonly details: readonly ErrorDetail[] };

/** Validates one webhook-format event and turns it into an McpEvent; never throws on bad input. */
export function normalizeEvent(raw: unknown, context: NormalizeContext): NormalizeResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'event must be a JSON object', details: [] };
  }
  if (nestsDeeperThan(raw, MAX_EVENT_DEPTH)) {
    return {
      ok: false,
      reason: `event nests more than ${MAX_EVENT_DEPTH} levels of objects or arrays`,
      details: [],
    };
  }
  const parsed = webhookEventSchema.safeParse(raw);
  if (!parsed.success) {
    const details = zodDetails(parsed.error);
    const first = details[0];
    const reason = first ? `${first.path ?? 'event'}: ${first.message}` : 'invalid event';
    return { ok: false, reason, details };
  }
  return { ok: true, event: toMcpEvent(parsed.data, context) };
}

function toMcpEvent(input: WebhookEvent, context: NormalizeContext): McpEvent {
  return {
    id: newId(),
    serverId: context.serverId,
    timestamp: input.timestamp,
    receivedAt: context.receivedAt,
    source: context.source,
    externalId: input.id === undefined ? null : String(input.id),
    sessionId: input.session_id ?? null,
    user: input.user ?? null,
    agent: input.agent ?? null,
    client: clientName(input.client),
    tool: input.tool ?? null,
    method: input.method ?? null,
    prompt: input.prompt ?? null,
    response: input.response ?? null,
    arguments: input.arguments ?? null,
    metadata: collectMetadata(input),
    toolDescription: input.tool_description ?? null,
    isError: input.is_error ?? null,
    durationMs: input.duration_ms ?? null,
  };
}

function clientName(client: WebhookEvent['client']): string | null {
  if (client === undefined || client === null) return null;
  if (typeof client === 'string') return client;
  const { name, version } = client as { name?: unknown; version?: unknown };
  if (typeof name !== 'string') return JSON.stringify(client);
  return typeof version === 'string' ? `${name}/${version}` : name;
}

/**
 * Unknown top-level fields are kept under metadata (ARCHITECTURE.md: never dropped). A field whose
 * name metadata already uses goes under `metadata._unknown` so neither value is lost.
 */
function collectMetadata(input: WebhookEvent): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...(input.metadata ?? {}) };
  let collisions: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(input)) {
    if (KNOWN_WEBHOOK_FIELDS.has(key)) continue;
    if (Object.hasOwn(metadata, key)) {
      collisions ??= {};
      collisions[key] = value;
    } else {
      metadata[key] = value;
    }
  }
  if (typeof input.client === 'object' && input.client !== null && !Object.hasOwn(metadata, 'client_info')) {
    metadata['client_info'] = input.client;
  }
  if (collisions) metadata[freeKey(metadata, '_unknown')] = collisions;
  return metadata;
}

/** `base`, or `base_2`, `base_3`... whichever metadata does not use yet. */
function freeKey(metadata: Record<string, unknown>, base: string): string {
  let key = base;
  for (let n = 2; Object.hasOwn(metadata, key); n++) key = `${base}_${n}`;
  return key;
}
