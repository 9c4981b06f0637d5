import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const EVENT = JSON.stringify({ timestamp: '2026-11-01T10:30:00Z', tool: 'filesystem' });

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`server registry (${backend.name})`, { skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(backend);
    });
    after(() => t?.close());

    const webhook = (path: string, apiKey: string | undefined) =>
      t.http.inject({
        method: 'POST',
        url: path,
        payload: EVENT,
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey ?? '' },
      });

    it('creates a server with its webhook URL and credentials shown once', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/servers',
        body: {
          name: 'Project files',
          type: 'filesystem',
          endpointUrl: 'stdio://npx/@modelcontextprotocol/server-filesystem',
          description: 'The repo checkout',
          tags: ['prod', 'team:core'],
          auth: { apiKey: true, hmac: true, ipAllowlist: ['10.0.0.0/8'] },
        },
      });
      assert.equal(response.statusCode, 201);
      const created = response.json();
      assert.equal(created.webhookPath, `/api/mcp/webhook/${created.server.id}`);
      assert.equal(response.headers.location, `/api/servers/${created.server.id}`);
      assert.match(created.credentials.apiKey, /^mss_/);
      assert.match(created.credentials.hmacSecret, /^whsec_/);
      assert.deepEqual(created.server.auth, {
        apiKey: true,
        apiKeyPrefix: created.credentials.apiKey.slice(0, 12),
        hmac: true,
        ipAllowlist: ['10.0.0.0/8'],
        allowUnauthenticated: false,
      });
      const fetched = await t.request({ method: 'GET', url: `/api/servers/${created.server.id}` });
      assert.equal(fetched.statusCode, 200);
      assert.deepEqual(fetched.json(), created.server);
      assert.ok(!fetched.body.includes(created.credentials.apiKey.slice(12)));
      assert.ok(!fetched.body.includes(created.credentials.hmacSecret));
      const record = await t.app.store.servers.findById(created.server.id);
      assert.ok(
        record?.hmacSecretEncrypted && !record.hmacSecretEncrypted.includes(created.credentials.hmacSecret),
      );
    });

    it('rejects invalid servers with a message per field', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/servers',
        body: {
          name: '',
          type: 'mainframe',
          endpointUrl: 'javascript:alert(1)',
          tags: ['no spaces'],
          extra: 1,
        },
      });
      assert.equal(response.statusCode, 400);
      const paths = (response.json().error.details as { path?: string }[]).map((d) => d.path ?? '').sort();
      assert.deepEqual(paths, ['', 'endpointUrl', 'name', 'tags.0', 'type']);
      const badCidr = await t.request({
        method: 'POST',
        url: '/api/servers',
        body: { name: 'x', auth: { ipAllowlist: ['10.0.0.0/33', 'example.com'] } },
      });
      assert.equal(badCidr.statusCode, 400);
      assert.deepEqual(
        (badCidr.json().error.details as { path: string }[]).map((d) => d.path),
        ['auth.ipAllowlist.0', 'auth.ipAllowlist.1'],
      );
      const malformed = await t.request({ method: 'POST', url: '/api/servers', body: '{"name":' });
      assert.equal(malformed.statusCode, 400);
    });

    it('lists and updates servers, keeping unchanged fields', async () => {
      const server = await registerServer(t, { name: 'db', type: 'database', tags: ['a'] });
      const patch = await t.request({
        method: 'PATCH',
        url: `/api/servers/${server.id}`,
        body: { description: 'orders database', tags: ['b'] },
      });
      assert.equal(patch.statusCode, 200);
      assert.equal(patch.json().server.description, 'orders database');
      assert.equal(patch.json().server.type, 'database');
      assert.deepEqual(patch.json().server.tags, ['b']);
      const list = await t.request({ method: 'GET', url: '/api/servers' });
      assert.ok((list.json().items as { id: string }[]).some((s) => s.id === server.id));
      assert.equal(
        (await t.request({ method: 'PATCH', url: `/api/servers/${server.id}`, body: { type: 'x' } }))
          .statusCode,
        400,
      );
    });

    it('will not update a server into having no authentication', async () => {
      const server = await registerServer(t, { name: 'keyed' });
      const response = await t.request({
        method: 'PATCH',
        url: `/api/servers/${server.id}`,
        body: { auth: { apiKey: false } },
      });
      assert.equal(response.statusCode, 400);
      assert.equal((await webhook(server.webhookPath, server.apiKey)).statusCode, 202, 'nothing changed');
    });

    it('rotates the webhook API key: the new one works, the old one stops', async () => {
      const server = await registerServer(t, { name: 'rotating' });
      const rotated = await t.request({
        method: 'POST',
        url: `/api/servers/${server.id}/credentials/rotate`,
        body: { apiKey: true },
      });
      assert.equal(rotated.statusCode, 200);
      const fresh = rotated.json().credentials.apiKey as string;
      assert.notEqual(fresh, server.apiKey);
      assert.equal((await webhook(server.webhookPath, server.apiKey)).statusCode, 401);
      assert.equal((await webhook(server.webhookPath, fresh)).statusCode, 202);
      const nothing = await t.request({
        method: 'POST',
        url: `/api/servers/${server.id}/credentials/rotate`,
        body: {},
      });
      assert.equal(nothing.statusCode, 400);
    });

    it('deletes a server: it is gone and its webhook answers 404, its stored events stay', async () => {
      const server = await registerServer(t, { name: 'doomed' });
      const sent = await webhook(server.webhookPath, server.apiKey);
      const eventId = sent.json().eventIds[0] as string;
      assert.equal((await t.request({ method: 'DELETE', url: `/api/servers/${server.id}` })).statusCode, 204);
      assert.equal((await t.request({ method: 'GET', url: `/api/servers/${server.id}` })).statusCode, 404);
      assert.equal((await t.request({ method: 'DELETE', url: `/api/servers/${server.id}` })).statusCode, 404);
      assert.equal((await webhook(server.webhookPath, server.apiKey)).statusCode, 404);
      assert.equal((await t.request({ method: 'GET', url: `/api/events/${eventId}` })).statusCode, 200);
    });

    it('answers 404 for an id that is not an id', async () => {
      const response = await t.request({ method: 'GET', url: '/api/servers/%27%20OR%201=1' });
      assert.equal(response.statusCode, 404);
    });
  });
}
