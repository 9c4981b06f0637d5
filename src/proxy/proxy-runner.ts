import { join } from 'node:path';
import type { DetectionEngine } from '../detect/index.js';
import type { Approver } from './approver.js';
import { createInterceptor, type FailMode } from './interceptor.js';
import { BufferedSink, type Deliver } from './sinks/buffered-sink.js';
import { DeadLetterFile, DiskBuffer } from './sinks/disk-buffer.js';
import { EventJournal } from './sinks/event-journal.js';
import { runStdioProxy } from './stdio/stdio-proxy.js';
import type { ToolPinGuard } from './tool-pin-guard.js';

export interface StdioProxyRun {
  readonly command: string;
  readonly args: readonly string[];
  readonly server: { readonly id: string; readonly name: string };
  engine(): DetectionEngine | Promise<DetectionEngine>;
  readonly pins: ToolPinGuard | null;
  readonly approver: Approver;
  readonly approvalTimeoutMs: number;
  readonly failMode: FailMode;
  readonly upstreamTimeoutMs: number;
  /** Where events go (the local store or a remote webhook). */
  readonly deliver: Deliver;
  /** Folder of the on-disk buffer and dead-letter file for this server. */
  readonly bufferDir: string;
  readonly io: {
    readonly input: NodeJS.ReadableStream;
    readonly output: NodeJS.WritableStream;
    readonly errorOutput: NodeJS.WritableStream;
  };
  readonly env?: NodeJS.ProcessEnv;
  readonly signals?: readonly NodeJS.Signals[];
}

/** Runs one stdio proxy session end to end; resolves with the server's exit status once events are safe. */
export async function runProxySession(run: StdioProxyRun): Promise<number> {
  const log = (message: string) => run.io.errorOutput.write(`mcp-sentinel proxy: ${message}\n`);
  const sink = new BufferedSink({
    deliver: run.deliver,
    buffer: new DiskBuffer(run.bufferDir),
    deadLetter: new DeadLetterFile(join(run.bufferDir, 'dead-letter.jsonl')),
    journal: new EventJournal(run.bufferDir, log),
    log,
  });
  sink.start();
  const code = await runStdioProxy({
    command: run.command,
    args: run.args,
    ...(run.env ? { env: run.env } : {}),
    input: run.io.input,
    output: run.io.output,
    errorOutput: run.io.errorOutput,
    upstreamTimeoutMs: run.upstreamTimeoutMs,
    ...(run.signals ? { signals: run.signals } : {}),
    interceptor: (hooks) =>
      createInterceptor({
        server: run.server,
        engine: run.engine,
        sink,
        pins: run.pins,
        approver: run.approver,
        approvalTimeoutMs: run.approvalTimeoutMs,
        failMode: run.failMode,
        askClient: hooks.askClient,
        log,
      }),
  });
  await sink.close();
  return code;
}

/** The buffer folder of one server under the data dir. */
export function bufferDirFor(dataDir: string, serverId: string): string {
  return join(dataDir, 'proxy-buffer', serverId.replace(/[^\w.-]/g, '_'));
}
