import type { FastifyReply } from 'fastify';
import { errorResponse, type JsonRpcId, type JsonRpcMessage } from '../json-rpc.js';
import { formatSse } from './sse-parser.js';

/** The code the SDK's own server uses for transport-level refusals (no session, bad version). */
export const TRANSPORT_ERROR_CODE = -32000;

/** A transport-level refusal: HTTP status plus a JSON-RPC error body, as the MCP transports specify. */
export function sendRpcError(
  reply: FastifyReply,
  status: number,
  code: number,
  message: string,
  id: JsonRpcId | null = null,
): FastifyReply {
  if (isSse(reply))
    return endSse(reply, [{ jsonrpc: '2.0', id, error: { code, message } } as JsonRpcMessage]);
  return reply
    .code(status)
    .header('content-type', 'application/json')
    .send(JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }));
}

export function sendMessages(
  reply: FastifyReply,
  messages: readonly JsonRpcMessage[],
  sessionId: string | null,
): FastifyReply {
  if (isSse(reply)) return endSse(reply, messages);
  if (sessionId !== null) void reply.header('mcp-session-id', sessionId);
  if (messages.length === 0) return reply.code(202).send();
  const body = messages.length === 1 ? messages[0] : messages;
  return reply.code(200).header('content-type', 'application/json').send(JSON.stringify(body));
}

/** A JSON-RPC error answering `id` (a request the upstream failed). */
export function upstreamErrorResponse(id: JsonRpcId, code: number, message: string): JsonRpcMessage {
  return errorResponse(id, code, message);
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/** Replies already switched to an SSE stream (a held call asked the user something on it). */
const sseReplies = new WeakSet<FastifyReply>();

/** True once `reply` is an SSE stream written by hand: what follows goes on it as events. */
export function isSse(reply: FastifyReply): boolean {
  return sseReplies.has(reply);
}

/**
 * Turns a still unanswered POST into an SSE stream (MCP §Streamable HTTP lets the server send
 * requests before the response), so Sentinel can ask the client while the call is held.
 */
export function switchToSse(reply: FastifyReply, sessionId: string | null): void {
  if (sseReplies.has(reply)) return;
  sseReplies.add(reply);
  void reply.hijack();
  reply.raw.writeHead(200, {
    ...SSE_HEADERS,
    ...(sessionId === null ? {} : { 'mcp-session-id': sessionId }),
  });
  reply.raw.flushHeaders();
}

/** One message as an SSE event on a switched reply (dropped once the client has gone). */
export function writeSse(reply: FastifyReply, message: JsonRpcMessage): void {
  const raw = reply.raw;
  if (!raw.writableEnded && !raw.destroyed) raw.write(formatSse(JSON.stringify(message)));
}

function endSse(reply: FastifyReply, messages: readonly JsonRpcMessage[]): FastifyReply {
  for (const message of messages) writeSse(reply, message);
  if (!reply.raw.writableEnded) reply.raw.end();
  return reply;
}
