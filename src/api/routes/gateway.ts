import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Application } from '../../app/index.js';
import type { Principal } from '../../core/index.js';
import { GatewayContext, gatewayInterceptors, HttpGateway, LegacySseGateway } from '../../proxy/index.js';
import { presentedKey, principalOf } from '../authenticate.js';

type ServerParams = { Params: { serverId: string } };

/**
 * `/gateway/{serverId}/mcp` (streamable HTTP) and `/gateway/{serverId}/sse` + `/messages` (the
 * 2024-11-05 HTTP+SSE transport) in front of each server's `endpoint_url`; and the admin route that
 * sets the credential Sentinel presents upstream.
 */
export async function gatewayRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  const log = (message: string) => server.log.warn(message);
  const context = new GatewayContext({ app, interceptors: gatewayInterceptors(app, log), log });
  const gateway = new HttpGateway(context);
  const legacy = new LegacySseGateway(context);
  // Open SSE streams would hold close() forever: end them when shutdown begins.
  server.addHook('preClose', async () => {
    await legacy.close();
    await gateway.close();
    context.close();
  });

  /** Origin first (403), then the client's Sentinel key (401): Bearer, X-MCP-API-Key or X-API-Key. */
  const caller = (request: FastifyRequest): Promise<Principal> => {
    gateway.checkOrigin(request);
    return app.apiKeys.authenticate(presentedKey(request, 'x-mcp-api-key') ?? presentedKey(request));
  };

  server.post<ServerParams>('/gateway/:serverId/mcp', async (request, reply) =>
    gateway.post(await caller(request), request.params.serverId, request, reply),
  );
  server.get<ServerParams>('/gateway/:serverId/mcp', async (request, reply) =>
    gateway.get(await caller(request), request.params.serverId, request, reply),
  );
  server.delete<ServerParams>('/gateway/:serverId/mcp', async (request, reply) =>
    gateway.delete(await caller(request), request.params.serverId, request, reply),
  );
  server.get<ServerParams>('/gateway/:serverId/sse', async (request, reply) => {
    await legacy.open(await caller(request), request.params.serverId, reply);
    return reply;
  });
  server.post<ServerParams>('/gateway/:serverId/messages', async (request, reply) =>
    legacy.post(await caller(request), request.params.serverId, request, reply),
  );

  server.get<{ Params: { id: string } }>('/api/servers/:id/upstream-auth', async (request) =>
    app.upstreamAuth.get(await principalOf(app, request), request.params.id),
  );
  server.put<{ Params: { id: string } }>('/api/servers/:id/upstream-auth', async (request) =>
    app.upstreamAuth.set(await principalOf(app, request), request.params.id, request.body),
  );
}
