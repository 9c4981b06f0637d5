import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
} from '@modelcontextprotocol/sdk/types.js';

export type JsonRpcMessage = JSONRPCMessage;
export type JsonRpcRequest = JSONRPCRequest;
export type JsonRpcNotification = JSONRPCNotification;
export type JsonRpcResult = JSONRPCResultResponse;
export type JsonRpcError = JSONRPCErrorResponse;
export type JsonRpcId = JSONRPCRequest['id'];

/** Sentinel's JSON-RPC error code for a request it refused (the implementation-defined range). */
export const BLOCKED_ERROR_CODE = -32001;
/** The upstream is gone or did not answer. */
export const UPSTREAM_ERROR_CODE = -32002;

// Shape checks by property, not by schema: they run on every message, inside the 1 ms budget.

export function isRequest(message: JsonRpcMessage): message is JsonRpcRequest {
  return 'method' in message && 'id' in message;
}

export function isNotification(message: JsonRpcMessage): message is JsonRpcNotification {
  return 'method' in message && !('id' in message);
}

export function isResult(message: JsonRpcMessage): message is JsonRpcResult {
  return 'result' in message && 'id' in message;
}

export function isErrorResponse(message: JsonRpcMessage): message is JsonRpcError {
  return 'error' in message;
}

/** Whether a parsed value has the minimum shape of a JSON-RPC 2.0 message. */
export function looksLikeJsonRpc(value: unknown): value is JsonRpcMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return record['jsonrpc'] === '2.0' && ('method' in record || 'result' in record || 'error' in record);
}

export function errorResponse(id: JsonRpcId, code: number, message: string, data?: unknown): JsonRpcError {
  return {
    jsonrpc: '2.0',
    id,
    error: data === undefined ? { code, message } : { code, message, data },
  };
}

export function resultResponse(id: JsonRpcId, result: Record<string, unknown>): JsonRpcResult {
  return { jsonrpc: '2.0', id, result };
}

/** A key for a request id that keeps `1` and `"1"` apart (JSON-RPC treats them as different ids). */
export function idKey(id: JsonRpcId): string {
  return typeof id === 'number' ? `n${id}` : `s${id}`;
}
