import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** `/api/keys`: Sentinel's own API keys (admin). */
export async function apiKeyRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/keys', async (request) => ({
    items: await app.apiKeys.list(await principalOf(app, request)),
  }));
  server.post('/api/keys', async (request, reply) => {
    const created = await app.apiKeys.create(await principalOf(app, request), request.body);
    return reply.status(201).send(created);
  });
  server.delete<{ Params: { id: string } }>('/api/keys/:id', async (request) =>
    app.apiKeys.revoke(await principalOf(app, request), request.params.id),
  );
}
