import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** The security posture summary and the compliance report (viewer). */
export async function postureRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get('/api/posture', async (request) => {
    await principalOf(app, request);
    return app.posture.summary(request.query);
  });
  server.get('/api/compliance', async (request) => {
    await principalOf(app, request);
    return app.compliance.report(request.query);
  });
}
