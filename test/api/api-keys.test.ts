import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`API keys and roles (${backend.name})`, { skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(backend);
    });
    after(() => t?.close());

    const createKey = async (role: string, name = `${role} key`) => {
      const response = await t.request({ method: 'POST', url: '/api/keys', body: { name, role } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { key: string; apiKey: { id: string; prefix: string; role: string } };
    };

    it('answers 401 for a missing, malformed or unknown key', async () => {
      const missing = await t.request({ method: 'GET', url: '/api/servers', key: null });
      assert.equal(missing.statusCode, 401);
      assert.equal(missing.json().error.code, 'unauthorized');
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/servers', key: 'nonsense' })).statusCode,
        401,
      );
      const forged = `msk_AAAAAAAAAAAA_${'x'.repeat(43)}`;
      assert.equal((await t.request({ method: 'GET', url: '/api/servers', key: forged })).statusCode, 401);
      const wrongSecret = `${t.adminKey.slice(0, 17)}${'y'.repeat(43)}`;
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/servers', key: wrongSecret })).statusCode,
        401,
      );
    });

    it('accepts the key as Bearer or X-API-Key', async () => {
      const viaHeader = await t.request({
        method: 'GET',
        url: '/api/servers',
        key: null,
        headers: { 'x-api-key': t.adminKey },
      });
      assert.equal(viaHeader.statusCode, 200);
    });

    it('creates keys of each role, shows the secret once, and lists them without it', async () => {
      const viewer = await createKey('viewer');
      assert.match(viewer.key, /^msk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      const list = await t.request({ method: 'GET', url: '/api/keys' });
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(viewer.apiKey.prefix));
      assert.ok(!list.body.includes(viewer.key.slice(18)), 'the secret never appears again');
      assert.ok(!list.body.includes('secretHash'));
    });

    it('stores only a hash of each key', async () => {
      const created = await createKey('responder');
      const record = await t.app.store.apiKeys.findById(created.apiKey.id);
      assert.ok(record);
      assert.match(record.secretHash, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(record).includes(created.key.slice(18)));
    });

    it('lets viewers read, and answers 403 when a role is too low', async () => {
      const viewer = await createKey('viewer');
      const responder = await createKey('responder');
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/servers', key: viewer.key })).statusCode,
        200,
      );
      assert.equal((await t.request({ method: 'GET', url: '/api/events', key: viewer.key })).statusCode, 200);
      const create = await t.request({
        method: 'POST',
        url: '/api/servers',
        key: viewer.key,
        body: { name: 'x' },
      });
      assert.equal(create.statusCode, 403);
      assert.equal(create.json().error.code, 'forbidden');
      assert.match(create.json().error.message, /admin role/);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/servers', key: responder.key, body: { name: 'x' } }))
          .statusCode,
        403,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/keys', key: responder.key })).statusCode,
        403,
      );
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/keys',
            key: viewer.key,
            body: { name: 'n', role: 'admin' },
          })
        ).statusCode,
        403,
      );
    });

    it('revokes a key so it stops working, and refuses to revoke twice', async () => {
      const viewer = await createKey('viewer');
      const revoke = await t.request({ method: 'DELETE', url: `/api/keys/${viewer.apiKey.id}` });
      assert.equal(revoke.statusCode, 200);
      assert.ok(revoke.json().revokedAt);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/servers', key: viewer.key })).statusCode,
        401,
      );
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/keys/${viewer.apiKey.id}` })).statusCode,
        409,
      );
      assert.equal((await t.request({ method: 'DELETE', url: '/api/keys/not-an-id' })).statusCode, 404);
    });

    it('will not revoke the last active admin key', async () => {
      const keys = (await t.request({ method: 'GET', url: '/api/keys' })).json().items as {
        id: string;
        role: string;
        revokedAt: string | null;
      }[];
      const admins = keys.filter((k) => k.role === 'admin' && k.revokedAt === null);
      assert.equal(admins.length, 1);
      const response = await t.request({ method: 'DELETE', url: `/api/keys/${admins[0]?.id}` });
      assert.equal(response.statusCode, 409);
      assert.match(response.json().error.message, /last active admin/);
    });

    it('validates key requests with field-level details', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: '', role: 'root' },
      });
      assert.equal(response.statusCode, 400);
      const paths = (response.json().error.details as { path: string }[]).map((d) => d.path).sort();
      assert.deepEqual(paths, ['name', 'role']);
    });

    it('writes key changes to the audit log', async () => {
      const audit = await t.request({ method: 'GET', url: '/api/audit?limit=100' });
      assert.equal(audit.statusCode, 200);
      const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
      assert.ok(actions.includes('api_key.create'));
      assert.ok(actions.includes('api_key.revoke'));
    });
  });
}
