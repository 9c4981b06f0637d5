import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/runtime.js';

/** In-memory stdout/stderr for running CLI commands in process. */
export function captureIo(env: Record<string, string>): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  return { stdout, stderr, env, out: () => out, err: () => err };
}
