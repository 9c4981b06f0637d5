import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Application } from '../../app/index.js';
import { ValidationError } from '../../core/index.js';
import type { ClientIpResolver } from '../../ingest/index.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../ingest/index.js';
import { presentedKey } from '../authenticate.js';

interface WebhookOptions {
  readonly app: Application;
  readonly clientIp: ClientIpResolver;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `POST /api/mcp/webhook/:serverId`. The body is taken raw (any content type) because the HMAC
 * signature covers the exact bytes sent; it is parsed only after authentication.
 */
export async function webhookRoute(server: FastifyInstance, options: WebhookOptions) {
  const { app, clientIp } = options;
  server.removeAllContentTypeParsers();
  server.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: app.config.maxBodyBytes },
    (_req, body, done) => done(null, body),
  );
  server.post<{ Params: { serverId: string } }>('/api/mcp/webhook/:serverId', async (request, reply) => {
    const body = request.body;
    if (!Buffer.isBuffer(body))
      throw new ValidationError('body is empty: send an event, an array of events or NDJSON');
    const outcome = await app.ingest.receiveWebhook({
      serverId: request.params.serverId,
      body,
      contentType: header(request, 'content-type'),
      contentEncoding: header(request, 'content-encoding'),
      credentials: {
        apiKey: presentedKey(request),
        timestamp: header(request, TIMESTAMP_HEADER),
        signature: header(request, SIGNATURE_HEADER),
        clientIp: clientIp.resolve(request.socket.remoteAddress ?? '', request.headers),
      },
    });
    if (outcome.accepted === 0 && outcome.duplicates === 0) {
      throw new ValidationError(
        outcome.rejected.length === 1
          ? `invalid event: ${outcome.rejected[0]?.reason}`
          : 'no valid event in the batch',
        outcome.rejected.map((item) => ({ path: `[${item.index}]`, message: item.reason })),
      );
    }
    return reply.status(202).send(outcome);
  });
}
