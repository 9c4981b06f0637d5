import type { FastifyReply } from 'fastify';
import {
  idKey,
  isErrorResponse,
  isRequest,
  isResult,
  type JsonRpcMessage,
  looksLikeJsonRpc,
  UPSTREAM_ERROR_CODE,
} from '../json-rpc.js';
import { isSse, SSE_HEADERS, sendMessages, upstreamErrorResponse } from './gateway-replies.js';
import type { LiveSession } from './live-session.js';
import { formatSse, parseSse } from './sse-parser.js';
import type { UpstreamResponse } from './upstream-client.js';

/** Where the relay sends what the interceptor wants answered back to the upstream (a blocked server request). */
export type AnswerUpstream = (message: JsonRpcMessage) => void;

/** Runs one upstream message through the interceptor; returns what goes on to the client. */
export async function fromServer(
  live: LiveSession,
  message: JsonRpcMessage,
  answerUpstream: AnswerUpstream,
): Promise<JsonRpcMessage | null> {
  const verdict = await live.interceptor.onServerMessage(message, live.proxy);
  if (verdict.reply !== null) answerUpstream(verdict.reply);
  return verdict.forward;
}

/** Feeds a failure for `request` through the interceptor (so it becomes the event's error) and returns the answer. */
export async function failRequest(
  live: LiveSession,
  request: JsonRpcMessage,
  message: string,
): Promise<JsonRpcMessage | null> {
  if (!isRequest(request)) return null;
  const error = upstreamErrorResponse(request.id, UPSTREAM_ERROR_CODE, message);
  return (await live.interceptor.onServerMessage(error, live.proxy)).forward;
}

/** The JSON-RPC messages in a body or an SSE event's data; none in a priming event's empty data. */
export function parseMessages(text: string): JsonRpcMessage[] {
  if (text.trim() === '') return [];
  const parsed: unknown = JSON.parse(text);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.filter(looksLikeJsonRpc);
}

function answers(message: JsonRpcMessage, request: JsonRpcMessage): boolean {
  return (
    isRequest(request) &&
    (isResult(message) || isErrorResponse(message)) &&
    message.id !== undefined &&
    idKey(message.id) === idKey(request.id)
  );
}

/** How long an upstream stream may stay open after it answered before it is cut. */
const LINGER_MS = 5000;

/**
 * Reads an upstream answer up to the response to `request` (used for initialize, which must be
 * whole before the session exists). The rest of an SSE body is drained in the background, not cut,
 * so its keep-alive connection is reused.
 */
export function readAll(response: UpstreamResponse, request: JsonRpcMessage): Promise<JsonRpcMessage[]> {
  const type = response.header('content-type') ?? '';
  if (!type.includes('text/event-stream')) return response.text().then(parseMessages);
  return new Promise((resolve) => {
    const messages: JsonRpcMessage[] = [];
    let answered = false;
    void (async () => {
      try {
        for await (const event of parseSse(response.body)) {
          if (answered || event.event !== 'message') continue;
          const batch = parseMessages(event.data);
          messages.push(...batch);
          if (batch.some((message) => answers(message, request))) {
            answered = true;
            resolve(messages);
            setTimeout(() => response.destroy(), LINGER_MS).unref();
          }
        }
      } catch {
        // A broken stream ends the answer with what arrived.
      }
      resolve(messages);
    })();
  });
}

export interface StreamOptions {
  readonly sessionId: string | null;
  /** The client's request this stream answers, or null for the GET stream. */
  readonly request: JsonRpcMessage | null;
  /** Ends a request's stream with an error when the upstream is silent this long; 0 never. */
  readonly idleMs: number;
  readonly upstreamName: string;
  readonly abort: AbortController;
}

/** Relays an upstream JSON answer: each message through the interceptor, then one JSON body. */
export async function relayJson(
  response: UpstreamResponse,
  live: LiveSession,
  reply: FastifyReply,
  answerUpstream: AnswerUpstream,
): Promise<FastifyReply> {
  const messages = parseMessages(await response.text());
  const out: JsonRpcMessage[] = [];
  for (const message of messages) {
    const forward = await fromServer(live, message, answerUpstream);
    if (forward !== null) out.push(forward);
  }
  return sendMessages(reply, out, live.id);
}

/**
 * Relays an upstream SSE stream event by event as it arrives (progress notifications, server
 * requests, then the response), each through the interceptor. Untouched messages keep their
 * original bytes and event ids (so the client's Last-Event-ID resumption still works upstream).
 *
 * A POST stream whose first message is the answer goes to the client as one JSON body instead
 * (MCP §Streamable HTTP lets the server answer a request either way): the gateway holds each
 * message until it is checked anyway, so nothing arrives later for it, and a client reads one
 * JSON body far more cheaply than an event stream. Events before the answer that carry no
 * message (a priming event's id) are held until the choice is made; once answered they are moot.
 */
export async function relaySse(
  response: UpstreamResponse,
  live: LiveSession,
  reply: FastifyReply,
  answerUpstream: AnswerUpstream,
  options: StreamOptions,
): Promise<void> {
  const raw = reply.raw;
  const sessionHeader = options.sessionId === null ? {} : { 'mcp-session-id': options.sessionId };
  // A held call that asked the client something already turned this reply into a stream.
  const streaming = isSse(reply);
  if (!streaming) void reply.hijack();
  /** Null until the reply's form is chosen: the held event texts meanwhile. */
  let held: string[] | null = streaming ? null : [];
  const startStream = () => {
    if (held === null) return;
    const before = held;
    held = null;
    raw.writeHead(200, { ...SSE_HEADERS, ...sessionHeader });
    for (const text of before) raw.write(text);
  };
  // A GET stream may stay quiet for long: the client must see its headers now. A POST stream's
  // first event follows at once and carries them (one write instead of two).
  if (options.request === null && !streaming) {
    startStream();
    raw.flushHeaders();
  }
  let answered = options.request === null;
  let idle: NodeJS.Timeout | undefined;
  let silent = false;
  const armIdle = () => {
    if (options.idleMs <= 0 || answered) return;
    clearTimeout(idle);
    idle = setTimeout(() => {
      silent = true;
      options.abort.abort();
    }, options.idleMs);
  };
  const write = (data: string, id: string | null, event?: string) => {
    if (raw.writableEnded) return;
    const text = formatSse(data, { id, ...(event ? { event } : {}) });
    if (held !== null) {
      held.push(text);
      return;
    }
    // Writes of one tick leave together: the answer and the end of the stream are one packet,
    // not two. Uncorked on the next tick, so nothing waits behind an await.
    if (raw.writableCorked === 0) {
      raw.cork();
      process.nextTick(() => raw.uncork());
    }
    raw.write(text);
  };
  const endReply = () => {
    if (raw.writableEnded) return;
    if (!raw.destroyed) startStream();
    raw.end();
  };
  /** The answer alone, as a JSON body, when nothing went to the client before it. */
  const answerAsJson = (body: string): boolean => {
    if (held === null || raw.writableEnded) return false;
    held = null;
    raw.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...sessionHeader,
    });
    raw.end(body);
    return true;
  };
  armIdle();
  try {
    for await (const event of parseSse(response.body)) {
      // After the answer the rest is drained, not cut, so the keep-alive connection is reused.
      if (answered && options.request !== null) continue;
      armIdle();
      if (event.event !== 'message') {
        write(event.data, event.id, event.event);
        continue;
      }
      let messages: JsonRpcMessage[];
      try {
        messages = parseMessages(event.data);
      } catch {
        continue;
      }
      // A priming event (an id, no data): the client needs its id to resume the stream.
      if (messages.length === 0) write(event.data, event.id);
      for (const message of messages) {
        const forward = await fromServer(live, message, answerUpstream);
        const isAnswer = options.request !== null && answers(message, options.request);
        if (isAnswer) answered = true;
        if (forward === null) continue;
        const data = forward === message && messages.length === 1 ? event.data : JSON.stringify(forward);
        if (isAnswer && answerAsJson(data)) continue;
        startStream();
        write(data, event.id);
      }
      if (answered && options.request !== null) {
        clearTimeout(idle);
        endReply();
        setTimeout(() => response.destroy(), LINGER_MS).unref();
      }
    }
  } catch {
    // The upstream stream broke (crash, abort): answered below if the request is still open.
  } finally {
    clearTimeout(idle);
  }
  if (!answered && options.request !== null && !raw.writableEnded && !raw.destroyed) {
    const reason = silent
      ? `the upstream MCP server "${options.upstreamName}" went silent for ${Math.round(options.idleMs / 1000)} s before answering`
      : `the upstream MCP server "${options.upstreamName}" closed the stream before answering`;
    const error = await failRequest(live, options.request, reason);
    if (error !== null && !answerAsJson(JSON.stringify(error))) write(JSON.stringify(error), null);
  }
  endReply();
}
