import type { FastifyReply } from 'fastify';
import { errorResponse, type JsonRpcId, type JsonRpcMessage } from '../json-rpc.js';

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
