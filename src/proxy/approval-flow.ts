import type { Finding } from '../core/index.js';
import type { ApprovalDecision, Approver } from './approver.js';
import { isResult, type JsonRpcMessage, type JsonRpcRequest } from './json-rpc.js';
import type { ProxySession } from './proxy-session.js';

export interface ApprovalDeps {
  readonly server: { readonly id: string; readonly name: string };
  readonly approver: Approver;
  readonly approvalTimeoutMs: number;
  readonly askClient?: (request: {
    method: string;
    params?: Record<string, unknown>;
  }) => Promise<JsonRpcMessage>;
  readonly log?: (message: string) => void;
}

export interface HeldCall {
  readonly request: JsonRpcRequest;
  readonly tool: string | null;
  readonly args: Record<string, unknown> | null;
  readonly session: ProxySession;
  readonly rules: readonly Finding[];
}

/**
 * Holds a call until someone decides: the user through MCP elicitation when the client declared
 * the capability (MCP 2025-06-18 §Elicitation), otherwise the approver (an admin queue). Anything
 * but an explicit yes is a no.
 */
export async function requestApproval(deps: ApprovalDeps, call: HeldCall): Promise<ApprovalDecision> {
  const summary = summarize(deps.server.name, call);
  if (deps.askClient !== undefined && call.session.clientCapabilities?.['elicitation'] !== undefined) {
    return elicit(deps, summary);
  }
  return deps.approver.request({
    serverId: deps.server.id,
    sessionId: call.session.sessionId,
    tool: call.tool,
    method: call.request.method,
    arguments: call.args,
    ruleIds: call.rules.map((rule) => rule.ruleId),
    summary,
    timeoutMs: deps.approvalTimeoutMs,
  });
}

async function elicit(deps: ApprovalDeps, summary: string): Promise<ApprovalDecision> {
  const ask = deps.askClient!({
    method: 'elicitation/create',
    params: {
      message: `${summary}: allow?`,
      requestedSchema: {
        type: 'object',
        properties: { approve: { type: 'boolean', title: 'Allow this call', default: false } },
        required: ['approve'],
      },
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), deps.approvalTimeoutMs);
  });
  try {
    const answer = await Promise.race([ask, timeout]);
    if (answer === 'timeout') return 'timeout';
    if (!isResult(answer)) return 'denied';
    const { action, content } = answer.result as { action?: unknown; content?: { approve?: unknown } };
    return action === 'accept' && content?.approve === true ? 'approved' : 'denied';
  } catch (error) {
    deps.log?.(`elicitation failed: ${(error as Error).message}`);
    return 'denied';
  } finally {
    clearTimeout(timer);
  }
}

function summarize(serverName: string, call: HeldCall): string {
  const rules = call.rules.map((rule) => `${rule.ruleId} ${rule.title}`).join(', ');
  const what =
    call.tool === null
      ? `${call.request.method}`
      : `${call.tool} ${truncate(JSON.stringify(call.args ?? {}), 200)}`;
  return `The agent wants to run ${what} on server ${serverName} (${rules})`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
