import type { FastifyRequest } from 'fastify';
import type { Application } from '../../app/index.js';
import { ForbiddenError, isId, NotFoundError, type Principal, ValidationError } from '../../core/index.js';
import type { McpInterceptor } from '../interceptor.js';
import type { JsonRpcMessage } from '../json-rpc.js';
import type { ProxySession } from '../proxy-session.js';
import type { LiveSession } from './live-session.js';
import { UpstreamClient, UpstreamError, type UpstreamTarget } from './upstream-client.js';

/** Builds the interceptor of one session (one per session per node). */
export type GatewayInterceptorFactory = (
  server: { readonly id: string; readonly name: string },
  session: ProxySession,
) => McpInterceptor;

export interface GatewayOptions {
  readonly app: Application;
  readonly interceptors: GatewayInterceptorFactory;
  readonly log?: (message: string) => void;
}

/** A registered server the gateway forwards to, with the credential it presents there. */
export interface Target extends UpstreamTarget {
  readonly serverId: string;
}

/** What both client transports share: who may call, where to, and the upstream connection pool. */
export class GatewayContext {
  readonly app: Application;
  readonly upstream: UpstreamClient;

  constructor(private readonly options: GatewayOptions) {
    this.app = options.app;
    this.upstream = new UpstreamClient(this.app.config.gatewayUpstreamTimeoutSeconds * 1000);
  }

  /** 403 for a browser Origin not on SENTINEL_ALLOWED_ORIGINS (DNS-rebinding defence). */
  checkOrigin(request: FastifyRequest, allowed: (origin: string | undefined) => boolean): void {
    if (!allowed(request.headers.origin))
      throw new ForbiddenError('this Origin may not use the MCP gateway (see SENTINEL_ALLOWED_ORIGINS)');
  }

  /** The server behind `/gateway/{serverId}`: 404 unknown, 400 without an http(s) endpoint. */
  async target(principal: Principal, serverId: string): Promise<Target> {
    this.app.gatewaySessions.authorize(principal);
    if (!isId(serverId)) throw new NotFoundError('server');
    // One round trip's wait for both (they matter on PostgreSQL, where each is a network hop).
    const [record, credential] = await Promise.all([
      this.app.servers.findForGateway(serverId),
      this.app.upstreamAuth.headerFor(serverId),
    ]);
    if (record === null) throw new NotFoundError('server');
    if (record.endpointUrl === null || !/^https?:\/\//i.test(record.endpointUrl))
      throw new ValidationError(
        `server "${record.name}" has no http(s) endpoint_url for the gateway to forward to`,
      );
    return {
      serverId: record.id,
      serverName: record.name,
      url: record.endpointUrl,
      credential,
    };
  }

  /** A session object for this node (not yet registered). */
  liveSession(
    target: Target,
    proxy: ProxySession,
    upstreamSessionId: string | null,
    protocolVersion: string | null,
  ): LiveSession {
    return {
      id: proxy.sessionId,
      serverId: target.serverId,
      proxy,
      interceptor: this.options.interceptors({ id: target.serverId, name: target.serverName }, proxy),
      upstreamSessionId,
      protocolVersion,
      lastUsed: Date.now(),
    };
  }

  /** Answers the interceptor sends back to the upstream (a server request it refused). */
  answerUpstream(target: Target, live: LiveSession): (message: JsonRpcMessage) => void {
    return (message) => {
      void this.upstream
        .post(target, JSON.stringify(message), {
          sessionId: live.upstreamSessionId,
          protocolVersion: live.protocolVersion,
        })
        .then((response) => response.discard())
        .catch((error: unknown) =>
          this.options.log?.(`gateway: answering the upstream failed: ${upstreamMessage(error)}`),
        );
    };
  }

  close(): void {
    this.upstream.close();
  }
}

/** The agent-facing words for an upstream failure. */
export function upstreamMessage(error: unknown): string {
  return error instanceof UpstreamError ? error.message : 'the upstream MCP server failed';
}
