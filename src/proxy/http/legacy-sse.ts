import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Application } from '../../app/index.js';
import { newId, type Principal } from '../../core/index.js';
import {
  errorResponse,
  isRequest,
  type JsonRpcMessage,
  looksLikeJsonRpc,
  UPSTREAM_ERROR_CODE,
} from '../json-rpc.js';
import { createSession } from '../proxy-session.js';
import { type GatewayContext, type Target, upstreamMessage } from './gateway-context.js';
import { SSE_HEADERS, sendRpcError, TRANSPORT_ERROR_CODE } from './gateway-replies.js';
import type { LiveSession } from './live-session.js';
import { formatSse, parseSse } from './sse-parser.js';
import type { UpstreamResponse } from './upstream-client.js';
import { failRequest, fromServer, parseMessages } from './upstream-relay.js';

interface SseStream {
  readonly target: Target;
  readonly live: LiveSession & { readonly id: string };
  readonly raw: ServerResponse;
  /** The upstream GET stream for server-initiated messages, once the session is initialized. */
  readonly upstreamGet: AbortController;
  /** Messages are handled one at a time so the client sees answers in the order it asked. */
  queue: Promise<void>;
}

const KEEPALIVE_MS = 25_000;

/**
 * The 2024-11-05 HTTP+SSE transport for older clients: `GET /sse` opens the stream and names the
 * POST endpoint; answers to POSTed messages come back on that stream. Sentinel speaks streamable
 * HTTP to the upstream either way. The stream is a live connection held by one node, so a load
 * balancer must send a session's POSTs to the node holding its stream (sticky on `sessionId`).
 */
export class LegacySseGateway {
  private readonly streams = new Map<string, SseStream>();

  private readonly app: Application;

  constructor(private readonly gateway: GatewayContext) {
    this.app = gateway.app;
  }

  async open(principal: Principal, serverId: string, reply: FastifyReply): Promise<void> {
    const target = await this.gateway.target(principal, serverId);
    const id = newId();
    await this.app.gatewaySessions.open(
      principal,
      {
        serverId: target.serverId,
        transport: 'sse',
        upstreamSessionId: null,
        protocolVersion: null,
        clientInfo: null,
        clientCapabilities: null,
      },
      id,
    );
    const live = { ...this.gateway.liveSession(target, createSession('http', id), null, null), id };
    void reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, SSE_HEADERS);
    raw.write(formatSse(`/gateway/${target.serverId}/messages?sessionId=${id}`, { event: 'endpoint' }));
    const stream: SseStream = {
      target,
      live,
      raw,
      upstreamGet: new AbortController(),
      queue: Promise.resolve(),
    };
    this.streams.set(id, stream);
    const keepalive = setInterval(() => {
      raw.write(': keepalive\n\n');
      void this.app.gatewaySessions.keepAlive(id).catch(() => {});
    }, KEEPALIVE_MS);
    keepalive.unref();
    raw.once('close', () => {
      clearInterval(keepalive);
      void this.end(stream);
    });
  }

  async post(principal: Principal, serverId: string, request: FastifyRequest, reply: FastifyReply) {
    const target = await this.gateway.target(principal, serverId);
    const sessionId = (request.query as Record<string, unknown>)['sessionId'];
    const stream = typeof sessionId === 'string' ? this.streams.get(sessionId) : undefined;
    const record =
      typeof sessionId === 'string'
        ? await this.app.gatewaySessions.find(principal, target.serverId, sessionId)
        : null;
    if (stream === undefined || record === null)
      return sendRpcError(
        reply,
        404,
        TRANSPORT_ERROR_CODE,
        'Session not found (or its stream is held by another node)',
      );
    const message = request.body;
    if (!looksLikeJsonRpc(message))
      return sendRpcError(reply, 400, -32700, 'Parse error: the body is not a JSON-RPC 2.0 message');
    stream.queue = stream.queue
      .then(() => this.handle(stream, message))
      .catch(() => {
        // The answer goes on the stream, so a failure must too, or the client waits forever.
        if (isRequest(message))
          this.send(
            stream,
            errorResponse(message.id, UPSTREAM_ERROR_CODE, 'the MCP gateway failed to relay this request'),
          );
      });
    return reply.code(202).send('Accepted');
  }

  async close(): Promise<void> {
    for (const stream of [...this.streams.values()]) stream.raw.end();
  }

  private async handle(stream: SseStream, message: JsonRpcMessage): Promise<void> {
    const { live, target } = stream;
    live.lastUsed = Date.now();
    const verdict = await live.interceptor.onClientMessage(message, live.proxy);
    if (verdict.reply !== null) this.send(stream, verdict.reply);
    if (verdict.forward === null) return;
    const initialize = isRequest(message) && message.method === 'initialize';
    let response: UpstreamResponse;
    try {
      response = await this.gateway.upstream.post(target, JSON.stringify(verdict.forward), {
        sessionId: live.upstreamSessionId,
        protocolVersion: live.protocolVersion,
      });
    } catch (error) {
      const answer = await failRequest(live, message, upstreamMessage(error));
      if (answer !== null) this.send(stream, answer);
      return;
    }
    if (initialize) live.upstreamSessionId = response.header('mcp-session-id');
    if (!response.ok) {
      response.discard();
      const answer = await failRequest(
        live,
        message,
        `the upstream MCP server "${target.serverName}" answered HTTP ${response.status}`,
      );
      if (answer !== null) this.send(stream, answer);
      return;
    }
    for await (const item of this.messagesOf(response)) {
      const forward = await fromServer(live, item, this.gateway.answerUpstream(target, live));
      if (forward === null) continue;
      if (initialize && 'result' in forward) {
        const version = (forward.result as { protocolVersion?: unknown }).protocolVersion;
        if (typeof version === 'string') live.protocolVersion = version;
      }
      this.send(stream, forward);
    }
    if (initialize) void this.listen(stream);
  }

  private async *messagesOf(response: UpstreamResponse): AsyncGenerator<JsonRpcMessage> {
    if (response.status === 202) {
      response.discard();
      return;
    }
    if (!(response.header('content-type') ?? '').includes('text/event-stream')) {
      yield* parseMessages(await response.text());
      return;
    }
    for await (const event of parseSse(response.body)) {
      if (event.event === 'message') yield* parseMessages(event.data);
    }
  }

  /** Relays the upstream's own GET stream (server requests, list-changed notifications). */
  private async listen(stream: SseStream): Promise<void> {
    const { live, target } = stream;
    try {
      const response = await this.gateway.upstream.get(target, {
        sessionId: live.upstreamSessionId,
        protocolVersion: live.protocolVersion,
        signal: stream.upstreamGet.signal,
      });
      if (!response.ok) {
        response.discard();
        return;
      }
      for await (const event of parseSse(response.body)) {
        if (event.event !== 'message') continue;
        for (const item of parseMessages(event.data)) {
          const forward = await fromServer(live, item, this.gateway.answerUpstream(target, live));
          if (forward !== null) this.send(stream, forward);
        }
      }
    } catch {
      // The client left (aborted) or the upstream ended its stream: nothing to relay any more.
    }
  }

  private send(stream: SseStream, message: JsonRpcMessage): void {
    if (!stream.raw.destroyed) stream.raw.write(formatSse(JSON.stringify(message)));
  }

  /** The stream closing ends the session, here and upstream. */
  private async end(stream: SseStream): Promise<void> {
    this.streams.delete(stream.live.id);
    stream.upstreamGet.abort();
    await stream.queue;
    if (stream.live.upstreamSessionId !== null) {
      await this.gateway.upstream
        .delete(stream.target, {
          sessionId: stream.live.upstreamSessionId,
          protocolVersion: stream.live.protocolVersion,
        })
        .then((response) => response.discard())
        .catch(() => {});
    }
    await this.app.gatewaySessions.close(stream.live.id).catch(() => {});
    await stream.live.interceptor.close();
  }
}
