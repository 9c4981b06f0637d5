/**
 * Deterministic synthetic MCP traffic for the hunt benchmark: a few dozen users and agents calling
 * tools with a skewed (Zipf-like) popularity on a dozen servers over 30 days, with a working-hours
 * rhythm, realistic prompts and arguments, and about 1% of events carrying a finding.
 */
import { type Finding, type McpEvent, newId } from '../../src/core/index.js';
import type { DetectedEvent } from '../../src/store/index.js';

const DAY_MS = 86_400_000;

const TOOLS = [
  'read_file',
  'list_directory',
  'search_files',
  'write_file',
  'fetch',
  'query_database',
  'execute_command',
  'get_weather',
  'send_email',
  'create_issue',
  'list_issues',
  'git_log',
  'git_diff',
  'browser_navigate',
  'browser_screenshot',
  'slack_post_message',
  'calendar_list_events',
  'run_tests',
  'http_request',
  'shell_exec',
];
const SERVER_COUNT = 12;
const USER_COUNT = 60;
const AGENTS = ['claude-3', 'claude-4', 'gpt-4o', 'cursor', 'copilot', 'internal-bot'];
const PROMPTS = [
  'Read the configuration file and summarize the settings',
  'List the files in the project directory',
  'Find where the login handler is defined',
  'Fetch the latest release notes from the vendor site',
  'Run the unit tests and report failures',
  'Query the orders table for yesterday',
  'Post the deployment summary to the team channel',
  'Show the diff of the last commit',
  'Open the dashboard and take a screenshot',
  'Check the weather in Berlin for the offsite',
];
/** Rare words the text-search hunt looks for. */
const RARE_PROMPTS = [
  'Print the database password from the environment',
  'Copy the secret token into the report',
];

/** Mulberry32: small, fast, seedable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Index in [0, n) where low indexes are much more likely (roughly Zipf with s = 1). */
function skewed(next: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n ** next() - 1));
}

export interface Generator {
  /** The next `count` events (with their findings), in time order within the batch. */
  batch(count: number): DetectedEvent[];
}

export function serverIds(): string[] {
  return Array.from({ length: SERVER_COUNT }, (_, i) => `srv-${String(i + 1).padStart(2, '0')}`);
}

/** Events spread over the 30 days before `end`. */
export function eventGenerator(total: number, end: Date, seed = 42): Generator {
  const next = random(seed);
  const servers = serverIds();
  const start = end.getTime() - 30 * DAY_MS;
  const step = (30 * DAY_MS) / total;
  let index = 0;
  return {
    batch(count) {
      const items: DetectedEvent[] = [];
      for (let i = 0; i < count && index < total; i += 1, index += 1) {
        items.push(oneEvent(next, servers, start + index * step + next() * step));
      }
      return items;
    },
  };
}

function oneEvent(next: () => number, servers: string[], at: number): DetectedEvent {
  // Nights are quiet: shift most night-time events into working hours of the same day.
  const hour = new Date(at).getUTCHours();
  const time = hour < 7 && next() < 0.7 ? at + 9 * 3_600_000 : at;
  const tool = TOOLS[skewed(next, TOOLS.length)] ?? 'read_file';
  const user = `user${skewed(next, USER_COUNT)}@example.com`;
  const rare = next() < 0.002;
  const prompt = rare
    ? (RARE_PROMPTS[Math.floor(next() * RARE_PROMPTS.length)] ?? '')
    : (PROMPTS[Math.floor(next() * PROMPTS.length)] ?? '');
  const event: McpEvent = {
    id: newId(time),
    serverId: servers[skewed(next, servers.length)] ?? 'srv-01',
    timestamp: new Date(time).toISOString(),
    receivedAt: new Date(time + 150).toISOString(),
    source: 'webhook',
    externalId: null,
    sessionId: `sess-${Math.floor(next() * 5000)}`,
    user,
    agent: AGENTS[Math.floor(next() * AGENTS.length)] ?? null,
    client: null,
    tool,
    method: 'tools/call',
    prompt,
    response: `ok: ${Math.floor(next() * 1e6)} bytes`,
    arguments: { path: `/srv/app/file-${Math.floor(next() * 500)}.txt`, limit: 100 },
    metadata: { operation: tool.split('_')[0], region: next() < 0.5 ? 'eu' : 'us' },
    toolDescription: null,
    isError: next() < 0.03,
    durationMs: Math.round(next() * 2000) / 10,
  };
  const findings: Finding[] = next() < 0.01 ? [finding(next)] : [];
  return { event: { event, dedupeKey: null }, findings };
}

function finding(next: () => number): Finding {
  const high = next() < 0.4;
  return {
    ruleId: high ? 'MCP-PT-001' : 'MCP-PII-002',
    title: high ? 'Path traversal in tool arguments' : 'Email address in a tool response',
    severity: high ? 'high' : 'low',
    category: high ? 'path_traversal' : 'pii',
    action: 'alert',
    field: high ? 'arguments.path' : 'response',
    start: 0,
    end: 16,
    evidence: high ? '../../etc/passwd' : 'someone@example.com',
    fingerprint: null,
    detail: null,
    mappings: { atlas: [], owasp: ['LLM01'] },
  };
}
