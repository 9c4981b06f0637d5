import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

for (const backend of BACKENDS) {
  describe(`PUT /api/servers/:id/upstream-auth (${backend.name})`, async () => {
    const skip = await backend.skip();
    let t: TestApp;
    let serverId: string;
    let responderKey: string;

    before(async () => {
      if (skip) return;
      t = await createTestApp(backend);
      serverId = (await registerServer(t, { name: 'remote', endpointUrl: 'https://mcp.example.com/mcp' })).id;
      const created = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'resp', role: 'responder' },
      });
      responderKey = (created.json() as { key: string }).key;
    });
    after(() => (skip ? undefined : t?.close()));

    const url = () => `/api/servers/${serverId}/upstream-auth`;

    it('stores a bearer token encrypted, shows only its kind, and audits the change', { skip }, async () => {
      const put = await t.request({
        method: 'PUT',
        url: url(),
        body: { type: 'bearer', token: 'tok-very-secret-1' },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.ok(!put.body.includes('tok-very-secret-1'));
      assert.equal((put.json() as { type: string }).type, 'bearer');
      const get = await t.request({ method: 'GET', url: url() });
      assert.ok(!get.body.includes('tok-very-secret-1'));
      assert.deepEqual(
        {
          type: (get.json() as { type: string }).type,
          headerName: (get.json() as { headerName: string }).headerName,
        },
        { type: 'bearer', headerName: 'Authorization' },
      );
      const stored = await t.app.store.upstreamCredentials.find(serverId);
      assert.ok(stored);
      assert.ok(!stored.secretEncrypted.includes('tok-very-secret-1'));
      assert.match(stored.secretEncrypted, /^v1\./);
      assert.deepEqual(await t.app.upstreamAuth.headerFor(serverId), {
        name: 'Authorization',
        value: 'Bearer tok-very-secret-1',
      });
      const audit = await t.app.store.audit.list({ limit: 10 });
      const entry = audit.items.find((item) => item.action === 'server.upstream_auth');
      assert.ok(entry);
      assert.ok(!JSON.stringify(entry).includes('tok-very-secret-1'));
    });

    it('takes a custom header, refuses headers the gateway owns, and clears with none', {
      skip,
    }, async () => {
      const custom = await t.request({
        method: 'PUT',
        url: url(),
        body: { type: 'header', name: 'X-Api-Token', value: 'v' },
      });
      assert.equal(custom.statusCode, 200);
      assert.equal((custom.json() as { headerName: string }).headerName, 'X-Api-Token');
      const reserved = await t.request({
        method: 'PUT',
        url: url(),
        body: { type: 'header', name: 'Mcp-Session-Id', value: 'v' },
      });
      assert.equal(reserved.statusCode, 400);
      const injected = await t.request({
        method: 'PUT',
        url: url(),
        body: { type: 'header', name: 'X-A', value: 'a\r\nX-B: b' },
      });
      assert.equal(injected.statusCode, 400);
      const none = await t.request({ method: 'PUT', url: url(), body: { type: 'none' } });
      assert.equal((none.json() as { type: string }).type, 'none');
      assert.equal(await t.app.upstreamAuth.headerFor(serverId), null);
    });

    it('is admin only (responder 403, no key 401) and 404 for an unknown server', { skip }, async () => {
      const body = { type: 'bearer', token: 'x' };
      assert.equal((await t.request({ method: 'PUT', url: url(), body, key: responderKey })).statusCode, 403);
      assert.equal((await t.request({ method: 'PUT', url: url(), body, key: null })).statusCode, 401);
      const unknown = await t.request({
        method: 'PUT',
        url: '/api/servers/0190f1f0-0000-7000-8000-000000000000/upstream-auth',
        body,
      });
      assert.equal(unknown.statusCode, 404);
    });
  });
}
