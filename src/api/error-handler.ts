import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MalformedJsonError, RateLimitError, SentinelError } from '../core/index.js';

interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: readonly { path?: string; message: string }[];
    readonly position?: { offset: number; line: number; column: number };
  };
  readonly requestId: string;
}

/** Fastify's own client errors (body parsing, limits) mapped to our stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_error',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_error',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

/**
 * The one place errors become responses: our typed errors show their message, Fastify's client
 * errors show theirs, anything else is logged in full and answered with a generic 500 and the
 * request id (no stack, path or host ever reaches the client).
 */
export function installErrorHandler(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof SentinelError) {
      if (error instanceof RateLimitError) void reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(error.status).send(bodyFor(request, error));
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        FASTIFY_CODES[fastifyError.code ?? ''] ??
        (error instanceof SyntaxError ? 'malformed_json' : 'bad_request');
      const body: ErrorBody = {
        error: { code, message: clientMessage(fastifyError) },
        requestId: request.id,
      };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `internal error; quote request id ${request.id} to your administrator`,
      },
      requestId: request.id,
    } satisfies ErrorBody);
  });
  server.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
      requestId: request.id,
    } satisfies ErrorBody),
  );
}

function bodyFor(request: FastifyRequest, error: SentinelError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
      ...(error instanceof MalformedJsonError && error.position ? { position: error.position } : {}),
    },
    requestId: request.id,
  };
}

function clientMessage(error: FastifyError): string {
  // Fastify's JSON parser echoes V8's message; keep it short and without the input text.
  return error.message.replace(/\s*"[\s\S]*" is not valid JSON$/, '').slice(0, 300);
}
