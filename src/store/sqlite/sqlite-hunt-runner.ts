import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ForbiddenError, HuntTimeoutError, ValidationError } from '../../core/index.js';
import type { HuntingRunner, HuntRunOptions, HuntRunResult } from '../hunt-runner.js';
import { SQLITE_HUNT_CHILD } from './sqlite-hunt-child.js';

interface Reply {
  readonly id: number;
  readonly rows?: unknown[][];
  readonly truncated?: boolean;
  readonly error?: string;
  readonly readOnly?: boolean;
}

/** How many hunts may run at once (each in its own child process). */
const CHILDREN = 2;

/**
 * Hunts on SQLite run in child processes that open the file `readonly` (plus `query_only`), and
 * refuse any statement better-sqlite3 does not classify as a read-only reader. A hunt past its
 * time limit gets its child SIGKILLed: the only way to stop a statement inside SQLite from Node.
 */
export function createSqliteHuntRunner(path: string): HuntingRunner {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const idle: ChildProcess[] = [];
  const all = new Set<ChildProcess>();
  const waiting: ((child: ChildProcess) => void)[] = [];
  let spawned = 0;
  let nextId = 0;
  let closed = false;

  const spawnChild = (): ChildProcess => {
    spawned += 1;
    const child = spawn(process.execPath, ['-e', SQLITE_HUNT_CHILD], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { HUNT_DB: path, HUNT_MODULE: modulePath },
    });
    child.stderr?.resume();
    // An idle child must not keep the process alive; a running hunt's timer does meanwhile.
    child.unref();
    child.channel?.unref();
    all.add(child);
    child.once('exit', () => {
      spawned -= 1;
      all.delete(child);
      const index = idle.indexOf(child);
      if (index >= 0) idle.splice(index, 1);
    });
    return child;
  };

  const acquire = (): Promise<ChildProcess> => {
    const ready = idle.pop();
    if (ready) return Promise.resolve(ready);
    if (spawned < CHILDREN) return Promise.resolve(spawnChild());
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (child: ChildProcess | null) => {
    const next = waiting.shift();
    if (next) next(child && child.exitCode === null && !child.killed ? child : spawnChild());
    else if (child && child.exitCode === null && !child.killed) idle.push(child);
  };

  const runOn = (child: ChildProcess, sql: string, params: readonly unknown[], options: HuntRunOptions) =>
    new Promise<HuntRunResult>((resolve, reject) => {
      nextId += 1;
      const id = nextId;
      const finish = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        finish();
        release(child);
        if (reply.error !== undefined) {
          reject(
            reply.readOnly
              ? new ForbiddenError('hunting queries are read-only')
              : new ValidationError(`the query failed in the database: ${reply.error.slice(0, 300)}`),
          );
        } else {
          resolve({ rows: reply.rows ?? [], truncated: reply.truncated ?? false });
        }
      };
      const onExit = () => {
        finish();
        release(null);
        reject(new ValidationError('the query stopped the hunting process; try a smaller query'));
      };
      const timer = setTimeout(() => {
        finish();
        child.kill('SIGKILL');
        release(null);
        reject(new HuntTimeoutError(options.timeoutMs));
      }, options.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, sql, params, maxRows: options.maxRows });
    });

  return {
    dialect: 'sqlite',
    run: async (sql, params, options) => {
      if (closed) throw new ValidationError('the store is closed');
      return runOn(await acquire(), sql, params, options);
    },
    close: async () => {
      closed = true;
      idle.length = 0;
      for (const child of all) child.kill('SIGKILL');
    },
  };
}
