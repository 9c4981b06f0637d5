import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithId = { Params: { id: string } };

/** `/api/analytics-rules`: scheduled KQL rules (read: viewer; write and run now: admin). */
export async function analyticsRuleRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/analytics-rules', async (request) => ({
    items: await app.analyticsRules.list(await principalOf(app, request)),
  }));
  server.post('/api/analytics-rules', async (request, reply) => {
    const created = await app.analyticsRules.create(await principalOf(app, request), request.body);
    return reply.status(201).header('location', `/api/analytics-rules/${created.id}`).send(created);
  });
  server.get<WithId>('/api/analytics-rules/:id', async (request) =>
    app.analyticsRules.get(await principalOf(app, request), request.params.id),
  );
  server.put<WithId>('/api/analytics-rules/:id', async (request) =>
    app.analyticsRules.update(await principalOf(app, request), request.params.id, request.body),
  );
  server.delete<WithId>('/api/analytics-rules/:id', async (request, reply) => {
    await app.analyticsRules.delete(await principalOf(app, request), request.params.id);
    return reply.status(204).send();
  });
  server.post<WithId>('/api/analytics-rules/:id/run', async (request) =>
    app.analyticsRules.runNow(await principalOf(app, request), request.params.id),
  );
}
