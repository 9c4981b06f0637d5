import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { GatewaySession } from '../../app/index.js';
import type { Principal } from '../../core/index.js';
import { createSession } from '../proxy-session.js';
import type { GatewayContext, Target } from './gateway-context.js';
import type { LiveSession, LiveSessions } from './live-session.js';

export type SessionLookup =
  | { readonly live: LiveSession }
  | { readonly status: 400 | 404; readonly message: string };

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The session a request names (MCP 2025-06-18 §Session Management): 400 without `Mcp-Session-Id`,
 * 404 for one unknown, expired or opened with another key, 400 for an unsupported or different
 * `MCP-Protocol-Version`. The store is read every time: another node may have ended it.
 */
export async function lookupSession(
  context: GatewayContext,
  sessions: LiveSessions,
  target: Target,
  headers: Headers,
  stored: Promise<GatewaySession | null>,
): Promise<SessionLookup> {
  const id = single(headers['mcp-session-id']);
  if (id === undefined || id === '')
    return { status: 400, message: 'Bad Request: the Mcp-Session-Id header is required (initialize first)' };
  const record = await stored;
  if (record === null) {
    await sessions.drop(id);
    return { status: 404, message: 'Session not found' };
  }
  const version = single(headers['mcp-protocol-version']);
  const negotiated = record.protocolVersion;
  if (
    version !== undefined &&
    (!SUPPORTED_PROTOCOL_VERSIONS.includes(version) || (negotiated !== null && version !== negotiated))
  ) {
    return {
      status: 400,
      message: `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)} (this session negotiated ${negotiated ?? 'none'})`,
    };
  }
  const existing = sessions.get(id);
  if (existing !== undefined) {
    sessions.checked(record);
    return { live: existing };
  }
  // The first request of this session on this node (it was initialized on another one).
  const proxy = createSession('http', id);
  if (record.clientInfo !== null) proxy.clientInfo = { ...record.clientInfo };
  if (record.clientCapabilities !== null) proxy.clientCapabilities = record.clientCapabilities;
  if (negotiated !== null) proxy.protocolVersion = negotiated;
  const live = { ...context.liveSession(target, proxy, record.upstreamSessionId, negotiated), id };
  sessions.set(live);
  sessions.checked(record);
  return { live };
}

/**
 * Starts reading the session a request names, so the read overlaps the server lookup; null when
 * the request names none. Checked against the key and the server by the application. A session
 * live on this node whose row was read within SENTINEL_READ_CACHE_MS is not read again: another
 * node ending it is seen that much later.
 */
export function prefetchSession(
  context: GatewayContext,
  sessions: LiveSessions,
  principal: Principal,
  serverId: string,
  headers: Headers,
): Promise<GatewaySession | null> {
  const id = single(headers['mcp-session-id']);
  if (id === undefined || id === '') return Promise.resolve(null);
  const recent = sessions.recent(id, context.app.config.readCacheMs);
  if (recent !== null && recent.apiKeyId === principal.keyId && recent.serverId === serverId)
    return Promise.resolve(recent);
  const read = context.app.gatewaySessions.find(principal, serverId, id);
  // Awaited only if the server lookup succeeds; a failure here must not go unhandled meanwhile.
  read.catch(() => {});
  return read;
}

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
