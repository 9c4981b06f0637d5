import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/** `POST /api/rules/try` {rule, event}: runs a draft rule on a pasted event; nothing is stored. */
export async function ruleTryRoute(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.post('/api/rules/try', async (request) =>
    app.ruleTrial.try(await principalOf(app, request), request.body),
  );
}
