import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithTool = { Params: { id: string; name: string } };

/** `/api/servers/:id/tools`: tool definitions the proxy pinned (read: viewer; approve a change: admin). */
export async function toolPinRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get<{ Params: { id: string } }>('/api/servers/:id/tools', async (request) => ({
    items: await app.toolPins.list(await principalOf(app, request), request.params.id),
  }));
  server.post<WithTool>('/api/servers/:id/tools/:name/approve', async (request) =>
    app.toolPins.approve(await principalOf(app, request), request.params.id, request.params.name),
  );
}
