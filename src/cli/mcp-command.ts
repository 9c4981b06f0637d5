import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Principal } from '../core/index.js';
import { createSentinelMcpServer } from '../mcp/index.js';
import { type CliIo, packageVersion, startRuntime } from './runtime.js';
import { UsageError } from './usage-error.js';

/**
 * `mcp-sentinel mcp`: Sentinel's MCP server over stdio, on the same store a running `serve` uses
 * (SQLite allows several processes on one file). Whoever can start it can already open that
 * store, so the caller is a local admin-equivalent principal unless SENTINEL_MCP_ROLE narrows it.
 * stdout carries JSON-RPC only; everything else goes to stderr.
 */
export async function mcpCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0)
    throw new UsageError('mcp takes no arguments; settings come from SENTINEL_* variables');
  const app = await startRuntime(io.env);
  const principal: Principal = {
    keyId: 'local-stdio',
    name: `local stdio (${app.config.mcp.stdioRole})`,
    role: app.config.mcp.stdioRole,
  };
  const server = await createSentinelMcpServer(app, principal, {
    version: packageVersion(),
    logError: (error, reference) =>
      io.stderr.write(
        `mcp-sentinel: tool failed (reference ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
  });
  const transport = new StdioServerTransport(process.stdin, process.stdout);
  return new Promise<number>((resolve) => {
    let closing = false;
    const close = async () => {
      if (closing) return;
      closing = true;
      await server.close().catch(() => undefined);
      await app.drain();
      await app.store.close();
      resolve(0);
    };
    transport.onclose = () => void close();
    process.stdin.once('end', () => void close());
    process.once('SIGTERM', () => void close());
    process.once('SIGINT', () => void close());
    server.connect(transport).catch((error: unknown) => {
      io.stderr.write(`mcp-sentinel: ${(error as Error).message}\n`);
      void close();
    });
  });
}
