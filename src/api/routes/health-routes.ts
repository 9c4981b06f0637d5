import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { openApiDocument } from '../openapi.js';

/** `/health` (no auth, for load balancers), `/metrics` (Prometheus text format) and the OpenAPI document. */
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
  const document = openApiDocument(version);
  server.get('/api/openapi.json', async () => document);
  server.get('/metrics', async (_request, reply) => {
    const text = await app.metrics.registry.metrics();
    return reply.type(app.metrics.registry.contentType).send(text);
  });
}
