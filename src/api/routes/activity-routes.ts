import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** Activity views (viewer): per user and server, the access graph, tool inventory, event statistics. */
export async function activityRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get<{ Params: { user: string } }>('/api/activity/users/:user', async (request) => {
    await principalOf(app, request);
    return app.activity.user(request.params.user, request.query);
  });
  server.get<{ Params: { id: string } }>('/api/activity/servers/:id', async (request) => {
    await principalOf(app, request);
    return app.activity.server(request.params.id, request.query);
  });
  server.get('/api/activity/graph', async (request) => {
    await principalOf(app, request);
    return app.activity.accessGraph(request.query);
  });
  server.get<{ Querystring: { server?: string } }>('/api/tools', async (request) => {
    await principalOf(app, request);
    return { items: await app.activity.toolInventory(request.query.server) };
  });
  server.get('/api/events/statistics', async (request) => {
    await principalOf(app, request);
    return app.activity.eventStatistics(request.query);
  });
}
