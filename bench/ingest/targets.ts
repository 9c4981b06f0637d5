/** The servers under load: a real Sentinel (`serve`, from source) and the bare-HTTP baseline. */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Backend } from './backends.js';
import { freePort, spawnScript, startCommandNodeFlags, waitHealthy } from './processes.js';

export interface Target {
  readonly url: string;
  readonly child: ChildProcess;
}

export interface SentinelTarget extends Target {
  readonly adminKey: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A preset admin key in the `msk_<12 alphanumerics>_<secret>` format the config accepts. */
function adminKey(): string {
  const prefix = Array.from(randomBytes(12), (byte) => ALNUM[byte % ALNUM.length]).join('');
  return `msk_${prefix}_${randomBytes(32).toString('base64url')}`;
}

export async function startBaseline(): Promise<Target> {
  const port = await freePort();
  const child = spawnScript('baseline-server.ts', [String(port)]);
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, child);
  return { url, child };
}

/**
 * `serve` with the backend's store. Other SENTINEL_* variables in the caller's environment pass
 * through (e.g. SENTINEL_SQLITE_SYNCHRONOUS), except the ones the benchmark must own.
 */
export async function startSentinel(
  backend: Backend,
  nodeArgs: readonly string[] = [],
): Promise<SentinelTarget> {
  const port = await freePort();
  const key = adminKey();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['SENTINEL_DATABASE_URL', 'SENTINEL_CONFIG_FILE', 'SENTINEL_SECRET_KEY'])
    delete env[name];
  Object.assign(env, backend.env, {
    SENTINEL_HOST: '127.0.0.1',
    SENTINEL_PORT: String(port),
    SENTINEL_ADMIN_KEY: key,
    // High rather than 0: the per-request rate-window bookkeeping (a store write) stays in the path,
    // as in production, but never answers 429. Set it in the environment to try another value.
    SENTINEL_WEBHOOK_RATE_LIMIT: process.env['SENTINEL_WEBHOOK_RATE_LIMIT'] ?? '100000000',
    SENTINEL_LOG_LEVEL: 'warn',
    SENTINEL_LOG_REQUESTS: 'false',
  });
  const child = spawnScript('sentinel-entry.ts', ['serve'], {
    env,
    nodeArgs: [...startCommandNodeFlags(), ...nodeArgs],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, child);
  return { url, child, adminKey: key };
}

async function api<T>(target: SentinelTarget, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(target.url + path, {
    ...init,
    headers: { authorization: `Bearer ${target.adminKey}`, 'content-type': 'application/json' },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Registers an MCP server that authenticates webhooks by API key; returns its id and key. */
export async function registerServer(
  target: SentinelTarget,
  name: string,
): Promise<{ id: string; apiKey: string }> {
  const created = await api<{ server: { id: string }; credentials: { apiKey: string } }>(
    target,
    '/api/servers',
    {
      method: 'POST',
      body: JSON.stringify({ name, type: 'filesystem', auth: { apiKey: true } }),
    },
  );
  return { id: created.server.id, apiKey: created.credentials.apiKey };
}

/** The newest stored event of a server through the REST API (proves the read path sees the writes). */
export async function newestEvent(
  target: SentinelTarget,
  serverId: string,
): Promise<{ serverId: string; tool: string | null } | null> {
  const page = await api<{ items: { serverId: string; tool: string | null }[] }>(
    target,
    `/api/events?server=${encodeURIComponent(serverId)}&limit=1`,
  );
  return page.items[0] ?? null;
}
