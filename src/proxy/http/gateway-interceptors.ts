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

/**
 * How long paired events wait to be stored together. Each store commit fsyncs on the event loop
 * (SQLite, synchronous=full): committing per call put that pause in front of the next call
 * (bench/proxy/http.ts: +1.2 ms p50 added), while one commit per interval keeps it out of most
 * round trips. The stdio proxy batches the same way (100 ms); `close` flushes at once.
 */
const FLUSH_DELAY_MS = 25;
/** A full batch is stored without waiting for the interval. */
const FLUSH_BATCH = 500;

/** Hands paired events to the pipeline off the relay path: batched, never awaited by a call. */
class PipelineSink implements EventSink {
  private batch: ProxyEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly app: Application,
    private readonly serverId: string,
    private readonly log?: (message: string) => void,
  ) {}

  write(event: ProxyEvent): void {
    this.batch.push(event);
    if (this.batch.length === 1) this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
    else if (this.batch.length >= FLUSH_BATCH) void this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
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
