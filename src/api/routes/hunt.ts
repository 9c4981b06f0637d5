import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Application, KqlError } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/**
 * `/api/hunt`: run a KQL query, validate one, read the hunting schema (viewer). A wrong query is
 * a 400 whose `diagnostics` give line, column, length and message for each problem.
 */
export async function huntRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.post('/api/hunt', async (request, reply) => {
    const principal = await principalOf(app, request);
    try {
      return await app.hunt.run(principal, request.body);
    } catch (error) {
      return kqlErrorReply(error, request, reply);
    }
  });
  server.post('/api/hunt/validate', async (request) => {
    await principalOf(app, request);
    const body = (request.body ?? {}) as { query?: unknown };
    const diagnostics = await app.hunt.validate(typeof body.query === 'string' ? body.query : '');
    return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
  });
  server.get('/api/hunt/schema', async (request) => {
    await principalOf(app, request);
    return { tables: app.hunt.schema() };
  });
}

function kqlErrorReply(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (!(error instanceof KqlError)) throw error;
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      diagnostics: error.diagnostics.map(({ code, severity, message, line, column, offset, length }) => ({
        code,
        severity,
        message,
        line,
        column,
        offset,
        length,
      })),
    },
    requestId: request.id,
  });
}
