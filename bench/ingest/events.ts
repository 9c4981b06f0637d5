/**
 * Realistic webhook-format events (ARCHITECTURE.md, "The event") for the ingest benchmark:
 * varied users, agents, tools and arguments, ISO timestamps, about 500 bytes each as JSON.
 * No `id` field, so the webhook stores every copy (no idempotency dedupe) even when a body repeats.
 * Seeded, so every run sends the same bytes apart from the timestamps.
 *
 * Timestamps: `live` (default) stamps each body with the time it is sent, as a producer
 * forwarding its calls as they happen does; `spread` scatters each body's events over the hour
 * before the run, the worst case for the time indexes (every insert lands on its own leaf page).
 */

export type Scenario = 'batch' | 'single';
export type Timestamps = 'live' | 'spread';
export const TIMESTAMPS: readonly Timestamps[] = ['live', 'spread'];

/** Stands for the send time in `live` bodies; the load generator replaces it per request. */
export const SEND_TIME = '__BENCH_SEND_TIME__';

/** Events per request body in each scenario. */
export const EVENTS_PER_REQUEST: Readonly<Record<Scenario, number>> = { batch: 100, single: 1 };

const USERS = ['alice', 'bob', 'carol', 'dmitri', 'eun-ji', 'farah', 'gustavo', 'hana', 'ivan', 'jamal'];
const DOMAINS = ['example.com', 'corp.example', 'dev.example.org'];
const AGENTS = ['claude-3', 'claude-sonnet-4', 'gpt-4o', 'copilot-agent', 'cursor', 'internal-helper'];
const CLIENTS = ['claude-desktop/1.4.2', 'cursor/0.48', 'vscode-copilot/1.2', 'custom-sdk/0.9'];
const WORDS = ['config', 'report', 'invoice', 'deploy', 'notes', 'backup', 'users', 'metrics', 'draft'];
const EXTS = ['json', 'md', 'yaml', 'csv', 'txt', 'ts'];

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny and deterministic. */
function createRng(seed: number): Rng {
  let state = seed | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number] };
}

type Call = { tool: string; arguments: Record<string, unknown>; prompt: string; response: string };

function filePath(rng: Rng): string {
  return `/srv/${rng.pick(['app', 'data', 'home/dev', 'projects/web'])}/${rng.pick(WORDS)}-${rng.int(1, 999)}.${rng.pick(EXTS)}`;
}

const CALLS: readonly ((rng: Rng) => Call)[] = [
  (rng) => {
    const path = filePath(rng);
    return {
      tool: 'read_file',
      arguments: { path, encoding: 'utf-8' },
      prompt: `Read ${path} and summarise the settings that changed since last week`,
      response: `File contents (${rng.int(200, 9000)} bytes): {"version": ${rng.int(1, 9)}, "feature_flags": {"beta": true}}`,
    };
  },
  (rng) => {
    const path = filePath(rng);
    return {
      tool: 'write_file',
      arguments: {
        path,
        content: `# ${rng.pick(WORDS)}\n\nUpdated by the agent on request ${rng.int(1000, 9999)}.`,
      },
      prompt: `Save the ${rng.pick(WORDS)} draft we discussed to ${path}`,
      response: `Wrote ${rng.int(40, 4000)} bytes to ${path}`,
    };
  },
  (rng) => {
    const table = rng.pick(['orders', 'customers', 'invoices', 'tickets']);
    return {
      tool: 'query',
      arguments: {
        sql: `SELECT id, status, total FROM ${table} WHERE created_at > now() - interval '7 days' LIMIT ${rng.int(10, 500)}`,
      },
      prompt: `How many ${table} were created this week, grouped by status?`,
      response: `${rng.int(0, 480)} rows: [{"id": ${rng.int(1, 99999)}, "status": "open", "total": ${rng.int(5, 900)}.50}, ...]`,
    };
  },
  (rng) => {
    const repo = `${rng.pick(['acme', 'platform', 'infra'])}/${rng.pick(WORDS)}-service`;
    return {
      tool: 'search_issues',
      arguments: { repo, query: `is:open label:${rng.pick(['bug', 'p1', 'security', 'ux'])}`, per_page: 20 },
      prompt: `List the open issues in ${repo} that block the next release`,
      response: `Found ${rng.int(0, 60)} issues; top: #${rng.int(100, 9000)} "Fix ${rng.pick(WORDS)} timeout on retry"`,
    };
  },
  (rng) => ({
    tool: 'fetch_url',
    arguments: {
      url: `https://docs.${rng.pick(DOMAINS)}/${rng.pick(WORDS)}/${rng.int(1, 300)}`,
      method: 'GET',
    },
    prompt: `Open the ${rng.pick(WORDS)} documentation page and tell me the rate limits`,
    response: `HTTP 200, ${rng.int(1, 80)} KB of text/html; rate limit: ${rng.int(10, 1000)} requests per minute`,
  }),
];

/** One event as the webhook receives it (a plain object, ready for JSON.stringify). */
export function makeEvent(rng: Rng, baseMs: number, timestamps: Timestamps): Record<string, unknown> {
  const call = rng.pick(CALLS)(rng);
  const user = `${rng.pick(USERS)}${rng.int(1, 40)}@${rng.pick(DOMAINS)}`;
  const spread = new Date(baseMs - rng.int(0, 3_600_000)).toISOString();
  return {
    timestamp: timestamps === 'live' ? SEND_TIME : spread,
    user,
    agent: rng.pick(AGENTS),
    client: rng.pick(CLIENTS),
    session_id: `sess-${rng.int(1, 500).toString(36)}-${rng.int(1e6, 9e6).toString(36)}`,
    method: 'tools/call',
    tool: call.tool,
    arguments: call.arguments,
    prompt: call.prompt,
    response: call.response,
    duration_ms: rng.int(2, 1500),
    is_error: rng.next() < 0.03,
    metadata: { host: `node-${rng.int(1, 12)}`, request_id: rng.int(1e9, 9e9).toString(16) },
  };
}

/**
 * `count` distinct request bodies for a scenario: JSON arrays of 100 events (batch) or one event
 * object (single). The load generator cycles through them.
 */
export function makeBodies(
  scenario: Scenario,
  count: number,
  timestamps: Timestamps = 'live',
  seed = 42,
): string[] {
  const rng = createRng(seed);
  const baseMs = Date.now();
  const perRequest = EVENTS_PER_REQUEST[scenario];
  const event = () => makeEvent(rng, baseMs, timestamps);
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    if (scenario === 'single') bodies.push(JSON.stringify(event()));
    else bodies.push(JSON.stringify(Array.from({ length: perRequest }, event)));
  }
  return bodies;
}

/**
 * Stamps a `live` body with the current time each call (a `spread` body has no SEND_TIME and
 * comes back as it is). Split once, so each request costs a join, not a search of 50 KB.
 */
export function stamper(body: string): () => string {
  const parts = body.split(SEND_TIME);
  return () => parts.join(new Date().toISOString());
}
