import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Application } from '../../app/index.js';
import { principalOf } from '../authenticate.js';

type SubjectQuery = { Querystring: { subject?: string; format?: string; limit?: string; cursor?: string } };

/** Data subject requests: find (viewer; `format=jsonl` exports every match) and purge (admin). */
export async function dataSubjectRoutes(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  server.get<SubjectQuery>('/api/data-subjects/events', async (request, reply) => {
    const principal = await principalOf(app, request);
    const { subject, format, ...page } = request.query;
    if (format === 'jsonl') {
      const events = await app.dataSubject.export(principal, subject ?? '');
      const lines = (async function* () {
        for await (const event of events) yield `${JSON.stringify(event)}\n`;
      })();
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="data-subject-events.jsonl"')
        .send(Readable.from(lines));
    }
    return app.dataSubject.find(subject ?? '', page);
  });
  server.post('/api/events/purge', async (request) => {
    const { confirm, ...criteria } =
      typeof request.body === 'object' && request.body !== null
        ? (request.body as Record<string, unknown>)
        : {};
    return app.dataSubject.purge(await principalOf(app, request), criteria, confirm);
  });
}
