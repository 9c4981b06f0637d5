import { forgetKey, storedKey } from './session';

export interface ErrorDetail {
  readonly path?: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  readonly length?: number;
}

/** An API error in words: the server's own message, never a stack. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[],
    readonly body: unknown,
  ) {
    super(message);
  }

  /** True when the route itself is missing (an older server): pages say "not available". */
  get missingRoute(): boolean {
    return this.status === 404 && this.message.startsWith('no route for');
  }
}

type Listener = () => void;
const signedOut = new Set<Listener>();

/** Called when the key stops working (401), so the app returns to the sign-in page. */
export function onSignedOut(listener: Listener): () => void {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
}

export function authHeaders(key = storedKey()): Record<string, string> {
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** Calls the REST API with the session's key; throws ApiError with the server's message. */
export async function api<T>(method: string, path: string, body?: unknown, key?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...authHeaders(key ?? storedKey()),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'Sentinel is not reachable: check the server is running.', [], null);
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw toApiError(response.status, parsed, key === undefined);
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown, session: boolean): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)
    ?.error;
  const diagnostics =
    (body as { diagnostics?: ErrorDetail[] } | null)?.diagnostics ??
    (error as { diagnostics?: ErrorDetail[] } | undefined)?.diagnostics;
  if (status === 401 && session) {
    forgetKey();
    for (const listener of signedOut) listener();
  }
  return new ApiError(
    status,
    error?.code ?? 'http_error',
    error?.message ?? `the request failed (HTTP ${status})`,
    diagnostics ?? error?.details ?? [],
    body,
  );
}

/** Items of a list response: `{items}` or a bare array. */
export function itemsOf<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  const items = (value as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
