import { ConfigError } from '../config/index.js';
import { SentinelError } from '../core/index.js';
import { ingestCommand } from './ingest-command.js';
import { mcpCommand } from './mcp-command.js';
import { proxyCommand } from './proxy-command.js';
import { queryCommand } from './query-command.js';
import { type CliIo, packageVersion, processIo } from './runtime.js';
import { scanCommand } from './scan-cli.js';
import { serveCommand } from './serve-command.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: mcp-sentinel <command> [options]

Commands:
  serve                          Start the API, webhook and dashboard (default 127.0.0.1:8787)
  ingest --server ID FILE        Load a JSON array / JSONL / .gz log file into a server's events
  scan [--rules DIR]             Scan JSONL events from stdin with the rule catalogue, no server needed
  query "KQL" [--format table|json] [--timespan P7D]
                                 Run a hunting (KQL) query on the local store
  mcp                            Sentinel's own MCP server over stdio (for Claude Desktop, Cursor, ...)
  proxy [--server NAME] -- CMD   Run an MCP server behind Sentinel over stdio: record, check, block, redact
  version                        Print the version

Settings come from SENTINEL_* environment variables (see README).
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: (_args, io) => serveCommand(io),
  ingest: ingestCommand,
  mcp: mcpCommand,
  proxy: proxyCommand,
  query: queryCommand,
  scan: scanCommand,
  version: async (_args, io) => {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  },
};

/** The CLI boundary: errors become one clear line on stderr and an exit code, never a stack. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(HELP);
    return name === undefined ? 64 : 0;
  }
  if (name === '--version' || name === '-v') return COMMANDS['version']!(args, io);
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`mcp-sentinel: unknown command "${name}"\n\n${HELP}`);
    return 64;
  }
  try {
    return await command(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`mcp-sentinel: ${(error as Error).message}\nRun "mcp-sentinel --help" for usage.\n`);
    return 64;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`mcp-sentinel: ${error.message}\n`);
    return 78;
  }
  if (error instanceof SentinelError) {
    const details = error.details.map((d) => `\n  ${d.path ? `${d.path}: ` : ''}${d.message}`).join('');
    io.stderr.write(`mcp-sentinel: ${error.message}${details}\n`);
    return 1;
  }
  io.stderr.write(`mcp-sentinel: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
