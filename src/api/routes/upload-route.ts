import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

/**
 * `POST /api/servers/:id/uploads`: a JSON array or JSONL file (gzip detected by content), of any
 * size. The body stream goes straight into the pipeline, so memory stays constant.
 */
export async function uploadRoute(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  server.post<{ Params: { id: string } }>('/api/servers/:id/uploads', async (request, reply) => {
    const principal = await principalOf(app, request);
    const body = request.body as Readable | undefined;
    const source = body ?? request.raw;
    const report = await app.ingest.upload(principal, request.params.id, source);
    return reply.status(201).send(report);
  });
}
