import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** `/api/events`: stored events, newest first, with filters and cursor paging (viewer). */
export async function eventRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/events', async (request) =>
    app.events.list(await principalOf(app, request), request.query),
  );
  server.get<{ Params: { id: string } }>('/api/events/:id', async (request) =>
    app.events.get(await principalOf(app, request), request.params.id),
  );
  server.get('/api/audit', async (request) => app.audit.list(await principalOf(app, request), request.query));
}
