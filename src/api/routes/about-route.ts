import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/**
 * `GET /api/about` (any key): what the dashboard's Settings page shows about this node: version,
 * store backend and the switches an operator set. Never a secret, path or host.
 */
export async function aboutRoute(server: FastifyInstance, options: { app: Application; version: string }) {
  const { app, version } = options;
  server.get('/api/about', async (request) => {
    const principal = await principalOf(app, request);
    const { config } = app;
    return {
      version,
      store: app.store.backend,
      caller: { name: principal.name, role: principal.role },
      settings: {
        mcpWriteOps: config.mcp.enableWriteOps,
        mcpMode: config.mcp.mode,
        alertWindowMinutes: config.alertWindowMinutes,
        storeSecrets: config.storeSecrets,
        webhookRateLimit: config.webhookRateLimit,
        signatureToleranceSeconds: config.signatureToleranceSeconds,
        proxyFailMode: config.proxyFailMode,
      },
    };
  });
}
