import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Application, GatewaySession } from '../../app/index.js';
import { newId, type Principal } from '../../core/index.js';
import { isRequest, type JsonRpcMessage, looksLikeJsonRpc } from '../json-rpc.js';
import { createSession } from '../proxy-session.js';
import { type GatewayContext, type Target, upstreamMessage } from './gateway-context.js';
import { elicitationAnswerTo, elicitationDecision, withHeldExchange } from './gateway-elicitation.js';
import { sendMessages, sendRpcError, TRANSPORT_ERROR_CODE } from './gateway-replies.js';
import {
  HEADER_MISMATCH_CODE,
  headerMismatch,
  requestedProtocolVersion,
  STATELESS_PROTOCOL_VERSION,
} from './header-mirror.js';
import { type LiveSession, LiveSessions } from './live-session.js';
import { originAllowed } from './origin-check.js';
import { lookupSession, prefetchSession, single } from './session-lookup.js';
import type { UpstreamClient, UpstreamResponse } from './upstream-client.js';
import { failRequest, fromServer, readAll, relayJson, relaySse } from './upstream-relay.js';

const SWEEP_MS = 60_000;

/**
 * The streamable HTTP gateway (MCP 2025-06-18 / 2025-11-25 §Transports) in front of a server's
 * `endpoint_url`: the client's session is Sentinel's (kept in the store), mapped to the upstream's.
 */
export class HttpGateway {
  readonly live = new LiveSessions();
  private readonly app: Application;
  private readonly upstream: UpstreamClient;
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly context: GatewayContext) {
    this.app = context.app;
    this.upstream = context.upstream;
    this.sweep = setInterval(() => void this.evict(), SWEEP_MS);
    this.sweep.unref();
  }

  /** 403 for a browser Origin not on SENTINEL_ALLOWED_ORIGINS (DNS-rebinding defence). */
  checkOrigin(request: FastifyRequest): void {
    this.context.checkOrigin(request, (origin) => originAllowed(origin, this.app.config.allowedOrigins));
  }

  async post(principal: Principal, serverId: string, request: FastifyRequest, reply: FastifyReply) {
    const message = request.body;
    if (Array.isArray(message))
      return sendRpcError(
        reply,
        400,
        -32600,
        'Bad Request: JSON-RPC batches are not supported (removed in MCP 2025-06-18)',
      );
    if (!looksLikeJsonRpc(message))
      return sendRpcError(reply, 400, -32700, 'Parse error: the body is not a JSON-RPC 2.0 message');
    const version = requestedProtocolVersion(request.headers, message);
    if (version === STATELESS_PROTOCOL_VERSION)
      return this.stateless(await this.context.target(principal, serverId), message, request, reply);
    if (isRequest(message) && message.method === 'initialize')
      return this.initialize(principal, await this.context.target(principal, serverId), message, reply);
    const stored = prefetchSession(this.context, this.live, principal, serverId, request.headers);
    const target = await this.context.target(principal, serverId);
    const live = await this.session(target, request, reply, stored);
    if (live === null) return reply;
    const approvalId = elicitationAnswerTo(message);
    if (approvalId !== null) return this.elicitationAnswer(principal, live, approvalId, message, reply);
    return this.exchange(target, live, message, reply);
  }

  /**
   * The client's answer to Sentinel's own elicitation (it may land on any node): it decides the
   * pending approval in the store, which releases or blocks the call held wherever it is. Ours
   * alone: 202, never forwarded upstream, even when late or unknown.
   */
  private async elicitationAnswer(
    principal: Principal,
    live: LiveSession,
    approvalId: string,
    message: JsonRpcMessage,
    reply: FastifyReply,
  ) {
    live.lastUsed = Date.now();
    if (live.id !== null && live.proxy.clientCapabilities?.['elicitation'] !== undefined)
      await this.app.approvals.answerElicitation(
        principal,
        live.id,
        approvalId,
        elicitationDecision(message),
      );
    return sendMessages(reply, [], live.id);
  }

  /** The server-to-client stream (GET); 405 when the upstream offers none. */
  async get(principal: Principal, serverId: string, request: FastifyRequest, reply: FastifyReply) {
    const stored = prefetchSession(this.context, this.live, principal, serverId, request.headers);
    const target = await this.context.target(principal, serverId);
    const live = await this.session(target, request, reply, stored);
    if (live === null) return reply;
    const abort = abortOnClose(reply);
    const lastEventId = single(request.headers['last-event-id']);
    let response: UpstreamResponse;
    try {
      response = await this.upstream.get(target, {
        ...this.upstreamSession(live),
        signal: abort.signal,
        ...(lastEventId === undefined ? {} : { passHeaders: { 'last-event-id': lastEventId } }),
      });
    } catch (error) {
      return sendRpcError(reply, 502, TRANSPORT_ERROR_CODE, upstreamMessage(error));
    }
    if (response.status === 405) {
      response.discard();
      return reply.code(405).header('allow', 'POST, DELETE').send();
    }
    if (response.status === 404 && live.upstreamSessionId !== null)
      return this.upstreamForgot(live, response, reply);
    if (!response.ok || !(response.header('content-type') ?? '').includes('text/event-stream')) {
      response.discard();
      return sendRpcError(
        reply,
        502,
        TRANSPORT_ERROR_CODE,
        `the upstream MCP server "${target.serverName}" answered HTTP ${response.status} to GET`,
      );
    }
    await relaySse(response, live, reply, this.context.answerUpstream(target, live), {
      sessionId: live.id,
      request: null,
      idleMs: 0,
      upstreamName: target.serverName,
      abort,
    });
    return reply;
  }

  /** Ends the session here and upstream (MCP §Session Management: DELETE with the session id). */
  async delete(principal: Principal, serverId: string, request: FastifyRequest, reply: FastifyReply) {
    const stored = prefetchSession(this.context, this.live, principal, serverId, request.headers);
    const target = await this.context.target(principal, serverId);
    const live = await this.session(target, request, reply, stored);
    if (live === null || live.id === null) return reply;
    try {
      const response = await this.upstream.delete(target, this.upstreamSession(live));
      response.discard();
    } catch {
      // The upstream being gone does not keep the client's session alive.
    }
    await this.app.gatewaySessions.close(live.id);
    await this.live.drop(live.id);
    return reply.code(200).send();
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    await this.live.closeAll();
  }

  /** initialize opens the session: Sentinel's id to the client, the upstream's kept in the store. */
  private async initialize(
    principal: Principal,
    target: Target,
    message: JsonRpcMessage,
    reply: FastifyReply,
  ) {
    const id = newId();
    const live = this.context.liveSession(target, createSession('http', id), null, null);
    const verdict = await live.interceptor.onClientMessage(message, live.proxy);
    if (verdict.forward === null) {
      await live.interceptor.close();
      return sendMessages(reply, verdict.reply === null ? [] : [verdict.reply], null);
    }
    let response: UpstreamResponse;
    try {
      response = await this.upstream.post(target, JSON.stringify(verdict.forward), {
        sessionId: null,
        protocolVersion: null,
      });
    } catch (error) {
      const answer = await failRequest(live, message, upstreamMessage(error));
      await live.interceptor.close();
      return sendMessages(reply, answer === null ? [] : [answer], null);
    }
    if (!response.ok) {
      const answer = await this.upstreamStatus(target, live, message, response);
      await live.interceptor.close();
      return sendMessages(reply, answer === null ? [] : [answer], null);
    }
    const upstreamSessionId = response.header('mcp-session-id');
    const out: JsonRpcMessage[] = [];
    for (const item of await readAll(response, message)) {
      const forward = await fromServer(live, item, this.context.answerUpstream(target, live));
      if (forward !== null) out.push(forward);
    }
    const negotiated = out.map(protocolVersionOf).find((version) => version !== null) ?? null;
    if (!out.some((item) => 'result' in item)) {
      // The upstream (or a rule) refused initialize: no session to keep.
      await live.interceptor.close();
      return sendMessages(reply, out, null);
    }
    live.upstreamSessionId = upstreamSessionId;
    live.protocolVersion = negotiated;
    live.proxy.protocolVersion = negotiated ?? undefined;
    const row = await this.app.gatewaySessions.open(
      principal,
      {
        serverId: target.serverId,
        transport: 'streamable-http',
        upstreamSessionId,
        protocolVersion: negotiated,
        clientInfo: live.proxy.clientInfo ?? null,
        clientCapabilities: live.proxy.clientCapabilities ?? null,
      },
      id,
    );
    this.live.set({ ...live, id });
    this.live.checked(row);
    return sendMessages(reply, out, id);
  }

  /** 2026-07-28: no session; the routing headers must mirror the body (-32020 otherwise). */
  private async stateless(
    target: Target,
    message: JsonRpcMessage,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const mismatch = headerMismatch(request.headers, message);
    if (mismatch !== null)
      return sendRpcError(
        reply,
        400,
        HEADER_MISMATCH_CODE,
        `Header mismatch: ${mismatch}`,
        isRequest(message) ? message.id : null,
      );
    const live = this.context.liveSession(
      target,
      createSession('http', null),
      null,
      STATELESS_PROTOCOL_VERSION,
    );
    live.proxy.protocolVersion = STATELESS_PROTOCOL_VERSION;
    const passHeaders: Record<string, string> = {};
    for (const name of ['mcp-method', 'mcp-name']) {
      const value = single(request.headers[name]);
      if (value !== undefined) passHeaders[name] = value;
    }
    try {
      return await this.exchange(target, live, message, reply, passHeaders);
    } finally {
      await live.interceptor.close();
    }
  }

  /** One client message through the interceptor to the upstream, and the answer back. */
  private async exchange(
    target: Target,
    live: LiveSession,
    message: JsonRpcMessage,
    reply: FastifyReply,
    passHeaders?: Record<string, string>,
  ) {
    live.lastUsed = Date.now();
    // An `approve` verdict may ask the client on this reply while the call is held.
    const verdict = await withHeldExchange({ reply, live }, () =>
      live.interceptor.onClientMessage(message, live.proxy),
    );
    if (verdict.forward === null)
      return sendMessages(reply, verdict.reply === null ? [] : [verdict.reply], live.id);
    const abort = abortOnClose(reply);
    let response: UpstreamResponse;
    try {
      response = await this.upstream.post(target, JSON.stringify(verdict.forward), {
        ...this.upstreamSession(live),
        signal: abort.signal,
        ...(passHeaders ? { passHeaders } : {}),
      });
    } catch (error) {
      const answer = await failRequest(live, message, upstreamMessage(error));
      if (answer === null) return sendRpcError(reply, 502, TRANSPORT_ERROR_CODE, upstreamMessage(error));
      return sendMessages(reply, [answer], live.id);
    }
    if (response.status === 202) {
      response.discard();
      return sendMessages(reply, [], live.id);
    }
    if (response.status === 404 && live.upstreamSessionId !== null)
      return this.upstreamForgot(live, response, reply);
    if (!response.ok) {
      const answer = await this.upstreamStatus(target, live, message, response);
      if (answer === null)
        return sendRpcError(
          reply,
          502,
          TRANSPORT_ERROR_CODE,
          `the upstream MCP server "${target.serverName}" answered HTTP ${response.status}`,
        );
      return sendMessages(reply, [answer], live.id);
    }
    const answerUpstream = this.context.answerUpstream(target, live);
    if ((response.header('content-type') ?? '').includes('text/event-stream')) {
      await relaySse(response, live, reply, answerUpstream, {
        sessionId: live.id,
        request: isRequest(message) ? message : null,
        idleMs: this.upstream.timeoutSeconds * 1000,
        upstreamName: target.serverName,
        abort,
      });
      return reply;
    }
    try {
      return await relayJson(response, live, reply, answerUpstream);
    } catch {
      const answer = await failRequest(
        live,
        message,
        `the upstream MCP server "${target.serverName}" sent an unreadable answer`,
      );
      return sendMessages(reply, answer === null ? [] : [answer], live.id);
    }
  }

  /** The upstream forgot the session (restart, expiry): so does Sentinel; the client re-initializes. */
  private async upstreamForgot(live: LiveSession, response: UpstreamResponse, reply: FastifyReply) {
    response.discard();
    if (live.id !== null) {
      await this.app.gatewaySessions.close(live.id);
      await this.live.drop(live.id);
    }
    return sendRpcError(
      reply,
      404,
      TRANSPORT_ERROR_CODE,
      'Session not found: the upstream ended it; initialize again',
    );
  }

  /** The session a request names: 400 without one, 404 for an unknown, expired or other key's one. */
  private async session(
    target: Target,
    request: FastifyRequest,
    reply: FastifyReply,
    stored: Promise<GatewaySession | null>,
  ): Promise<LiveSession | null> {
    const found = await lookupSession(this.context, this.live, target, request.headers, stored);
    if ('live' in found) return found.live;
    sendRpcError(reply, found.status, TRANSPORT_ERROR_CODE, found.message);
    return null;
  }

  private upstreamSession(live: LiveSession) {
    return { sessionId: live.upstreamSessionId, protocolVersion: live.protocolVersion };
  }

  /** A JSON-RPC error the upstream sent with a failure status is relayed; otherwise one is made up. */
  private async upstreamStatus(
    target: Target,
    live: LiveSession,
    message: JsonRpcMessage,
    response: UpstreamResponse,
  ): Promise<JsonRpcMessage | null> {
    const text = await response.text().catch(() => '');
    try {
      const upstreamError: unknown = JSON.parse(text);
      if (looksLikeJsonRpc(upstreamError) && 'error' in upstreamError && isRequest(message)) {
        return fromServer(
          live,
          { ...upstreamError, id: message.id },
          this.context.answerUpstream(target, live),
        );
      }
    } catch {
      // Not JSON: fall through to our own message.
    }
    return failRequest(
      live,
      message,
      `the upstream MCP server "${target.serverName}" answered HTTP ${response.status}`,
    );
  }

  private async evict(): Promise<void> {
    const idleMs = this.app.config.gatewaySessionIdleMinutes * 60_000;
    await this.live.evictIdle(Date.now() - idleMs);
    await this.app.gatewaySessions.deleteExpired().catch(() => 0);
  }
}

function protocolVersionOf(message: JsonRpcMessage): string | null {
  if (!('result' in message)) return null;
  const version = (message.result as { protocolVersion?: unknown }).protocolVersion;
  return typeof version === 'string' ? version : null;
}

/** Aborts the upstream exchange when the client disconnects before its answer is complete. */
function abortOnClose(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller;
}
