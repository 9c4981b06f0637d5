import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { type Application, createApplication } from '../../src/app/index.js';
import { type Config, loadConfig } from '../../src/config/index.js';
import type { Backend, TestDatabase } from './test-stores.js';

export const TEST_SECRET_KEY = 'a'.repeat(64);

export interface TestApp {
  readonly app: Application;
  readonly http: FastifyInstance;
  readonly database: TestDatabase;
  readonly adminKey: string;
  /** Injects a request with the admin key (or `key`, or none with `key: null`). */
  request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: unknown;
    key?: string | null;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A real application over a real database, served in process through fastify.inject. */
export async function createTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  now?: () => Date,
): Promise<TestApp> {
  const database = await backend.create();
  const store = await database.open();
  const config: Config = loadConfig({ SENTINEL_LOG_LEVEL: 'silent', ...env });
  const app = createApplication(config, store, { secretKey: TEST_SECRET_KEY, ...(now ? { now } : {}) });
  const bootstrap = await app.apiKeys.bootstrap(null);
  if (bootstrap === null) throw new Error('expected a fresh database');
  const http = await buildApi(app, { version: 'test', logger: false });
  const adminKey = bootstrap.key;
  return {
    app,
    http,
    database,
    adminKey,
    request: ({ method, url, body, key, headers }) =>
      http.inject({
        method,
        url,
        headers: {
          ...(key === null ? {} : { authorization: `Bearer ${key ?? adminKey}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    close: async () => {
      await http.close();
      await app.drain();
      await store.close();
      await database.drop();
    },
  };
}

/** Registers a server over the API and returns what the create call returned. */
export async function registerServer(
  t: TestApp,
  body: Record<string, unknown> = { name: 'files', type: 'filesystem' },
): Promise<{ id: string; apiKey?: string; hmacSecret?: string; webhookPath: string }> {
  const response = await t.request({ method: 'POST', url: '/api/servers', body });
  if (response.statusCode !== 201)
    throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const created = response.json() as {
    server: { id: string };
    webhookPath: string;
    credentials: { apiKey?: string; hmacSecret?: string };
  };
  return { id: created.server.id, webhookPath: created.webhookPath, ...created.credentials };
}
