import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithId = { Params: { id: string } };

/** `/api/servers`: the registry of MCP servers (read: viewer; change: admin). */
export async function serverRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/servers', async (request) => ({
    items: await app.servers.list(await principalOf(app, request)),
  }));
  server.post('/api/servers', async (request, reply) => {
    const created = await app.servers.create(await principalOf(app, request), request.body);
    return reply.status(201).header('location', `/api/servers/${created.server.id}`).send(created);
  });
  server.get<WithId>('/api/servers/:id', async (request) =>
    app.servers.get(await principalOf(app, request), request.params.id),
  );
  server.patch<WithId>('/api/servers/:id', async (request) =>
    app.servers.update(await principalOf(app, request), request.params.id, request.body),
  );
  server.delete<WithId>('/api/servers/:id', async (request, reply) => {
    await app.servers.delete(await principalOf(app, request), request.params.id);
    return reply.status(204).send();
  });
  server.post<WithId>('/api/servers/:id/credentials/rotate', async (request) =>
    app.servers.rotateCredentials(await principalOf(app, request), request.params.id, request.body),
  );
}
