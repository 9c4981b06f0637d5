/** Stable error codes shared by every surface (REST, MCP, CLI). */
export type ErrorCode =
  | 'validation_error'
  | 'malformed_json'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'kql_invalid'
  | 'kql_unsupported'
  | 'hunt_timeout'
  | 'internal';

export interface ErrorDetail {
  readonly path?: string;
  readonly message: string;
}

/** An error whose message is safe to show to the caller; anything else is shown generically. */
export class SentinelError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, status: number, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export class ValidationError extends SentinelError {
  constructor(message: string, details: readonly ErrorDetail[] = [], code: ErrorCode = 'validation_error') {
    super(code, 400, message, details);
  }
}

/** A hunting query ran past its time limit; 422 because the query, not the request, is too costly. */
export class HuntTimeoutError extends SentinelError {
  constructor(timeoutMs: number) {
    super(
      'hunt_timeout',
      422,
      `the query ran longer than ${timeoutMs / 1000}s and was stopped; narrow the time range or filter earlier`,
    );
  }
}

export class MalformedJsonError extends SentinelError {
  readonly position: { readonly offset: number; readonly line: number; readonly column: number } | null;

  constructor(message: string, position: { offset: number; line: number; column: number } | null) {
    super('malformed_json', 400, message);
    this.position = position;
  }
}

export class NotFoundError extends SentinelError {
  constructor(what: string) {
    super('not_found', 404, `${what} not found`);
  }
}

export class AuthError extends SentinelError {
  constructor(message = 'missing or invalid credentials') {
    super('unauthorized', 401, message);
  }
}

export class ForbiddenError extends SentinelError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

export class ConflictError extends SentinelError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

export class RateLimitError extends SentinelError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('rate_limited', 429, `rate limit exceeded, retry after ${retryAfterSeconds}s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class PayloadTooLargeError extends SentinelError {
  constructor(limitBytes: number) {
    super('payload_too_large', 413, `body exceeds the limit of ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends SentinelError {
  constructor(message: string) {
    super('unsupported_media_type', 415, message);
  }
}

export class UnavailableError extends SentinelError {
  constructor(message: string) {
    super('unavailable', 503, message);
  }
}
