import { MAX_EVENT_DEPTH, type McpEvent, nestsDeeperThan } from '../core/index.js';
import type { JsonRpcRequest } from './json-rpc.js';
import type { ProxySession } from './proxy-session.js';

// What the interceptor reads out of a request: who the client is, which tool, which arguments.

/** Fills the session from `initialize` (client name and version, capabilities, protocol version). */
export function rememberClient(request: JsonRpcRequest, session: ProxySession): void {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const info = params['clientInfo'] as { name?: unknown; version?: unknown } | undefined;
  if (typeof info?.name === 'string') {
    session.clientInfo = { name: info.name, version: typeof info.version === 'string' ? info.version : '' };
  }
  if (typeof params['capabilities'] === 'object' && params['capabilities'] !== null) {
    session.clientCapabilities = params['capabilities'] as Record<string, unknown>;
  }
  if (typeof params['protocolVersion'] === 'string') session.protocolVersion = params['protocolVersion'];
}

export function toolOf(request: JsonRpcRequest): string | null {
  if (request.method !== 'tools/call') return null;
  const name = (request.params as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * What an event holds instead of arguments nested deeper than the detectors read and an event may
 * be serialized: the interceptor cannot check such a call (see `unreadableRequest`).
 */
export const UNREADABLE_ARGUMENTS: Readonly<Record<string, unknown>> = Object.freeze({
  sentinel_unreadable: `the arguments nest more than ${MAX_EVENT_DEPTH} levels deep`,
});

/** What a request asks for, as the event's arguments: a tool's arguments, else the params themselves. */
export function argumentsOf(request: JsonRpcRequest): Record<string, unknown> | null {
  const args = requestArguments(request);
  // The event sits above the arguments, two levels: its own object and `arguments`.
  return args !== null && nestsDeeperThan(args, MAX_EVENT_DEPTH - 2) ? UNREADABLE_ARGUMENTS : args;
}

function requestArguments(request: JsonRpcRequest): Record<string, unknown> | null {
  const params = request.params as Record<string, unknown> | undefined;
  if (params === undefined) return null;
  if (request.method === 'tools/call') {
    const args = params['arguments'];
    return typeof args === 'object' && args !== null && !Array.isArray(args)
      ? (args as Record<string, unknown>)
      : null;
  }
  if (request.method === 'initialize') return null;
  const { _meta: _, ...rest } = params;
  return Object.keys(rest).length === 0 ? null : rest;
}

/** Only what a request carries: the arguments are what may be blocked before the server sees them. */
export function requestScanEvent(
  serverId: string,
  request: JsonRpcRequest,
  tool: string | null,
  args: Record<string, unknown> | null,
  session: ProxySession,
): McpEvent {
  const at = new Date(0).toISOString();
  return {
    id: '',
    serverId,
    timestamp: at,
    receivedAt: at,
    source: 'proxy',
    externalId: null,
    sessionId: session.sessionId,
    user: null,
    agent: null,
    client: null,
    tool,
    method: request.method,
    prompt: null,
    response: null,
    arguments: args,
    metadata: {},
    toolDescription: null,
    isError: null,
    durationMs: null,
  };
}
