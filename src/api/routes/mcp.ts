import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Application } from '../../app/index.js';
import type { Principal } from '../../core/index.js';
import { createSentinelMcpServer, exposureOf } from '../../mcp/index.js';
import { presentedKey } from '../authenticate.js';

interface McpRouteOptions {
  readonly app: Application;
  readonly version: string;
}

interface SseSession {
  readonly transport: SSEServerTransport;
  readonly keyId: string;
}

const ALLOW_HEADERS =
  'authorization, content-type, accept, mcp-protocol-version, mcp-session-id, last-event-id, x-mcp-api-key, x-api-key';

/**
 * A loopback origin cannot come from DNS rebinding (the attacker's page keeps its own origin),
 * and a page served from this machine is trusted like a process on it; the key is still required.
 */
function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/** A JSON-RPC error body without an id (the request was refused before it was read). */
function rpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}

/**
 * Sentinel's own MCP server over HTTP, on the serve port:
 * - `POST /mcp`: streamable HTTP (MCP 2025-06-18 §Transports), stateless: every request carries
 *   its API key and gets a server built for that key's role, so any node behind a load balancer
 *   can answer any request and no session outlives its request.
 * - `GET /mcp/sse` + `POST /mcp/messages?sessionId=`: the older HTTP+SSE transport (2024-11-05)
 *   for old clients. Its sessions live in this process (SSE is a held connection): behind a load
 *   balancer, old clients need sticky sessions.
 * Every route checks the Origin first (MCP 2025-06-18 §Transports, DNS rebinding: a browser page on
 * another origin must not reach a local Sentinel): loopback origins and SENTINEL_ALLOWED_ORIGINS
 * pass and get CORS headers, any other present Origin gets 403; no Origin (not a browser) passes.
 */
export const mcpRoutes: FastifyPluginAsync<McpRouteOptions> = async (server, { app, version }) => {
  exposureOf(app.config.mcp); // an unknown toolset stops `serve` at start, not at the first call
  const allowedOrigins = new Set(app.config.allowedOrigins);
  const sseSessions = new Map<string, SseSession>();

  const authenticate = (request: FastifyRequest): Promise<Principal> =>
    app.apiKeys.authenticate(presentedKey(request, 'x-mcp-api-key') ?? presentedKey(request));

  const build = (request: FastifyRequest, principal: Principal) =>
    createSentinelMcpServer(app, principal, {
      version,
      logError: (error, reference) => request.log.error({ err: error, reference }, 'MCP tool failed'),
    });

  /** Headers for a response we write ourselves (hijacked replies skip Fastify's onSend hooks). */
  const rawHeaders = (request: FastifyRequest, reply: FastifyReply) => {
    reply.raw.setHeader('x-request-id', request.id);
    reply.raw.setHeader('x-content-type-options', 'nosniff');
    reply.raw.setHeader('cache-control', 'no-store');
    const origin = request.headers.origin;
    if (origin !== undefined) {
      reply.raw.setHeader('access-control-allow-origin', origin);
      reply.raw.setHeader('access-control-expose-headers', 'mcp-session-id, mcp-protocol-version');
      reply.raw.setHeader('vary', 'origin');
    }
  };

  server.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin) && !isLoopbackOrigin(origin)) {
      return reply
        .status(403)
        .send(
          rpcError(
            -32000,
            'Origin not allowed: add it to SENTINEL_ALLOWED_ORIGINS to call Sentinel from a browser',
          ),
        );
    }
    if (origin !== undefined) {
      void reply.header('access-control-allow-origin', origin);
      void reply.header('vary', 'origin');
    }
    return undefined;
  });

  const preflight = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  for (const url of ['/mcp', '/mcp/sse', '/mcp/messages']) server.options(url, preflight);

  server.post('/mcp', async (request, reply) => {
    const principal = await authenticate(request);
    const mcp = await build(request, principal);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    rawHeaders(request, reply);
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

  // Stateless: no server-initiated stream and no session to delete (§Transports allows 405 here).
  const noStream = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(405)
      .header('allow', 'POST')
      .send(rpcError(-32000, 'Method not allowed: this endpoint is stateless; send JSON-RPC with POST'));
  server.get('/mcp', noStream);
  server.delete('/mcp', noStream);

  server.get('/mcp/sse', async (request, reply) => {
    const principal = await authenticate(request);
    const mcp = await build(request, principal);
    rawHeaders(request, reply);
    reply.hijack();
    const transport = new SSEServerTransport('/mcp/messages', reply.raw);
    const sessionId = transport.sessionId;
    sseSessions.set(sessionId, { transport, keyId: principal.keyId });
    transport.onclose = () => sseSessions.delete(sessionId);
    reply.raw.on('close', () => {
      sseSessions.delete(sessionId);
      void mcp.close();
    });
    await mcp.connect(transport);
  });

  server.post('/mcp/messages', async (request, reply) => {
    const principal = await authenticate(request);
    const sessionId = (request.query as { sessionId?: unknown }).sessionId;
    const session = typeof sessionId === 'string' ? sseSessions.get(sessionId) : undefined;
    if (session === undefined) {
      return reply
        .status(404)
        .send(rpcError(-32001, 'Unknown or expired SSE session: reconnect to /mcp/sse'));
    }
    // A session id is not a credential: only the key that opened the stream may post to it.
    if (session.keyId !== principal.keyId) {
      return reply.status(403).send(rpcError(-32000, 'This SSE session belongs to another API key'));
    }
    rawHeaders(request, reply);
    reply.hijack();
    await session.transport.handlePostMessage(request.raw, reply.raw, request.body);
    return undefined;
  });

  // Open SSE streams would hold shutdown until its timeout; end them when the server closes.
  server.addHook('preClose', async () => {
    await Promise.all([...sseSessions.values()].map((session) => session.transport.close()));
    sseSessions.clear();
  });
};
