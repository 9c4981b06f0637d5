import type { Finding, McpEvent } from '../../src/core/index.js';
import { newId } from '../../src/core/index.js';
import { type CompiledHunt, compileKql, decodeHuntRows } from '../../src/query/index.js';
import type { Store } from '../../src/store/index.js';

/** The instant `now()` means in every hunting test. */
export const NOW = new Date('2026-11-02T00:00:00.000Z');

export const SERVER_A = '01900000-0000-7000-8000-00000000000a';
export const SERVER_B = '01900000-0000-7000-8000-00000000000b';

let counter = 0;
function event(fields: Partial<McpEvent> & { timestamp: string }): McpEvent {
  counter += 1;
  return {
    id: `01900000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    serverId: SERVER_A,
    receivedAt: fields.timestamp,
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user: null,
    agent: null,
    client: null,
    tool: null,
    method: 'tools/call',
    prompt: null,
    response: null,
    arguments: null,
    metadata: {},
    toolDescription: null,
    isError: null,
    durationMs: null,
    ...fields,
  };
}

/** A small fixed dataset: eight events, two servers, two findings. */
export const EVENTS: McpEvent[] = [
  event({
    timestamp: '2026-11-01T10:00:00.000Z',
    user: 'alice@example.com',
    agent: 'claude-3',
    tool: 'filesystem',
    sessionId: 's-1',
    prompt: 'Read the configuration file',
    response: 'File contents: {...}',
    arguments: { path: '/etc/config.json' },
    metadata: { file_path: '/etc/config.json', operation: 'read', tags: ['a', 'b'], size: 120 },
    isError: false,
    durationMs: 12.5,
  }),
  event({
    timestamp: '2026-11-01T10:20:00.000Z',
    user: 'alice@example.com',
    agent: 'claude-3',
    tool: 'shell_exec',
    sessionId: 's-1',
    prompt: 'run exec now',
    arguments: { command: 'rm -rf /tmp/x' },
    metadata: { operation: 'exec', tags: ['b', 'c'], size: 5 },
    isError: true,
    durationMs: 250,
  }),
  event({
    timestamp: '2026-11-01T10:45:00.000Z',
    user: 'bob@example.com',
    agent: 'gpt-4',
    tool: 'filesystem',
    prompt: 'List files',
    metadata: { file_path: '/home/bob', operation: 'list', tags: [] },
    isError: false,
    durationMs: 3,
  }),
  event({
    timestamp: '2026-11-01T11:05:00.000Z',
    user: 'bob@example.com',
    agent: 'gpt-4',
    tool: 'http_fetch',
    prompt: 'Fetch https://example.com/?q=1',
    response: "O'Brien said; DROP TABLE events",
    metadata: { url: 'https://example.com' },
    durationMs: 100,
  }),
  event({
    timestamp: '2026-11-01T12:30:00.000Z',
    user: 'Carol@Example.com',
    agent: 'claude-3',
    tool: 'Exec_Remote',
    prompt: 'EXECUTE plan',
    metadata: { operation: 'exec', tags: ['c'] },
  }),
  event({
    timestamp: '2026-10-30T08:00:00.000Z',
    user: 'alice@example.com',
    agent: 'claude-3',
    tool: 'filesystem',
    prompt: 'Read passwd',
    metadata: { file_path: '/etc/passwd', operation: 'read' },
    isError: false,
    durationMs: 8,
  }),
  event({ timestamp: '2026-11-01T23:59:59.999Z', method: 'tools/list' }),
  event({
    timestamp: '2026-11-01T10:10:00.000Z',
    serverId: SERVER_B,
    user: 'alice@example.com',
    agent: 'claude-3',
    tool: 'shell_exec',
    prompt: 'exec-ute',
    metadata: { operation: 'exec', size: 7.5 },
    isError: false,
    durationMs: 40,
  }),
];

function finding(ruleId: string, severity: Finding['severity'], category: Finding['category']): Finding {
  return {
    ruleId,
    title: `${ruleId} found`,
    severity,
    category,
    action: 'alert',
    field: 'prompt',
    start: 0,
    end: 3,
    evidence: 'run',
    fingerprint: null,
    detail: null,
    mappings: { atlas: ['AML.T0051'], owasp: ['LLM01'] },
  };
}

/** Seeds the dataset: events 2 and 4 with findings (through commitDetected), the rest plainly. */
export async function seedHuntData(store: Store): Promise<void> {
  const withFindings = new Map<number, Finding[]>([
    [1, [finding('command-injection', 'high', 'command_injection')]],
    [3, [finding('sql-injection', 'medium', 'sql_injection')]],
  ]);
  await store.events.insertBatch(
    EVENTS.filter((_, i) => !withFindings.has(i)).map((e) => ({ event: e, dedupeKey: e.id })),
  );
  await store.events.commitDetected(
    [...withFindings].map(([i, findings]) => ({
      event: { event: EVENTS[i] as McpEvent, dedupeKey: (EVENTS[i] as McpEvent).id },
      findings,
    })),
    { alertWindowMs: 3_600_000, now: NOW.toISOString() },
  );
  await store.servers.create({
    id: SERVER_A,
    name: 'files',
    type: 'filesystem',
    endpointUrl: null,
    description: 'Shared drive',
    tags: ['prod', 'eu'],
    apiKeyPrefix: 'msk_secretpfx1',
    apiKeyHash: 'f'.repeat(64),
    hmacSecretEncrypted: 'sealed-secret',
    ipAllowlist: ['10.0.0.0/8'],
    allowUnauthenticated: false,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-02T00:00:00.000Z',
  });
  await store.audit.append({
    id: newId(),
    at: '2026-10-01T00:00:00.000Z',
    actor: 'admin',
    action: 'server.create',
    targetType: 'server',
    targetId: SERVER_A,
    details: { name: 'files' },
  });
}

export interface HuntOutput {
  readonly hunt: CompiledHunt;
  readonly columns: string[];
  readonly rows: unknown[][];
  readonly truncated: boolean;
}

/** Compiles for the store's dialect, runs read-only and decodes. */
export async function hunt(
  store: Store,
  query: string,
  options: { maxRows?: number; timeoutMs?: number; timespan?: { from: string; to: string } } = {},
): Promise<HuntOutput> {
  const maxRows = options.maxRows ?? 1000;
  const compiled = await compileKql(query, {
    dialect: store.hunting.dialect,
    now: NOW,
    maxRows,
    ...(options.timespan ? { timespan: options.timespan } : {}),
  });
  const result = await store.hunting.run(compiled.sql, compiled.params, {
    maxRows,
    timeoutMs: options.timeoutMs ?? 20_000,
  });
  return {
    hunt: compiled,
    columns: compiled.columns.map((c) => c.name),
    rows: decodeHuntRows(result.rows, compiled, store.hunting.dialect),
    truncated: result.truncated,
  };
}
