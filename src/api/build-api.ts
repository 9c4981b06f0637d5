import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Application } from '../app/index.js';
import { ClientIpResolver } from '../ingest/index.js';
import { installErrorHandler } from './error-handler.js';
import { installHttpMetrics } from './http-metrics.js';
import { apiKeyRoutes } from './routes/api-key-routes.js';
import { detectionRoutes } from './routes/detection-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { serverRoutes } from './routes/server-routes.js';
import { uploadRoute } from './routes/upload-route.js';
import { webhookRoute } from './routes/webhook-route.js';

export interface ApiOptions {
  readonly version: string;
  /** A pino logger or `false`; the CLI passes one that writes JSON to stderr. */
  readonly logger: boolean | Record<string, unknown>;
}

/** Builds the HTTP surface over the application layer (routes hold no business logic). */
export async function buildApi(app: Application, options: ApiOptions): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger,
    logController: new LogController({ disableRequestLogging: !app.config.logRequests }),
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Idle keep-alive sockets are closed at shutdown so close() is not held up by clients.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  installErrorHandler(server);
  const closing = drainConnectionsOnClose(server);
  installHttpMetrics(server, app.metrics.registry);
  server.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    if (closing.value) void reply.header('connection', 'close');
  });
  const clientIp = new ClientIpResolver({
    trustedProxies: app.config.trustProxy,
    header: app.config.clientIpHeader,
  });
  await server.register(healthRoutes, { app, version: options.version });
  await server.register(webhookRoute, { app, clientIp });
  await server.register(uploadRoute, { app });
  await server.register(apiKeyRoutes, { app });
  await server.register(serverRoutes, { app });
  await server.register(eventRoutes, { app });
  await server.register(detectionRoutes, { app });
  return server;
}

/**
 * Node's close() drops only the keep-alive sockets idle at that instant; a socket busy then stays
 * open after its response. While closing we answer with `Connection: close` and keep sweeping
 * idle sockets, so shutdown ends when the last in-flight request does.
 */
function drainConnectionsOnClose(server: FastifyInstance): { value: boolean } {
  const closing = { value: false };
  server.addHook('preClose', async () => {
    closing.value = true;
    const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
    sweep.unref();
    server.server.once('close', () => clearInterval(sweep));
  });
  return closing;
}
