import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApi } from '../../src/api/index.js';
import { DASHBOARD_CSP } from '../../src/api/routes/dashboard.js';
import { createApplication } from '../../src/app/index.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

/** A second application over the test app's store, so each API can have its own dashboard dir. */
function buildWith(t: TestApp, dashboardDir: string) {
  const app = createApplication(t.app.config, t.app.store, { secretKey: TEST_SECRET_KEY });
  return buildApi(app, { version: 'test', logger: false, dashboardDir });
}

/** A stand-in build with the shape Vite produces, so these tests do not depend on `npm run build`. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-web-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="app"></div></body></html>',
  );
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'document.title = "ok";');
  return dir;
}

describe('dashboard serving', () => {
  let t: TestApp;
  let dir: string;
  let http: Awaited<ReturnType<typeof buildApi>>;
  before(async () => {
    t = await createTestApp(BACKENDS[0]!);
    dir = fakeBuild();
    http = await buildWith(t, dir);
  });
  after(async () => {
    await http?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app at / with a CSP that allows no inline script', async () => {
    const response = await http.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    const csp = String(response.headers['content-security-policy']);
    assert.equal(csp, DASHBOARD_CSP);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
  });

  it('answers client routes with the app (reload on /alerts/<id> works)', async () => {
    for (const url of [
      '/alerts',
      '/alerts/0190f7c2-0000-7000-8000-000000000000',
      '/hunting?q=x',
      '/servers/new',
    ]) {
      const response = await http.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<div id="app">/, url);
      assert.ok(response.headers['content-security-policy'], url);
    }
  });

  it('serves hashed assets with long caching and the security headers', async () => {
    const response = await http.inject({ method: 'GET', url: '/assets/app.js' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /immutable/);
    assert.ok(response.headers['content-security-policy']);
  });

  it('leaves the API alone: unknown API paths and missing files are JSON 404s', async () => {
    for (const url of ['/api/nope', '/api/events/x/y', '/metrics/x', '/health/x', '/assets/missing.js']) {
      const response = await http.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      assert.equal(response.statusCode, 404, `${url}: ${response.body.slice(0, 80)}`);
      assert.equal(response.json().error.code, 'not_found', url);
    }
    const servers = await http.inject({
      method: 'GET',
      url: '/api/servers',
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    assert.equal(servers.statusCode, 200);
    assert.equal(servers.headers['content-security-policy'], undefined);
    const health = await http.inject({ method: 'GET', url: '/health' });
    assert.equal(health.json().status, 'ok');
  });

  it('says how to build the dashboard when it is missing, and the API still works', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sentinel-noweb-'));
    const bare = await buildWith(t, empty);
    try {
      const response = await bare.inject({ method: 'GET', url: '/' });
      assert.equal(response.statusCode, 503);
      assert.match(response.body, /npm run build/);
      const api = await bare.inject({ method: 'GET', url: '/api/servers' });
      assert.equal(api.statusCode, 401);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('GET /api/about names version, store and the caller, and needs a key', async () => {
    const anonymous = await http.inject({ method: 'GET', url: '/api/about' });
    assert.equal(anonymous.statusCode, 401);
    const response = await http.inject({
      method: 'GET',
      url: '/api/about',
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    assert.equal(response.statusCode, 200);
    const about = response.json();
    assert.equal(about.version, 'test');
    assert.equal(about.store, 'sqlite');
    assert.equal(about.caller.role, 'admin');
    assert.equal(about.settings.mcpWriteOps, true);
    assert.doesNotMatch(response.body, /msk_|whsec_|password|\/tmp\//i);
  });
});
