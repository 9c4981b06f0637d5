import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply } from 'fastify';
import type { Application } from '../../app/index.js';
import type { Approver } from '../approver.js';
import { isErrorResponse, isResult, type JsonRpcMessage, type JsonRpcRequest } from '../json-rpc.js';
import { switchToSse, writeSse } from './gateway-replies.js';
import type { LiveSession } from './live-session.js';

/**
 * The request ids of Sentinel's own elicitations: the prefix plus the pending approval's id, so
 * the client's answer names the store row it decides and any node can take it.
 */
export const ELICITATION_ID_PREFIX = 'sentinel-elicit-';

/** The client request being checked on this node, and the reply its answer will go out on. */
interface HeldExchange {
  readonly reply: FastifyReply;
  readonly live: LiveSession;
}

/**
 * The interceptor's Approver does not know which HTTP request holds the call; the gateway runs
 * each client message's check inside this context, so the approver finds the reply to ask on.
 */
const held = new AsyncLocalStorage<HeldExchange>();

export function withHeldExchange<T>(exchange: HeldExchange, run: () => Promise<T>): Promise<T> {
  return held.run(exchange, run);
}

/**
 * `approve` verdicts through the gateway: when the session's client declared `elicitation`, the
 * user is asked on the held request's own response stream (switched to SSE) and the call waits on
 * a pending approval row that the answer (a POST on any node) decides; otherwise the admin queue.
 * Either way the approval timeout denies.
 */
export function gatewayApprover(app: Application, log?: (message: string) => void): Approver {
  return {
    async request(input) {
      const exchange = held.getStore();
      if (exchange === undefined || !declaresElicitation(exchange.live)) return app.approvals.request(input);
      const record = await app.approvals.open(input);
      const reply = exchange.reply;
      if (reply.raw.destroyed) {
        log?.('gateway: the client left before it could be asked to approve a call');
      } else {
        switchToSse(reply, exchange.live.id);
        writeSse(reply, elicitationRequest(`${ELICITATION_ID_PREFIX}${record.id}`, input.summary));
      }
      return app.approvals.wait(record);
    },
  };
}

/** Sessionless (2026-07-28) requests cannot be answered back: only a session's client is asked. */
function declaresElicitation(live: LiveSession): boolean {
  return live.id !== null && live.proxy.clientCapabilities?.['elicitation'] !== undefined;
}

/** The same question the stdio proxy asks (MCP 2025-06-18 §Elicitation, a form with one boolean). */
export function elicitationRequest(id: string, summary: string): JsonRpcRequest {
  return {
    jsonrpc: '2.0',
    id,
    method: 'elicitation/create',
    params: {
      message: `${summary}: allow?`,
      requestedSchema: {
        type: 'object',
        properties: { approve: { type: 'boolean', title: 'Allow this call', default: false } },
        required: ['approve'],
      },
    },
  };
}

/** The approval a client response answers, or null when it is not an answer to our elicitation. */
export function elicitationAnswerTo(message: JsonRpcMessage): string | null {
  if (!(isResult(message) || isErrorResponse(message))) return null;
  const id = message.id;
  if (typeof id !== 'string' || !id.startsWith(ELICITATION_ID_PREFIX)) return null;
  return id.slice(ELICITATION_ID_PREFIX.length);
}

/** Only an explicit yes approves: accept with `approve: true`. Decline, cancel, errors and junk deny. */
export function elicitationDecision(message: JsonRpcMessage): 'approved' | 'denied' {
  if (!isResult(message)) return 'denied';
  const result = message.result as { action?: unknown; content?: { approve?: unknown } | null };
  return result.action === 'accept' && result.content?.approve === true ? 'approved' : 'denied';
}
