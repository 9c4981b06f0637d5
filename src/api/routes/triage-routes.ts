import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type WithId = { Params: { id: string } };
type Body = Record<string, unknown>;

const bodyOf = (body: unknown): Body => (typeof body === 'object' && body !== null ? (body as Body) : {});

/** Alert triage (responder) and its reads (viewer): transition, assign, comment, history, bulk, trends. */
export async function triageRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.post<WithId>('/api/alerts/:id/transition', async (request) =>
    app.triage.transition(await principalOf(app, request), request.params.id, request.body),
  );
  server.post<WithId>('/api/alerts/:id/assign', async (request) =>
    app.triage.assign(
      await principalOf(app, request),
      request.params.id,
      bodyOf(request.body)['assignee'] as string | null,
    ),
  );
  server.post<WithId>('/api/alerts/:id/comments', async (request, reply) =>
    reply
      .status(201)
      .send(
        await app.triage.comment(
          await principalOf(app, request),
          request.params.id,
          bodyOf(request.body)['text'] as string,
        ),
      ),
  );
  server.get<WithId>('/api/alerts/:id/history', async (request) => {
    await principalOf(app, request);
    return { items: await app.triage.history(request.params.id) };
  });
  server.post('/api/alerts/bulk', async (request) => {
    const { ids, ...change } = bodyOf(request.body);
    return app.triage.bulk(await principalOf(app, request), ids as string[], change);
  });
  server.get('/api/alerts/trends', async (request) => {
    await principalOf(app, request);
    return app.activity.alertTrends(request.query);
  });
}
