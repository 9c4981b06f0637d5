import { readFileSync } from 'node:fs';
import { type Application, createApplication, resolveSecretKey } from '../app/index.js';
import { type Config, loadConfig } from '../config/index.js';
import { openStore } from '../store/index.js';

/** The composition root: config -> store -> application, built once per process. */
export async function startRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Application> {
  const config: Config = loadConfig(env);
  const secretKey = resolveSecretKey(config, (message) =>
    process.stderr.write(`mcp-sentinel: warning: ${message}\n`),
  );
  const store = await openStore(config);
  return createApplication(config, store, { secretKey });
}

export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Output streams, injectable so commands can be tested in process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
