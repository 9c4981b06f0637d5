import { type Finding, newId } from '../core/index.js';
import type { DetectionEngine } from '../detect/index.js';
import { requestApproval } from './approval-flow.js';
import type { Approver } from './approver.js';
import { explain, findingsIn, maskValues, rulesWith, secretsOf, verdictIn } from './inline-check.js';
import {
  BLOCKED_ERROR_CODE,
  errorResponse,
  idKey,
  isErrorResponse,
  isNotification,
  isRequest,
  isResult,
  type JsonRpcError,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type JsonRpcResult,
} from './json-rpc.js';
import { clientName, type EventSink, type ProxyEventRecord, scanEventOf } from './proxy-event.js';
import type { ProxySession } from './proxy-session.js';
import {
  argumentsOf,
  rememberClient,
  requestScanEvent,
  toolOf,
  UNREADABLE_ARGUMENTS,
} from './request-parts.js';
import { errorText, resultText, UNREADABLE_ANSWER } from './result-text.js';
import { changedToolFinding, toolsWith, withoutTools } from './tool-list.js';
import { type ToolChange, type ToolPinGuard, toolDefinitionsOf } from './tool-pin-guard.js';

/** What to do with one message: pass it on (possibly rewritten), or answer its sender instead. */
export interface InterceptResult {
  /** To the other side; the very object received when nothing changed (so it is not re-serialised). */
  readonly forward: JsonRpcMessage | null;
  /** Back to the sender instead (a block), or null. */
  readonly reply: JsonRpcMessage | null;
}

export type FailMode = 'closed' | 'open';

/** The rule that tool-definition drift is reported under (rules/builtin/behaviour.yaml). */
export const TOOL_CHANGED_RULE = 'MCP-BEH-002';

export interface InterceptorDeps {
  readonly server: { readonly id: string; readonly name: string };
  /** The current engine (rules may change while the proxy runs); a settled promise costs microseconds. */
  engine(): DetectionEngine | Promise<DetectionEngine>;
  readonly sink: EventSink;
  /** Tool pinning; null turns it off (no store to pin in). */
  readonly pins: ToolPinGuard | null;
  /** Decides held calls when the client cannot be asked through elicitation. */
  readonly approver: Approver;
  readonly approvalTimeoutMs: number;
  /** When detection itself throws: `closed` refuses the message, `open` lets it through unchecked. */
  readonly failMode: FailMode;
  /** Sends a request to the client and awaits its response (needed for elicitation); absent: no elicitation. */
  readonly askClient?: (request: {
    method: string;
    params?: Record<string, unknown>;
  }) => Promise<JsonRpcMessage>;
  /** Epoch milliseconds. */
  readonly now?: () => number;
  /** Operational problems (stderr in the stdio proxy); never the agent's stream. */
  readonly log?: (message: string) => void;
}

/** Pairs and checks the messages of one upstream connection (one per stdio process or HTTP session). */
export interface McpInterceptor {
  onClientMessage(message: JsonRpcMessage, session: ProxySession): Promise<InterceptResult>;
  onServerMessage(message: JsonRpcMessage, session: ProxySession): Promise<InterceptResult>;
  /** Requests still without a response become events with an error. */
  close(): Promise<void>;
}

interface Pending {
  readonly request: JsonRpcRequest;
  readonly tool: string | null;
  readonly arguments: Record<string, unknown> | null;
  readonly startedAt: number;
  readonly session: ProxySession;
  readonly direction: 'client' | 'server';
  /** What the proxy did to the request (redact, approve), kept in the event's metadata. */
  readonly sentinel: Record<string, unknown> | null;
}

export function createInterceptor(deps: InterceptorDeps): McpInterceptor {
  return new Interceptor(deps);
}

const pass = (message: JsonRpcMessage): InterceptResult => ({ forward: message, reply: null });

class Interceptor implements McpInterceptor {
  private readonly fromClient = new Map<string, Pending>();
  private readonly fromServer = new Map<string, Pending>();
  private readonly now: () => number;

  constructor(private readonly deps: InterceptorDeps) {
    this.now = deps.now ?? Date.now;
  }

  async onClientMessage(message: JsonRpcMessage, session: ProxySession): Promise<InterceptResult> {
    if (isRequest(message)) {
      if (message.method === 'initialize') rememberClient(message, session);
      return this.checkRequest(message, session);
    }
    if (isNotification(message)) {
      if (message.method === 'notifications/cancelled') this.cancel(this.fromClient, message.params, session);
      return pass(message);
    }
    // The client answering a server's request (sampling, roots, elicitation).
    this.settle(this.fromServer, message, null);
    return pass(message);
  }

  async onServerMessage(message: JsonRpcMessage, session: ProxySession): Promise<InterceptResult> {
    if (isRequest(message)) {
      this.fromServer.set(idKey(message.id), this.pending(message, session, 'server', null));
      return pass(message);
    }
    if (isNotification(message)) {
      if (message.method === 'notifications/cancelled') this.cancel(this.fromServer, message.params, session);
      return pass(message);
    }
    const key = message.id === undefined ? null : idKey(message.id);
    const pending = key === null ? undefined : this.fromClient.get(key);
    if (pending === undefined || key === null) return pass(message);
    this.fromClient.delete(key);
    return this.checkResponse(pending, message as JsonRpcResult | JsonRpcError);
  }

  async close(): Promise<void> {
    for (const map of [this.fromClient, this.fromServer]) {
      for (const pending of map.values()) {
        this.emit(pending, 'no response: the connection closed first', true, null);
      }
      map.clear();
    }
  }

  // --- requests ---------------------------------------------------------------------------------

  private async checkRequest(request: JsonRpcRequest, session: ProxySession): Promise<InterceptResult> {
    const tool = toolOf(request);
    const args = argumentsOf(request);
    if (
      tool !== null &&
      this.deps.pins !== null &&
      (await this.deps.pins.isHidden(this.deps.server.id, tool))
    ) {
      return this.refuse(
        this.pending(request, session, 'client', { action: 'block', reason: 'tool-changed' }),
        `the definition of tool "${tool}" changed since it was pinned; it is held until an admin approves it`,
      );
    }
    if (args === UNREADABLE_ARGUMENTS) {
      this.deps.log?.(`a ${request.method} request nests too deeply to read; not checked`);
      return this.failRequest(
        request,
        session,
        'Sentinel could not read this call (its arguments nest too deeply)',
        'unreadable',
      );
    }
    let findings: Finding[];
    try {
      const engine = await this.deps.engine();
      findings = [
        ...engine.scan(requestScanEvent(this.deps.server.id, request, tool, args, session)).findings,
      ];
    } catch (error) {
      this.deps.log?.(`detection failed on a ${request.method} request: ${(error as Error).message}`);
      return this.failRequest(
        request,
        session,
        'Sentinel could not check this call (detection failed)',
        'detection-failed',
      );
    }
    const verdict = verdictIn(findings);
    if (verdict === 'block') {
      const rules = rulesWith(findings, 'block');
      return this.refuse(
        this.pending(request, session, 'client', { action: 'block', rules: rules.map((f) => f.ruleId) }),
        `${explain(rules)}. The call did not reach the server`,
      );
    }
    if (verdict === 'approve') {
      const rules = rulesWith(findings, 'approve');
      const decision = await requestApproval(this.deps, { request, tool, args, session, rules });
      const sentinel = { action: 'approve', decision, rules: rules.map((f) => f.ruleId) };
      if (decision !== 'approved') {
        return this.refuse(
          this.pending(request, session, 'client', sentinel),
          `${explain(rules)}; approval was ${decision === 'timeout' ? 'not given in time' : 'denied'}. The call did not reach the server`,
        );
      }
      this.track(this.pending(request, session, 'client', sentinel));
      return pass(request);
    }
    if (verdict === 'redact') {
      const rules = rulesWith(findings, 'redact');
      const event = requestScanEvent(this.deps.server.id, request, tool, args, session);
      const masked = maskValues(request, secretsOf(event, findings));
      this.track(
        this.pending(request, session, 'client', { action: 'redact', rules: rules.map((f) => f.ruleId) }),
      );
      return pass(masked);
    }
    this.track(this.pending(request, session, 'client', null));
    return pass(request);
  }

  /** A request that was not checked: passed as it is, or refused, as the fail mode says. */
  private failRequest(
    request: JsonRpcRequest,
    session: ProxySession,
    cause: string,
    reason: 'detection-failed' | 'unreadable',
  ): InterceptResult {
    if (this.deps.failMode === 'open') {
      this.track(this.pending(request, session, 'client', { failedOpen: true }));
      return pass(request);
    }
    return this.refuse(
      this.pending(request, session, 'client', { action: 'block', reason }),
      `${cause} and is set to fail closed`,
    );
  }

  /** Answers the agent instead of the server: a tool error for tools/call, a JSON-RPC error otherwise. */
  private refuse(pending: Pending, reason: string): InterceptResult {
    const reply = blockedAnswer(pending.request, reason);
    void this.finish(pending, blockedText(reason), true, null);
    return { forward: null, reply };
  }

  // --- responses --------------------------------------------------------------------------------

  private async checkResponse(
    pending: Pending,
    response: JsonRpcResult | JsonRpcError,
  ): Promise<InterceptResult> {
    if (isErrorResponse(response)) return this.checkError(pending, response);
    const result = response.result;
    const method = pending.request.method;
    const text = resultText(method, result);
    if (text === null) return this.unreadable(pending, response, 'result', result['isError'] === true);
    const record = this.record(pending, text, result['isError'] === true, null);
    const scanned = await this.scanAnswer(pending, record, response, 'result');
    if ('failed' in scanned) return scanned.failed;
    const { engine, findings } = scanned;
    let outgoing: JsonRpcMessage = response;
    const inResponse = findingsIn(findings, 'response');
    let hidden = new Set<string>();
    if (method === 'tools/list' && this.deps.pins !== null) {
      // Drift findings join the event's findings but not the verdict: hiding is the pin guard's call.
      const changes = await this.reviewTools(result, engine, findings);
      hidden = new Set(changes.filter((change) => change.hidden).map((change) => change.name));
    }
    if (method === 'tools/list') {
      // A bad tool is dropped from the list rather than failing the whole list.
      for (const name of toolsWith(result, inResponse, 'block')) hidden.add(name);
    } else if (verdictIn(inResponse) === 'block') {
      return this.withhold(pending, record, findings, 'The result was withheld');
    }
    if (hidden.size > 0) outgoing = { ...response, result: withoutTools(result, hidden) };
    this.deps.sink.write({ record, findings });
    return pass(this.redacted(outgoing, record, inResponse));
  }

  /**
   * An upstream error reaches the agent as the model's input too (its message often quotes what
   * the tool read): it is scanned like a result, its secrets masked, and withheld on a block rule.
   */
  private async checkError(pending: Pending, response: JsonRpcError): Promise<InterceptResult> {
    const text = errorText(response.error);
    if (text === null) return this.unreadable(pending, response, 'error', true);
    const record = this.record(pending, text, true, null);
    const scanned = await this.scanAnswer(pending, record, response, 'error');
    if ('failed' in scanned) return scanned.failed;
    const { findings } = scanned;
    const inResponse = findingsIn(findings, 'response');
    if (verdictIn(inResponse) === 'block') {
      return this.withhold(pending, record, findings, "The server's error was withheld");
    }
    this.deps.sink.write({ record, findings });
    return pass(this.redacted(response, record, inResponse));
  }

  /** The engine's findings on a server answer's event, or, when detection throws, what the fail mode answers. */
  private async scanAnswer(
    pending: Pending,
    record: ProxyEventRecord,
    response: JsonRpcMessage,
    what: 'result' | 'error',
  ): Promise<{ engine: DetectionEngine; findings: Finding[] } | { failed: InterceptResult }> {
    try {
      const engine = await this.deps.engine();
      return { engine, findings: [...engine.scan(scanEventOf(record, this.deps.server.id)).findings] };
    } catch (error) {
      this.deps.log?.(`detection failed on a ${pending.request.method} ${what}: ${(error as Error).message}`);
      return {
        failed: this.unchecked(
          pending,
          record,
          response,
          `Sentinel could not check this ${what} (detection failed)`,
        ),
      };
    }
  }

  /** An answer nested too deeply to serialize cannot be read, so it is not checked either. */
  private unreadable(
    pending: Pending,
    response: JsonRpcMessage,
    what: 'result' | 'error',
    isError: boolean,
  ): InterceptResult {
    this.deps.log?.(`a ${pending.request.method} ${what} nests too deeply to read; not checked`);
    const record = this.record(pending, UNREADABLE_ANSWER, isError, null);
    return this.unchecked(
      pending,
      record,
      response,
      `Sentinel could not read this ${what} (it nests too deeply)`,
    );
  }

  /** What the fail mode answers for an answer that was not checked: passed as it is, or withheld. */
  private unchecked(
    pending: Pending,
    record: ProxyEventRecord,
    response: JsonRpcMessage,
    cause: string,
  ): InterceptResult {
    this.deps.sink.write({ record, findings: null });
    if (this.deps.failMode === 'open') return pass(response);
    return { forward: blockedAnswer(pending.request, `${cause} and is set to fail closed`), reply: null };
  }

  /** Records the answer as blocked; the agent gets Sentinel's answer naming the block rules instead. */
  private withhold(
    pending: Pending,
    record: ProxyEventRecord,
    findings: Finding[],
    outcome: string,
  ): InterceptResult {
    this.deps.sink.write({ record: withSentinel(record, { action: 'block' }), findings });
    const rules = rulesWith(findingsIn(findings, 'response'), 'block');
    return { forward: blockedAnswer(pending.request, `${explain(rules)}. ${outcome}`), reply: null };
  }

  /** `message` with the values of the redact findings masked, or `message` itself when there are none. */
  private redacted(message: JsonRpcMessage, record: ProxyEventRecord, inResponse: Finding[]): JsonRpcMessage {
    if (!inResponse.some((finding) => finding.action === 'redact')) return message;
    return maskValues(message, secretsOf(scanEventOf(record, this.deps.server.id), inResponse));
  }

  /** Pins or compares the listed tools; a change adds a finding under the drift rule. */
  private async reviewTools(
    result: Record<string, unknown>,
    engine: DetectionEngine,
    findings: Finding[],
  ): Promise<readonly ToolChange[]> {
    const tools = toolDefinitionsOf(result);
    let changes: readonly ToolChange[];
    try {
      changes = await this.deps.pins!.review(this.deps.server.id, tools);
    } catch (error) {
      this.deps.log?.(`tool pinning failed: ${(error as Error).message}`);
      return [];
    }
    const rule = engine.rules.find((candidate) => candidate.id === TOOL_CHANGED_RULE);
    if (rule === undefined || !rule.enabled) return changes;
    for (const change of changes) {
      const index = tools.findIndex((tool) => tool.name === change.name);
      const tool = tools[index];
      if (tool === undefined) continue;
      findings.push(changedToolFinding(rule, index, tool.description, change));
    }
    return changes;
  }

  // --- pairing ----------------------------------------------------------------------------------

  private pending(
    request: JsonRpcRequest,
    session: ProxySession,
    direction: 'client' | 'server',
    sentinel: Record<string, unknown> | null,
  ): Pending {
    return {
      request,
      tool: toolOf(request),
      arguments: argumentsOf(request),
      startedAt: this.now(),
      session,
      direction,
      sentinel,
    };
  }

  private track(pending: Pending): void {
    this.fromClient.set(idKey(pending.request.id), pending);
  }

  private cancel(map: Map<string, Pending>, params: unknown, session: ProxySession): void {
    const requestId = (params as { requestId?: unknown } | undefined)?.requestId;
    if (typeof requestId !== 'string' && typeof requestId !== 'number') return;
    const key = idKey(requestId);
    const pending = map.get(key);
    if (pending === undefined || pending.session.sessionId !== session.sessionId) return;
    map.delete(key);
    const reason = (params as { reason?: unknown }).reason;
    this.emit(
      pending,
      `cancelled by the ${pending.direction === 'client' ? 'client' : 'server'}${typeof reason === 'string' ? `: ${reason}` : ''}`,
      true,
      null,
    );
  }

  /** Pairs a response from the map; unknown ids pass unrecorded. */
  private settle(
    map: Map<string, Pending>,
    message: JsonRpcMessage,
    sentinel: Record<string, unknown> | null,
  ): void {
    if (!(isResult(message) || isErrorResponse(message)) || message.id === undefined) return;
    const key = idKey(message.id);
    const pending = map.get(key);
    if (pending === undefined) return;
    map.delete(key);
    if (isErrorResponse(message))
      this.emit(pending, errorText(message.error) ?? UNREADABLE_ANSWER, true, sentinel);
    else
      this.emit(
        pending,
        resultText(pending.request.method, message.result) ?? UNREADABLE_ANSWER,
        false,
        sentinel,
      );
  }

  private async finish(
    pending: Pending,
    response: string,
    isError: boolean,
    sentinel: Record<string, unknown> | null,
  ): Promise<void> {
    const record = this.record(pending, response, isError, sentinel);
    let findings: Finding[] | null = null;
    try {
      findings = [...(await this.deps.engine()).scan(scanEventOf(record, this.deps.server.id)).findings];
    } catch {
      // The pipeline scans it again; the event is kept either way.
    }
    this.deps.sink.write({ record, findings });
  }

  /** An event recorded without an inline scan (the pipeline scans it). */
  private emit(
    pending: Pending,
    response: string,
    isError: boolean,
    sentinel: Record<string, unknown> | null,
  ): void {
    this.deps.sink.write({ record: this.record(pending, response, isError, sentinel), findings: null });
  }

  private record(
    pending: Pending,
    response: string,
    isError: boolean,
    extra: Record<string, unknown> | null,
  ): ProxyEventRecord {
    const finished = this.now();
    const sentinel = pending.sentinel === null && extra === null ? null : { ...pending.sentinel, ...extra };
    return {
      id: newId(),
      timestamp: new Date(pending.startedAt).toISOString(),
      session_id: pending.session.sessionId,
      client: clientName(pending.session),
      method: pending.request.method,
      tool: pending.tool,
      arguments: pending.arguments,
      response,
      is_error: isError,
      duration_ms: Math.max(0, finished - pending.startedAt),
      metadata: {
        transport: pending.session.transport,
        direction: pending.direction === 'client' ? 'agent_to_server' : 'server_to_agent',
        jsonrpc_id: pending.request.id,
        server_name: this.deps.server.name,
        ...(pending.session.protocolVersion ? { protocol_version: pending.session.protocolVersion } : {}),
        ...(sentinel === null ? {} : { sentinel }),
        // Tells the pipeline the proxy's pins judged this list (its drift check is authoritative).
        ...(pending.request.method === 'tools/list' && this.deps.pins !== null ? { tool_pins: 'proxy' } : {}),
      },
    };
  }
}

function withSentinel(record: ProxyEventRecord, sentinel: Record<string, unknown>): ProxyEventRecord {
  return { ...record, metadata: { ...record.metadata, sentinel } };
}

function blockedText(reason: string): string {
  return `Blocked by MCP Sentinel: ${reason}.`;
}

/** What the agent gets instead: a tool error for tools/call (the model reads it), else a JSON-RPC error. */
function blockedAnswer(request: JsonRpcRequest, reason: string): JsonRpcMessage {
  const text = blockedText(reason);
  return request.method === 'tools/call'
    ? { jsonrpc: '2.0', id: request.id, result: { content: [{ type: 'text', text }], isError: true } }
    : errorResponse(request.id, BLOCKED_ERROR_CODE, text);
}
