import { newId } from '../core/index.js';
import { idKey, isErrorResponse, isResult, type JsonRpcMessage, type JsonRpcRequest } from './json-rpc.js';

/** Sentinel's own requests to the client (elicitation), with ids no agent or server uses. */
export interface ClientRequester {
  /** Sends a request to the client and resolves with its response (rejects on timeout or close). */
  ask(
    request: { method: string; params?: Record<string, unknown> },
    timeoutMs: number,
  ): Promise<JsonRpcMessage>;
  /** True when `message` answers one of our requests: it was consumed and must not be forwarded. */
  accept(message: JsonRpcMessage): boolean;
  close(): void;
}

interface Waiting {
  resolve(message: JsonRpcMessage): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function createClientRequester(send: (message: JsonRpcRequest) => void): ClientRequester {
  const waiting = new Map<string, Waiting>();
  return {
    ask(request, timeoutMs) {
      const id = `sentinel-${newId()}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(idKey(id));
          reject(new Error('the client did not answer in time'));
        }, timeoutMs);
        timer.unref?.();
        waiting.set(idKey(id), { resolve, reject, timer });
        send({
          jsonrpc: '2.0',
          id,
          method: request.method,
          ...(request.params ? { params: request.params } : {}),
        });
      });
    },
    accept(message) {
      if (waiting.size === 0 || !(isResult(message) || isErrorResponse(message))) return false;
      if (message.id === undefined) return false;
      const key = idKey(message.id);
      const entry = waiting.get(key);
      if (entry === undefined) return false;
      waiting.delete(key);
      clearTimeout(entry.timer);
      entry.resolve(message);
      return true;
    },
    close() {
      for (const entry of waiting.values()) {
        clearTimeout(entry.timer);
        entry.reject(new Error('the connection closed'));
      }
      waiting.clear();
    },
  };
}
