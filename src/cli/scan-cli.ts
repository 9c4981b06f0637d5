import { parseArgs } from 'node:util';
import type { CliIo } from './runtime.js';
import { runScanCommand } from './scan-command.js';

/** `mcp-sentinel scan [--rules DIR]`: stdin JSONL in, one verdict line per event out. */
export async function scanCommand(
  args: string[],
  io: CliIo,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { rules: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  return runScanCommand({
    ...(values.rules ? { rulesDir: values.rules } : {}),
    input,
    output: io.stdout,
    errors: io.stderr,
  });
}
