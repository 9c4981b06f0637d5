import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { type Application, createApplication } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { Store } from '../../src/store/index.js';
import { createTestApp, registerServer, TEST_SECRET_KEY, type TestApp } from '../support/test-app.js';
import type { Backend, TestDatabase } from '../support/test-stores.js';

const EVERYTHING = 'node_modules/@modelcontextprotocol/server-everything/dist/index.js';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** The reference server-everything in its streamable HTTP mode, as a real child process. */
export interface Upstream {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export async function startEverything(port?: number): Promise<Upstream> {
  // A free port can be taken by another test process before the child binds it: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnEverything(port ?? (await freePort()));
    } catch (error) {
      if (port !== undefined || attempt === 3) throw error;
    }
  }
}

async function spawnEverything(chosen: number): Promise<Upstream> {
  const child = spawn(process.execPath, [EVERYTHING, 'streamableHttp'], {
    env: { ...process.env, PORT: String(chosen) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server-everything did not start: ${stderr}`));
    }, 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('listening on port')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server-everything exited ${code}: ${stderr}`)));
  });
  child.stderr?.resume();
  return {
    url: `http://127.0.0.1:${chosen}/mcp`,
    port: chosen,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

/** A Sentinel node listening on a real port (the SDK clients need one). */
export interface GatewayNode {
  readonly app: Application;
  readonly http: FastifyInstance;
  readonly base: string;
}

export async function listen(http: FastifyInstance): Promise<string> {
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** A test app (fresh database) listening on a port, with a server registered in front of `upstreamUrl`. */
export async function startGateway(
  backend: Backend,
  upstreamUrl: string,
  env: Record<string, string> = {},
): Promise<{ t: TestApp; base: string; serverId: string }> {
  const t = await createTestApp(backend, env);
  const base = await listen(t.http);
  const { id } = await registerServer(t, { name: 'everything', type: 'other', endpointUrl: upstreamUrl });
  return { t, base, serverId: id };
}

/** A second node over the same database (another process would do the same). */
export async function secondNode(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<GatewayNode & { store: Store; close(): Promise<void> }> {
  const store = await database.open();
  const app = createApplication(loadConfig({ SENTINEL_LOG_LEVEL: 'silent', ...env }), store, {
    secretKey: TEST_SECRET_KEY,
  });
  const http = await buildApi(app, { version: 'test', logger: false });
  const base = await listen(http);
  return {
    app,
    http,
    base,
    store,
    close: async () => {
      await http.close();
      await app.drain();
      await store.close();
    },
  };
}

export function gatewayUrl(base: string, serverId: string, path: 'mcp' | 'sse' = 'mcp'): URL {
  return new URL(`${base}/gateway/${serverId}/${path}`);
}

/** The official SDK client over streamable HTTP, authenticated with a Sentinel key. */
export async function connectStreamable(
  base: string,
  serverId: string,
  key: string,
  capabilities: Record<string, unknown> = {},
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(gatewayUrl(base, serverId), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'gateway-test', version: '1.0.0' }, { capabilities });
  await client.connect(transport);
  return { client, transport };
}

/** The official SDK client over the 2024-11-05 HTTP+SSE transport. */
export async function connectSse(base: string, serverId: string, key: string): Promise<Client> {
  const headers = { 'x-mcp-api-key': key };
  const transport = new SSEClientTransport(gatewayUrl(base, serverId, 'sse'), {
    requestInit: { headers },
    eventSourceInit: {
      fetch: (url, init) =>
        fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }),
    },
  });
  const client = new Client({ name: 'gateway-sse-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Raw POST helper for protocol-level checks the SDK would never send. */
export async function rawPost(
  url: URL | string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}

export function initializeBody(id = 1): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
  };
}

/** Waits until `check` is true (events reach the store asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}

export type { Server };
