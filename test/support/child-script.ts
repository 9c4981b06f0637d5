import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';

/**
 * Writes `source` to `path` (an .mts file), runs it under tsx in a child process and returns its
 * exit code (null when it had to be killed after `timeoutMs`) and stdout: for checks that
 * something, left unclosed, does not keep a process alive.
 */
export async function runChildScript(
  path: string,
  source: string,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  writeFileSync(path, source);
  const child = spawn(process.execPath, ['--import', 'tsx', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
