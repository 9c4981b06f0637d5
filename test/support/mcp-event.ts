import type { McpEvent } from '../../src/core/index.js';

/** A normalized event with every optional field empty, for tests that scan one directly. */
export function mcpEvent(overrides: Partial<McpEvent> = {}): McpEvent {
  return {
    id: 'evt-1',
    serverId: 'srv',
    timestamp: '2026-11-01T10:30:00.000Z',
    receivedAt: '2026-11-01T10:30:00.000Z',
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user: null,
    agent: null,
    client: null,
    tool: null,
    method: null,
    prompt: null,
    response: null,
    arguments: null,
    metadata: {},
    toolDescription: null,
    isError: null,
    durationMs: null,
    ...overrides,
  };
}
