import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_PRINCIPAL } from '../app/index.js';
import { ProgressBar } from './progress-bar.js';
import { type CliIo, startRuntime } from './runtime.js';
import { UsageError } from './usage-error.js';

/** Exit codes: 0 every line stored (or already there), 2 some lines rejected, 1 the upload failed. */
export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { server: { type: 'string', short: 's' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (!values.server) throw new UsageError('ingest needs --server <server id>');
  if (positionals.length !== 1 || !positionals[0])
    throw new UsageError('ingest needs exactly one FILE (JSON array, JSONL, or .gz of either)');
  const file = positionals[0];
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const app = await startRuntime(io.env);
  const stream = createReadStream(file);
  // Read errors reach us through the upload's async iteration; this only stops an unread stream's
  // late open error (e.g. when the server id was refused first) from crashing the process.
  stream.on('error', () => {});
  try {
    const bar = new ProgressBar(io.stderr, size);
    let bytes = 0;
    let accepted = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
    });
    const report = await app.ingest.upload(SYSTEM_PRINCIPAL, values.server, stream, (progress) => {
      accepted = progress.accepted;
      bar.update(bytes, `${progress.items} events, ${accepted} stored`);
    });
    bar.finish(size, `${report.accepted} stored`);
    if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      io.stdout.write(
        `stored ${report.accepted}, already present ${report.duplicates}, rejected ${report.rejectedCount}\n`,
      );
      for (const item of report.rejected) io.stdout.write(`  line ${item.line ?? '?'}: ${item.reason}\n`);
      if (report.rejectedCount > report.rejected.length) {
        io.stdout.write(`  ... and ${report.rejectedCount - report.rejected.length} more\n`);
      }
    }
    return report.rejectedCount > 0 ? 2 : 0;
  } finally {
    stream.destroy();
    await app.drain();
    await app.store.close();
  }
}
