import { type McpEvent, newId, type Principal } from '../../src/core/index.js';

export const ADMIN: Principal = { keyId: 'k-admin', name: 'ada', role: 'admin' };
export const RESPONDER: Principal = { keyId: 'k-resp', name: 'rex', role: 'responder' };
export const VIEWER: Principal = { keyId: 'k-view', name: 'vic', role: 'viewer' };

/** A stored-shape event for hunting tests. */
export function huntEvent(overrides: Partial<McpEvent> = {}): McpEvent {
  return {
    id: newId(),
    serverId: 'srv-a',
    timestamp: '2026-11-20T11:30:00.000Z',
    receivedAt: '2026-11-20T11:30:01.000Z',
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user: 'alice@example.com',
    agent: 'claude-3',
    client: null,
    tool: 'read_file',
    method: 'tools/call',
    prompt: 'Read the configuration file',
    response: 'ok',
    arguments: { path: '/etc/config.json' },
    metadata: {},
    toolDescription: null,
    isError: false,
    durationMs: 5,
    ...overrides,
  };
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
