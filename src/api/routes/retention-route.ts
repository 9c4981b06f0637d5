import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** `GET /api/settings/retention` (viewer): the retention window, its last run and what is due now. */
export async function retentionRoute(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/settings/retention', async (request) =>
    app.retention.status(await principalOf(app, request)),
  );
}
