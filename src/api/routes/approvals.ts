import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** `/api/approvals`: calls held by `approve` rules, waiting for an admin's decision. */
export async function approvalRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/approvals', async (request) => ({
    items: await app.approvals.list(await principalOf(app, request), request.query),
  }));
  server.get<{ Params: { id: string } }>('/api/approvals/:id', async (request) =>
    app.approvals.get(await principalOf(app, request), request.params.id),
  );
  server.post<{ Params: { id: string } }>('/api/approvals/:id/decision', async (request) =>
    app.approvals.decide(await principalOf(app, request), request.params.id, request.body),
  );
}
