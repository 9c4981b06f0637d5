import { parseArgs } from 'node:util';
import type { Application } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import { isId, siblingModule } from '../core/index.js';
import { createEngine, loadBuiltinRules, loadRuleFiles } from '../detect/index.js';
import {
  bufferDirFor,
  createTimeoutApprover,
  guessServerType,
  remoteDelivery,
  runProxySession,
  type StdioProxyRun,
  serverNameFor,
  workerDelivery,
} from '../proxy/index.js';
import { type CliIo, startRuntime } from './runtime.js';
import { UsageError } from './usage-error.js';

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The event writer's thread entry (TypeScript when run through tsx in tests and benchmarks). */
const WORKER = siblingModule(import.meta.url, 'proxy-worker');

/**
 * `mcp-sentinel proxy [--server NAME_OR_ID] [--sentinel-url URL --sentinel-key KEY] -- CMD [ARGS...]`:
 * runs an MCP server behind Sentinel over stdio. stdout belongs to JSON-RPC: nothing else is
 * written there; diagnostics go to stderr.
 */
export async function proxyCommand(argv: string[], io: CliIo): Promise<number> {
  const split = argv.indexOf('--');
  if (split === -1 || split === argv.length - 1) {
    throw new UsageError(
      'proxy needs the MCP server command after "--" (mcp-sentinel proxy -- npx -y some-server)',
    );
  }
  const { values } = parseArgs({
    args: argv.slice(0, split),
    options: {
      server: { type: 'string' },
      'sentinel-url': { type: 'string' },
      'sentinel-key': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const [command, ...args] = argv.slice(split + 1) as [string, ...string[]];
  const remoteUrl = values['sentinel-url'];
  const base = {
    command,
    args,
    io: { input: process.stdin, output: io.stdout, errorOutput: io.stderr },
    env: io.env,
    signals: SIGNALS,
  };
  if (values['sentinel-key'] !== undefined && remoteUrl === undefined) {
    throw new UsageError('--sentinel-key goes with --sentinel-url');
  }
  try {
    if (remoteUrl !== undefined) return await runRemote(base, values, remoteUrl, io);
    return await runLocal(base, values['server'] ?? serverNameFor(command, args), io);
  } finally {
    // Our side of the agent's pipe would keep the process alive after the server is gone.
    process.stdin.destroy();
  }
}

type BaseRun = Pick<StdioProxyRun, 'command' | 'args' | 'io' | 'env' | 'signals'>;

/** Events go to this machine's store (the same SQLite file as `serve`, or PostgreSQL). */
async function runLocal(base: BaseRun, serverName: string, io: CliIo): Promise<number> {
  const app: Application = await startRuntime(io.env);
  try {
    const server = await app.proxyIngest.resolveServer(serverName, guessServerType(serverName));
    // Events are written on a worker thread so store commits never delay the relay.
    const writer = workerDelivery(WORKER, { env: { ...io.env }, serverId: server.id });
    try {
      return await runProxySession({
        ...base,
        server: { id: server.id, name: server.name },
        engine: () => app.rules.engine(),
        pins: app.toolPins,
        approver: app.approvals,
        approvalTimeoutMs: app.config.approvalTimeoutSeconds * 1000,
        failMode: app.config.proxyFailMode,
        upstreamTimeoutMs: app.config.proxyUpstreamTimeoutSeconds * 1000,
        deliver: writer.deliver,
        bufferDir: bufferDirFor(app.config.dataDir, server.id),
      });
    } finally {
      await writer.close();
    }
  } finally {
    await app.drain();
    await app.store.close();
  }
}

/**
 * Events go to a remote Sentinel's webhook. Detection still runs here (built-in rules and
 * SENTINEL_RULES_DIR), so verdicts do not wait on the network; tool pinning needs a store and is off.
 */
async function runRemote(
  base: BaseRun,
  values: { server?: string | undefined; 'sentinel-key'?: string | undefined },
  url: string,
  io: CliIo,
): Promise<number> {
  const key = values['sentinel-key'];
  const serverId = values['server'];
  if (key === undefined)
    throw new UsageError('--sentinel-url needs --sentinel-key (the server’s webhook key)');
  if (serverId === undefined || !isId(serverId)) {
    throw new UsageError('--sentinel-url needs --server with the server’s id on the remote Sentinel');
  }
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--sentinel-url is not a URL: ${url}`);
  }
  const config = loadConfig(io.env);
  const builtin = loadBuiltinRules();
  const rules =
    config.rulesDir === null
      ? builtin
      : [...builtin, ...loadRuleFiles(config.rulesDir, { existing: builtin })];
  const engine = createEngine(rules);
  return runProxySession({
    ...base,
    server: { id: serverId, name: serverNameFor(base.command, base.args) },
    engine: () => engine,
    pins: null,
    approver: createTimeoutApprover(),
    approvalTimeoutMs: config.approvalTimeoutSeconds * 1000,
    failMode: config.proxyFailMode,
    upstreamTimeoutMs: config.proxyUpstreamTimeoutSeconds * 1000,
    deliver: remoteDelivery({ url, serverId, key }),
    bufferDir: bufferDirFor(config.dataDir, serverId),
  });
}
