import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithId = { Params: { id: string } };

/** `/api/saved-queries`: saved KQL hunts (read: viewer; write: responder). */
export async function savedQueryRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/saved-queries', async (request) => ({
    items: await app.savedQueries.list(await principalOf(app, request)),
  }));
  server.post('/api/saved-queries', async (request, reply) => {
    const created = await app.savedQueries.create(await principalOf(app, request), request.body);
    return reply.status(201).header('location', `/api/saved-queries/${created.id}`).send(created);
  });
  server.get<WithId>('/api/saved-queries/:id', async (request) =>
    app.savedQueries.get(await principalOf(app, request), request.params.id),
  );
  server.put<WithId>('/api/saved-queries/:id', async (request) =>
    app.savedQueries.update(await principalOf(app, request), request.params.id, request.body),
  );
  server.delete<WithId>('/api/saved-queries/:id', async (request, reply) => {
    await app.savedQueries.delete(await principalOf(app, request), request.params.id);
    return reply.status(204).send();
  });
}
