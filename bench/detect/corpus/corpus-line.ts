import type { Category } from '../../../src/core/index.js';
import { AGENTS, CLIENTS, userIdentity } from './people.js';
import type { Rng } from './rng.js';

/** The categories the corpus has attack files for (`behaviour` and `custom` are not content classes). */
export const CORPUS_CATEGORIES = [
  'prompt_injection',
  'tool_poisoning',
  'secrets',
  'pii',
  'path_traversal',
  'sql_injection',
  'command_injection',
  'ssrf',
  'exfiltration',
] as const satisfies readonly Category[];
export type CorpusCategory = (typeof CORPUS_CATEGORIES)[number];

/** The fields of a webhook-format event that a corpus module decides; the generator adds the rest. */
export interface EventFields {
  tool?: string;
  method?: string;
  arguments?: Record<string, unknown>;
  prompt?: string;
  response?: unknown;
  metadata?: Record<string, unknown>;
  tool_description?: string;
  is_error?: boolean;
  /** Producers also send fields Sentinel does not know (raw JSON-RPC `params`, ...). */
  [extra: string]: unknown;
}

/** One example before the generator gives it an id and the common event fields. */
export interface Draft {
  readonly note: string;
  readonly event: EventFields;
}

/** One line of a corpus file. */
export interface CorpusLine {
  readonly id: string;
  readonly label: 'attack' | 'benign';
  readonly category: CorpusCategory | null;
  readonly note: string;
  readonly event: Record<string, unknown>;
}

const BASE_TIME = Date.parse('2026-11-01T08:00:00Z');

/**
 * Adds what every producer sends around the payload (time, user, agent, sometimes a session,
 * client and duration), varied so that no detector can key on one envelope shape.
 */
export function completeEvent(rng: Rng, fields: EventFields): Record<string, unknown> {
  const timestamp = new Date(BASE_TIME + rng.int(0, 6 * 24 * 3600) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
  const event: Record<string, unknown> = { timestamp };
  if (rng.chance(0.3)) event['id'] = `evt_${rng.chars('0123456789abcdef', 16)}`;
  if (rng.chance(0.5)) event['session_id'] = `sess-${rng.chars('0123456789abcdef', 12)}`;
  if (rng.chance(0.9)) event['user'] = userIdentity(rng);
  if (rng.chance(0.85)) event['agent'] = rng.pick(AGENTS);
  if (rng.chance(0.4)) event['client'] = rng.pick(CLIENTS);
  const method = fields.method ?? (fields.tool_description !== undefined ? 'tools/list' : 'tools/call');
  event['method'] = method;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && key !== 'method') event[key] = value;
  }
  if (rng.chance(0.5) && method === 'tools/call') event['duration_ms'] = rng.int(3, 2400);
  return event;
}

/** Numbers drafts into corpus lines with stable ids (`sqli-007`, `benign-0412`). */
export function toLines(
  rng: Rng,
  drafts: readonly Draft[],
  label: CorpusLine['label'],
  category: CorpusCategory | null,
  prefix: string,
): CorpusLine[] {
  const width = drafts.length >= 1000 ? 4 : 3;
  return drafts.map((draft, index) => ({
    id: `${prefix}-${String(index + 1).padStart(width, '0')}`,
    label,
    category,
    note: draft.note,
    event: completeEvent(rng, draft.event),
  }));
}
