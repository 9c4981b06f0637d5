import type { Application } from '../../app/index.js';
import { createInterceptor } from '../interceptor.js';
import type { EventSink, ProxyEvent } from '../proxy-event.js';
import type { GatewayInterceptorFactory } from './gateway-context.js';
import { gatewayApprover } from './gateway-elicitation.js';

/**
 * Interceptors for gateway sessions, over the application: the same engine, pins and pipeline as
 * the stdio proxy. No `askClient`: over HTTP the client's answer to an elicitation may arrive on
 * another node, so the gateway's approver asks through elicitation backed by a pending approval in
 * the store (any node's answer decides it), or queues the call for an admin.
 */
export function gatewayInterceptors(
  app: Application,
  log?: (message: string) => void,
): GatewayInterceptorFactory {
  return (server) =>
    createInterceptor({
      server,
      engine: () => app.rules.engine(),
      sink: new PipelineSink(app, server.id, log),
      pins: app.toolPins,
      approver: gatewayApprover(app, log),
      approvalTimeoutMs: app.config.approvalTimeoutSeconds * 1000,
      failMode: app.config.proxyFailMode,
      ...(log ? { log } : {}),
    });
}

/** Hands paired events to the pipeline off the relay path: batched per tick, never awaited by a call. */
class PipelineSink implements EventSink {
  private batch: ProxyEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: Application,
    private readonly serverId: string,
    private readonly log?: (message: string) => void,
  ) {}

  write(event: ProxyEvent): void {
    this.batch.push(event);
    if (this.batch.length === 1) setImmediate(() => void this.flush());
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private flush(): Promise<void> {
    const events = this.batch;
    this.batch = [];
    if (events.length > 0) {
      this.flushing = this.flushing
        .then(() =>
          this.app.proxyIngest.record(
            this.serverId,
            events.map((event) => ({ record: { ...event.record }, findings: event.findings })),
          ),
        )
        .then(
          () => {},
          (error: unknown) => this.log?.(`gateway: storing ${events.length} events failed: ${String(error)}`),
        );
    }
    return this.flushing;
  }
}
