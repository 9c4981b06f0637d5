import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApi } from '../../src/api/index.js';
import { type Application, createApplication } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { TEST_SECRET_KEY } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { call, sseClient } from './mcp-clients.js';
import { createMcpFixture, type McpFixture } from './mcp-fixture.js';

const backend = BACKENDS[0];
if (backend === undefined) throw new Error('no backend');
const ALLOWED = 'https://console.example.com';
const RPC = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

/** An application on a fresh database with `env`, without an HTTP surface yet (to build it here). */
async function bareApp(
  env: Record<string, string>,
): Promise<{ app: Application; adminKey: string; close(): Promise<void> }> {
  const database = await backend!.create();
  const store = await database.open();
  const app = createApplication(loadConfig({ SENTINEL_LOG_LEVEL: 'silent', ...env }), store, {
    secretKey: TEST_SECRET_KEY,
  });
  const bootstrap = await app.apiKeys.bootstrap(null);
  return {
    app,
    adminKey: bootstrap?.key ?? '',
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

describe('/mcp protection: origins, CORS, SSE sessions', () => {
  let f: McpFixture;
  before(async () => {
    f = await createMcpFixture(backend, { SENTINEL_ALLOWED_ORIGINS: `${ALLOWED},http://localhost:3000` });
  });
  after(() => f?.close());

  const post = (headers: Record<string, string>) =>
    fetch(`${f.baseUrl}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${f.t.adminKey}`,
        ...headers,
      },
      body: RPC,
    });

  it('answers an allowed browser origin with CORS headers and refuses any other (DNS rebinding)', async () => {
    const allowed = await post({ origin: ALLOWED });
    assert.equal(allowed.status, 200, await allowed.clone().text());
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    const tools = ((await allowed.json()) as { result: { tools: unknown[] } }).result.tools;
    assert.ok(tools.length > 10);
    // A rebinding page keeps its own origin even when its host name resolves to 127.0.0.1.
    const rebound = await post({ origin: 'http://attacker.example:8787', host: '127.0.0.1' });
    assert.equal(rebound.status, 403);
    assert.match(await rebound.text(), /Origin not allowed/);
    const local = await post({ origin: 'http://localhost:6274' });
    assert.equal(local.status, 200, 'a loopback origin cannot be a rebinding attack');
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:6274');
    const lookalike = await post({ origin: 'http://localhost.attacker.example' });
    assert.equal(lookalike.status, 403);
  });

  it('answers the CORS preflight for allowed origins only', async () => {
    const preflight = await fetch(`${f.baseUrl}/mcp`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-mcp-api-key/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const refused = await fetch(`${f.baseUrl}/mcp`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(refused.status, 403);
  });

  it('binds an SSE session to the key that opened it', async () => {
    const opened = await fetch(`${f.baseUrl}/mcp/sse`, {
      headers: { authorization: `Bearer ${f.keys.viewer}`, accept: 'text/event-stream' },
    });
    assert.equal(opened.status, 200);
    const reader = opened.body?.getReader();
    let text = '';
    while (!/sessionId=/.test(text)) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    const sessionId = /sessionId=([0-9a-f-]+)/.exec(text)?.[1];
    assert.ok(sessionId, text);
    const hijack = await fetch(`${f.baseUrl}/mcp/messages?sessionId=${sessionId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${f.keys.responder}` },
      body: RPC,
    });
    assert.equal(hijack.status, 403);
    const unknown = await fetch(`${f.baseUrl}/mcp/messages?sessionId=nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${f.keys.viewer}` },
      body: RPC,
    });
    assert.equal(unknown.status, 404);
    await reader?.cancel();
    const client = await sseClient(f.baseUrl, f.keys.responder);
    assert.equal(((await call(client, 'whoami')).structuredContent as { role: string }).role, 'responder');
    await client.close();
  });

  it('refuses to start with an unknown toolset', async () => {
    const t = await bareApp({ SENTINEL_MCP_TOOLSETS: 'alerts,nope' });
    try {
      await assert.rejects(buildApi(t.app, { version: 'test', logger: false }), /nope/);
    } finally {
      await t.close();
    }
  });
});

describe('TLS: serve speaks HTTPS when SENTINEL_TLS_CERT and SENTINEL_TLS_KEY are set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-tls-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves /mcp over HTTPS with the configured certificate', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    assert.equal(made.status, 0, `openssl is needed for this test: ${made.stderr?.toString()}`);
    const t = await bareApp({ SENTINEL_TLS_CERT: cert, SENTINEL_TLS_KEY: key });
    const https = await buildApi(t.app, { version: 'test', logger: false });
    try {
      await https.listen({ port: 0, host: '127.0.0.1' });
      const address = https.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/mcp',
            method: 'POST',
            ca: readFileSync(cert),
            headers: {
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              authorization: `Bearer ${t.adminKey}`,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(RPC);
      });
      assert.equal(response.status, 200, response.body);
      assert.ok((JSON.parse(response.body) as { result: { tools: unknown[] } }).result.tools.length > 10);
    } finally {
      await https.close();
      await t.close();
    }
  });

  it('refuses half a TLS configuration, or files it cannot read', async () => {
    assert.throws(() => loadConfig({ SENTINEL_TLS_CERT: '/nonexistent.pem' }), /set together/);
    const t = await bareApp({
      SENTINEL_TLS_CERT: '/nonexistent/cert.pem',
      SENTINEL_TLS_KEY: '/nonexistent/key.pem',
    });
    try {
      await assert.rejects(
        buildApi(t.app, { version: 'test', logger: false }),
        /SENTINEL_TLS_CERT: cannot read/,
      );
    } finally {
      await t.close();
    }
  });
});
