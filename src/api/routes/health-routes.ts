import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';

/** `/health` (no auth, for load balancers) and `/metrics` (Prometheus text format). */
export async function healthRoutes(server: FastifyInstance, options: { app: Application; version: string }) {
  const { app, version } = options;
  server.get('/health', async (_request, reply) => {
    try {
      await app.store.ping();
      return { status: 'ok', version, store: app.store.backend };
    } catch {
      return reply.status(503).send({ status: 'unavailable', version, store: app.store.backend });
    }
  });
  server.get('/metrics', async (_request, reply) => {
    const text = await app.metrics.registry.metrics();
    return reply.type(app.metrics.registry.contentType).send(text);
  });
}
