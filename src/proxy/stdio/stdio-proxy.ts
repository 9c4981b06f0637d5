import { spawn } from 'node:child_process';
import { newId } from '../../core/index.js';
import { createClientRequester } from '../client-requester.js';
import type { InterceptResult, McpInterceptor } from '../interceptor.js';
import {
  errorResponse,
  idKey,
  isRequest,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcRequest,
  looksLikeJsonRpc,
  UPSTREAM_ERROR_CODE,
} from '../json-rpc.js';
import { OrderedDelivery } from '../ordered-delivery.js';
import { createSession } from '../proxy-session.js';
import { LineSplitter } from './line-splitter.js';

export interface StdioProxyOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** The agent's side: what it writes to us, and where our answers go. */
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Where the server's stderr and our own diagnostics go. */
  readonly errorOutput: NodeJS.WritableStream;
  /** Builds the interceptor once the proxy can send requests to the client (elicitation). */
  interceptor(hooks: {
    askClient(request: { method: string; params?: Record<string, unknown> }): Promise<JsonRpcMessage>;
  }): McpInterceptor;
  /** A request unanswered this long gets a JSON-RPC error (0: wait forever). */
  readonly upstreamTimeoutMs: number;
  /** How long a client request may wait for an approval before later messages overtake it. */
  readonly holdReleaseMs?: number;
  /** Signals forwarded to the server (the CLI passes SIGINT and SIGTERM). */
  readonly signals?: readonly NodeJS.Signals[];
}

/** How long an agent may take to end its side before the server is asked to stop. */
const CHILD_GRACE_MS = 5_000;

/**
 * Runs an MCP server as a child process and relays newline-delimited JSON-RPC between the agent
 * (our stdin/stdout) and the server, through the interceptor. Messages the interceptor does not
 * change are written as the very bytes received. Resolves with the server's exit status.
 */
export function runStdioProxy(options: StdioProxyOptions): Promise<number> {
  return new Promise((resolveExit) => {
    const log = (message: string) => options.errorOutput.write(`mcp-sentinel proxy: ${message}\n`);
    const child = spawn(options.command, [...options.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      windowsHide: true,
    });
    // stdio has no session id; one per proxy run groups an agent session's events.
    const session = createSession('stdio', newId());
    const toAgent = (line: string) => options.output.write(`${line}\n`);
    let childAlive = true;
    const toServer = (line: string) => {
      if (childAlive && child.stdin.writable) child.stdin.write(`${line}\n`);
    };
    const requester = createClientRequester((request) => toAgent(JSON.stringify(request)));
    const interceptor = options.interceptor({
      askClient: (request) => requester.ask(request, 24 * 3600_000),
    });
    const onError = (error: unknown) => log(`internal error: ${(error as Error).message}`);
    const holdMs = options.holdReleaseMs ?? 100;
    const clientOrder = new OrderedDelivery<InterceptResult>(holdMs, onError);
    const serverOrder = new OrderedDelivery<InterceptResult>(holdMs, onError);
    /** Agent requests forwarded to the server and not answered yet, with their timeout timers. */
    const inFlight = new Map<string, { id: JsonRpcId; timer: NodeJS.Timeout | undefined }>();

    /** Requests the proxy already answered with an error (timeout): a late answer is dropped. */
    const abandoned = new Set<string>();

    const fromServer = (message: JsonRpcMessage, raw: string | null) => {
      if (raw !== null && !('method' in message) && message.id !== undefined) {
        const key = idKey(message.id);
        if (abandoned.delete(key)) return;
        const entry = inFlight.get(key);
        if (entry !== undefined) {
          clearTimeout(entry.timer);
          inFlight.delete(key);
        }
      }
      serverOrder.push(interceptor.onServerMessage(message, session), (result) => {
        deliver(result, message, raw, toAgent, toServer);
      });
    };

    /** Answers the agent for the server, through the interceptor so the event is recorded too. */
    const failRequest = (id: JsonRpcId, reason: string) => {
      const entry = inFlight.get(idKey(id));
      if (entry === undefined) return;
      clearTimeout(entry.timer);
      inFlight.delete(idKey(id));
      if (childAlive) abandoned.add(idKey(id));
      fromServer(errorResponse(id, UPSTREAM_ERROR_CODE, reason), null);
    };

    const fromClient = (message: JsonRpcMessage, raw: string | null) => {
      if (requester.accept(message)) return;
      clientOrder.push(interceptor.onClientMessage(message, session), (result) => {
        if (result.forward !== null && isRequest(result.forward)) track(result.forward);
        deliver(result, message, raw, toServer, toAgent);
      });
    };

    const clientLines = new LineSplitter((line) => {
      const parsed = parse(line);
      if (Array.isArray(parsed)) {
        // A JSON-RPC batch (MCP 2025-03-26): each message is checked on its own, never waved through.
        for (const item of parsed) if (looksLikeJsonRpc(item)) fromClient(item, null);
      } else if (parsed === null) {
        toServer(line);
      } else {
        fromClient(parsed, line);
      }
    });

    const track = (request: JsonRpcRequest) => {
      const timer =
        options.upstreamTimeoutMs > 0
          ? setTimeout(
              () =>
                failRequest(
                  request.id,
                  `the MCP server did not answer ${request.method} within ${Math.round(options.upstreamTimeoutMs / 1000)} s`,
                ),
              options.upstreamTimeoutMs,
            )
          : undefined;
      timer?.unref();
      inFlight.set(idKey(request.id), { id: request.id, timer });
      if (!childAlive) failRequest(request.id, 'the MCP server is not running');
    };

    const serverLines = new LineSplitter((line) => {
      const message = parse(line);
      if (message === null || Array.isArray(message)) {
        // Servers that log to stdout break the protocol; keep it off the agent's stream.
        log(`ignored a line from the server that is not JSON-RPC: ${line.slice(0, 200)}`);
        return;
      }
      fromServer(message, line);
    });

    child.stdout.on('data', (chunk: Buffer) => serverLines.push(chunk));
    child.stderr.pipe(options.errorOutput, { end: false });
    child.stdin.on('error', () => {
      // EPIPE when the server died: its exit is handled below.
    });

    const onData = (chunk: Buffer | string) =>
      clientLines.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const onEnd = () => {
      clientLines.end();
      // The agent is gone: let the server see EOF, then stop it if it lingers.
      void clientOrder.idle().then(() => {
        child.stdin.end();
        setTimeout(() => {
          if (childAlive) child.kill('SIGTERM');
        }, CHILD_GRACE_MS).unref();
      });
    };
    options.input.on('data', onData);
    options.input.on('end', onEnd);

    const forwardSignal = (signal: NodeJS.Signals) => {
      if (childAlive) child.kill(signal);
    };
    for (const signal of options.signals ?? []) process.on(signal, forwardSignal);

    let exitCode: number | null = null;
    const finish = async (code: number) => {
      if (exitCode !== null) return;
      exitCode = code;
      childAlive = false;
      serverLines.end();
      for (const entry of [...inFlight.values()]) {
        failRequest(entry.id, `the MCP server exited (status ${code}) before answering`);
      }
      await serverOrder.idle();
      requester.close();
      await interceptor.close();
      options.input.off('data', onData);
      options.input.off('end', onEnd);
      for (const signal of options.signals ?? []) process.off(signal, forwardSignal);
      resolveExit(code);
    };

    child.on('error', (error) => {
      log(`cannot start "${options.command}": ${error.message}`);
      void finish(127);
    });
    child.on('exit', (code, signal) => {
      const status = code ?? (signal === null ? 1 : 128 + signalNumber(signal));
      // Let the last stdout bytes arrive before failing what is still in flight.
      child.stdout.once('close', () => void finish(status));
      if (child.stdout.closed) void finish(status);
    });
  });
}

function parse(line: string): JsonRpcMessage | unknown[] | null {
  try {
    const value: unknown = JSON.parse(line);
    if (Array.isArray(value)) return value;
    return looksLikeJsonRpc(value) ? value : null;
  } catch {
    return null;
  }
}

/** Writes what the interceptor decided: the received bytes when the message is unchanged. */
function deliver(
  result: InterceptResult,
  received: JsonRpcMessage,
  raw: string | null,
  forward: (line: string) => void,
  reply: (line: string) => void,
): void {
  if (result.forward !== null) {
    forward(result.forward === received && raw !== null ? raw : JSON.stringify(result.forward));
  }
  if (result.reply !== null) reply(JSON.stringify(result.reply));
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function signalNumber(signal: NodeJS.Signals): number {
  return SIGNALS[signal] ?? 1;
}
