import type { FastifyRequest } from 'fastify';
import type { Application } from '../app/index.js';
import type { Principal } from '../core/index.js';

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(request: FastifyRequest, alternateHeader = 'x-api-key'): string | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const alternate = request.headers[alternateHeader];
  return typeof alternate === 'string' && alternate.trim() !== '' ? alternate.trim() : undefined;
}

/** Resolves the calling principal, or throws 401; role checks happen in the application layer. */
export function principalOf(app: Application, request: FastifyRequest): Promise<Principal> {
  return app.apiKeys.authenticate(presentedKey(request));
}
