import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Application } from '../app/index.js';
import { type Config, ConfigError } from '../config/index.js';
import { ClientIpResolver } from '../ingest/index.js';
import { installErrorHandler } from './error-handler.js';
import { installHttpMetrics } from './http-metrics.js';
import { aboutRoute } from './routes/about-route.js';
import { activityRoutes } from './routes/activity-routes.js';
import { analyticsRuleRoutes } from './routes/analytics-rule-routes.js';
import { apiKeyRoutes } from './routes/api-key-routes.js';
import { approvalRoutes } from './routes/approvals.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { dataSubjectRoutes } from './routes/data-subject-routes.js';
import { detectionRoutes } from './routes/detection-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { eventStreamRoute } from './routes/event-stream.js';
import { gatewayRoutes } from './routes/gateway.js';
import { healthRoutes } from './routes/health-routes.js';
import { huntRoutes } from './routes/hunt.js';
import { mcpRoutes } from './routes/mcp.js';
import { postureRoutes } from './routes/posture-routes.js';
import { retentionRoute } from './routes/retention-route.js';
import { ruleTryRoute } from './routes/rule-try-route.js';
import { savedQueryRoutes } from './routes/saved-query-routes.js';
import { serverRoutes } from './routes/server-routes.js';
import { toolPinRoutes } from './routes/tool-pins.js';
import { triageRoutes } from './routes/triage-routes.js';
import { uploadRoute } from './routes/upload-route.js';
import { webhookRoute } from './routes/webhook-route.js';

export interface ApiOptions {
  readonly version: string;
  /** A pino logger or `false`; the CLI passes one that writes JSON to stderr. */
  readonly logger: boolean | Record<string, unknown>;
  /** The dashboard's production build (default: dist/web of this package). */
  readonly dashboardDir?: string;
}

/** Builds the HTTP surface over the application layer (routes hold no business logic). */
export async function buildApi(app: Application, options: ApiOptions): Promise<FastifyInstance> {
  const server = Fastify({
    ...httpsOptions(app.config.tls),
    logger: options.logger,
    logController: new LogController({ disableRequestLogging: !app.config.logRequests }),
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Idle keep-alive sockets are closed at shutdown so close() is not held up by clients.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // With `https` Fastify types the instance over https.Server; every route here is transport-agnostic.
  }) as unknown as FastifyInstance;
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
  await server.register(gatewayRoutes, { app });
  await server.register(approvalRoutes, { app });
  await server.register(serverRoutes, { app });
  await server.register(toolPinRoutes, { app });
  await server.register(eventRoutes, { app });
  await server.register(huntRoutes, { app });
  await server.register(savedQueryRoutes, { app });
  await server.register(analyticsRuleRoutes, { app });
  await server.register(eventStreamRoute, { app });
  await server.register(ruleTryRoute, { app });
  await server.register(aboutRoute, { app, version: options.version });
  await server.register(detectionRoutes, { app });
  await server.register(triageRoutes, { app });
  await server.register(postureRoutes, { app });
  await server.register(activityRoutes, { app });
  await server.register(dataSubjectRoutes, { app });
  await server.register(retentionRoute, { app });
  await server.register(mcpRoutes, { app, version: options.version });
  await server.register(dashboardRoutes, options.dashboardDir ? { dir: options.dashboardDir } : {});
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

/** HTTPS when SENTINEL_TLS_CERT and SENTINEL_TLS_KEY are set; a missing file stops the start. */
function httpsOptions(tls: Config['tls']): { https?: { cert: Buffer; key: Buffer } } {
  if (tls === null) return {};
  const read = (path: string, setting: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(`${setting}: cannot read ${path}: ${(error as Error).message}`);
    }
  };
  return {
    https: { cert: read(tls.certPath, 'SENTINEL_TLS_CERT'), key: read(tls.keyPath, 'SENTINEL_TLS_KEY') },
  };
}
