import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Application, TailSession } from '../../app/index.js';
import { RateLimitError, SentinelError } from '../../core/index.js';
import { principalOf } from '../authenticate.js';

const POLL_MS = 1000;
const KEEPALIVE_MS = 15_000;
/** Each open stream queries the store once a second: bound them per node. */
export const MAX_OPEN_STREAMS = 100;

/**
 * `GET /api/events/stream`: a live tail as server-sent events (`event: mcp-event`, data = the
 * event as JSON). Same filters as `/api/events`. Each connection polls the store, so events that
 * other nodes ingest into a shared store appear too. Authenticated by header like every API call
 * (the dashboard reads it with fetch, not EventSource, so the key never goes into a URL).
 */
export async function eventStreamRoute(server: FastifyInstance, options: { app: Application }) {
  const { app } = options;
  const open = new Set<() => void>();
  server.addHook('preClose', async () => {
    for (const end of open) end();
  });
  server.get('/api/events/stream', async (request, reply) => {
    const principal = await principalOf(app, request);
    const tail = app.eventTail.open(principal, request.query);
    if (open.size >= MAX_OPEN_STREAMS) throw new RateLimitError(10);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
      connection: 'keep-alive',
    });
    raw.write(`retry: 3000\n: tail open\n\n`);
    const end = stream(raw, tail, () => open.delete(end));
    open.add(end);
    request.raw.on('close', end);
  });
}

/** Polls until the client goes away or the server closes; returns the function that stops it. */
function stream(raw: ServerResponse, tail: TailSession, onEnd: () => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastWrite = Date.now();
  const end = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    onEnd();
    raw.end();
  };
  const tick = async () => {
    try {
      const events = await tail.next();
      if (stopped) return;
      for (const event of events)
        raw.write(`id: ${event.id}\nevent: mcp-event\ndata: ${JSON.stringify(event)}\n\n`);
      if (events.length > 0) lastWrite = Date.now();
      else if (Date.now() - lastWrite > KEEPALIVE_MS) {
        raw.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
      timer = setTimeout(tick, POLL_MS);
    } catch (error) {
      const message = error instanceof SentinelError ? error.message : 'the event stream failed; reconnect';
      if (!stopped) raw.write(`event: stream-error\ndata: ${JSON.stringify({ message })}\n\n`);
      end();
    }
  };
  void tick();
  return end;
}
