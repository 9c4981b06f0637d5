import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithId = { Params: { id: string } };

/** Rules (read: viewer; change: admin), alerts and findings (viewer), rescan (admin). */
export async function detectionRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/rules', async (request) => ({
    items: await app.rules.list(await principalOf(app, request)),
  }));
  server.post('/api/rules', async (request, reply) =>
    reply.status(201).send(await app.rules.createCustom(await principalOf(app, request), request.body)),
  );
  server.get<WithId>('/api/rules/:id', async (request) =>
    app.rules.get(await principalOf(app, request), request.params.id),
  );
  server.patch<WithId>('/api/rules/:id', async (request) =>
    app.rules.configure(await principalOf(app, request), request.params.id, request.body),
  );
  server.put<WithId>('/api/rules/:id', async (request) =>
    app.rules.updateCustom(await principalOf(app, request), request.params.id, request.body),
  );
  server.delete<WithId>('/api/rules/:id', async (request, reply) => {
    await app.rules.deleteCustom(await principalOf(app, request), request.params.id);
    return reply.status(204).send();
  });
  server.delete<WithId>('/api/rules/:id/override', async (request) =>
    app.rules.reset(await principalOf(app, request), request.params.id),
  );
  server.get('/api/alerts', async (request) =>
    app.alerts.listAlerts(await principalOf(app, request), request.query),
  );
  server.get<WithId>('/api/alerts/:id', async (request) =>
    app.alerts.getAlert(await principalOf(app, request), request.params.id),
  );
  server.get('/api/findings', async (request) =>
    app.alerts.listFindings(await principalOf(app, request), request.query),
  );
  server.post('/api/rescan', async (request) =>
    app.rescan.rescan(await principalOf(app, request), request.body),
  );
}
