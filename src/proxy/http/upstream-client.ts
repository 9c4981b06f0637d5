import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Why an upstream exchange failed, in words safe to show the agent (no host, no stack). */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout',
  ) {
    super(message);
  }
}

export interface UpstreamTarget {
  readonly url: string;
  readonly serverName: string;
  /** The credential configured for this server, sent as one header. */
  readonly credential: { readonly name: string; readonly value: string } | null;
}

export interface UpstreamCall {
  readonly sessionId: string | null;
  readonly protocolVersion: string | null;
  /** Extra headers the client sent that the upstream must see (2026-07-28 routing headers, Last-Event-ID). */
  readonly passHeaders?: Readonly<Record<string, string>>;
  /** Aborted when the client goes away. */
  readonly signal?: AbortSignal;
}

/** An upstream answer whose headers have arrived; the body is read as it comes. */
export interface UpstreamResponse {
  readonly status: number;
  readonly ok: boolean;
  header(name: string): string | null;
  /** The body chunks as they arrive; read it to the end (breaking out destroys the connection). */
  readonly body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  /** Discards the rest of the body; a body that does not end soon is cut (its connection is lost). */
  discard(): void;
  /** Cuts the body now (the connection is closed, not reused). */
  destroy(): void;
}

/** How long a discarded body may take to end before its connection is given up. */
const DISCARD_GRACE_MS = 5000;

/**
 * Talks streamable HTTP to one upstream over keep-alive node:http connections (fetch's web
 * streams cost several times more per call). Headers are built from scratch, never copied from
 * the client: its Authorization, X-MCP-API-Key and Cookie cannot leak upstream by construction.
 */
export class UpstreamClient {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });

  constructor(private readonly timeoutMs: number) {}

  get timeoutSeconds(): number {
    return Math.round(this.timeoutMs / 1000);
  }

  post(target: UpstreamTarget, body: string, call: UpstreamCall): Promise<UpstreamResponse> {
    return this.send(target, 'POST', call, body, 'application/json, text/event-stream');
  }

  get(target: UpstreamTarget, call: UpstreamCall): Promise<UpstreamResponse> {
    return this.send(target, 'GET', call, undefined, 'text/event-stream');
  }

  delete(target: UpstreamTarget, call: UpstreamCall): Promise<UpstreamResponse> {
    return this.send(target, 'DELETE', call, undefined, 'application/json, text/event-stream');
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }

  /** Resolves when the response headers arrive; the timeout covers exactly that wait. */
  private send(
    target: UpstreamTarget,
    method: 'POST' | 'GET' | 'DELETE',
    call: UpstreamCall,
    body: string | undefined,
    accept: string,
  ): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { accept, ...call.passHeaders };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    if (call.sessionId !== null) headers['mcp-session-id'] = call.sessionId;
    if (call.protocolVersion !== null) headers['mcp-protocol-version'] = call.protocolVersion;
    if (target.credential !== null) headers[target.credential.name.toLowerCase()] = target.credential.value;
    const url = new URL(target.url);
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        { method, headers, agent: secure ? this.https : this.http },
        (response) => {
          clearTimeout(timer);
          resolve(wrap(response));
        },
      );
      const timer = setTimeout(() => {
        timedOut = true;
        request.destroy();
      }, this.timeoutMs);
      // Leaving mid-stream must cancel the upstream exchange too.
      call.signal?.addEventListener('abort', () => request.destroy(), { once: true });
      request.once('error', () => {
        clearTimeout(timer);
        reject(
          timedOut
            ? new UpstreamError(
                `the upstream MCP server "${target.serverName}" did not answer within ${this.timeoutSeconds} s`,
                'timeout',
              )
            : new UpstreamError(
                `the upstream MCP server "${target.serverName}" is unreachable`,
                'unreachable',
              ),
        );
      });
      request.end(body);
    });
  }
}

function wrap(response: IncomingMessage): UpstreamResponse {
  const status = response.statusCode ?? 502;
  // A socket error after the headers ends the body early; readers see it as the end of the stream.
  response.on('error', () => {});
  return {
    status,
    ok: status >= 200 && status < 300,
    header(name) {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body: response,
    async text() {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    discard() {
      if (response.complete || response.destroyed) return;
      const cut = setTimeout(() => response.destroy(), DISCARD_GRACE_MS);
      cut.unref();
      response.once('end', () => clearTimeout(cut));
      response.once('close', () => clearTimeout(cut));
      response.resume();
    },
    destroy() {
      response.destroy();
    },
  };
}
