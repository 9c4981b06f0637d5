import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type McpEvent, newId } from '../../src/core/index.js';
import type { ServerRecord, Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

function event(overrides: Partial<McpEvent> = {}): McpEvent {
  return {
    id: newId(),
    serverId: 'srv-1',
    timestamp: '2026-11-01T10:30:00.000Z',
    receivedAt: '2026-11-01T10:30:01.000Z',
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user: 'alice@example.com',
    agent: 'claude-3',
    client: null,
    tool: 'filesystem',
    method: 'tools/call',
    prompt: 'Read the configuration file',
    response: 'File contents: {"debug": true}',
    arguments: { path: '/etc/config.json' },
    metadata: { operation: 'read', nested: { n: 1 } },
    toolDescription: null,
    isError: false,
    durationMs: 12.5,
    ...overrides,
  };
}

function server(overrides: Partial<ServerRecord> = {}): ServerRecord {
  return {
    id: newId(),
    name: 'files',
    type: 'filesystem',
    endpointUrl: 'stdio://files',
    description: null,
    tags: ['prod'],
    apiKeyPrefix: 'abc',
    apiKeyHash: 'hash',
    hmacSecretEncrypted: null,
    ipAllowlist: ['10.0.0.0/8'],
    allowUnauthenticated: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`store contract (${backend.name})`, { skip }, () => {
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      database = await backend.create();
      store = await database.open();
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    it('applies migrations and reopens idempotently', async () => {
      // v3 hunting, v4 triage, v5 proxy, v6 gateway, v8 retention.
      assert.equal(await store.schemaVersion(), 9);
      const again = await database.open();
      assert.equal(await again.schemaVersion(), 9);
      await again.close();
    });

    it('round-trips an event with every field', async () => {
      const original = event({ sessionId: 's-1', client: 'cursor/1.0', toolDescription: 'reads files' });
      assert.deepEqual(await store.events.insertBatch([{ event: original, dedupeKey: null }]), [true]);
      assert.deepEqual(await store.events.findById(original.id), original);
    });

    it('stores a dedupe key once per server and reports duplicates per item', async () => {
      const first = event({ serverId: 'srv-dedupe' });
      const retry = event({ serverId: 'srv-dedupe' });
      const otherServer = event({ serverId: 'srv-other' });
      assert.deepEqual(
        await store.events.insertBatch([
          { event: first, dedupeKey: 'id:42' },
          { event: retry, dedupeKey: 'id:42' },
          { event: otherServer, dedupeKey: 'id:42' },
        ]),
        [true, false, true],
      );
      assert.equal(await store.events.findById(retry.id), null);
      assert.equal(await store.events.count({ serverId: 'srv-dedupe' }), 1);
    });

    it('keeps events without a dedupe key even when identical', async () => {
      const a = event({ serverId: 'srv-nokey' });
      const b = { ...a, id: newId() };
      assert.deepEqual(
        await store.events.insertBatch([
          { event: a, dedupeKey: null },
          { event: b, dedupeKey: null },
        ]),
        [true, true],
      );
    });

    it('pages newest first with filters and an opaque cursor', async () => {
      const serverId = 'srv-page';
      const batch = Array.from({ length: 7 }, (_, i) =>
        event({
          serverId,
          timestamp: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
          user: i % 2 ? 'bob' : 'eve',
        }),
      );
      await store.events.insertBatch(batch.map((e) => ({ event: e, dedupeKey: null })));
      const first = await store.events.list({ serverId }, { limit: 3 });
      assert.equal(first.items.length, 3);
      assert.deepEqual(
        first.items.map((e) => e.timestamp),
        ['2026-11-01T10:06:00.000Z', '2026-11-01T10:05:00.000Z', '2026-11-01T10:04:00.000Z'],
      );
      assert.ok(first.nextCursor);
      const second = await store.events.list(
        { serverId },
        { limit: 3, cursor: first.nextCursor ?? undefined },
      );
      const third = await store.events.list(
        { serverId },
        { limit: 3, cursor: second.nextCursor ?? undefined },
      );
      assert.equal(third.items.length, 1);
      assert.equal(third.nextCursor, null);
      const bobs = await store.events.list({ serverId, user: 'bob' }, { limit: 10 });
      assert.equal(bobs.items.length, 3);
      const window = await store.events.list(
        { serverId, from: '2026-11-01T10:02:00Z', to: '2026-11-01T10:04:00Z' },
        { limit: 10 },
      );
      assert.deepEqual(
        window.items.map((e) => e.timestamp),
        ['2026-11-01T10:03:00.000Z', '2026-11-01T10:02:00.000Z'],
      );
    });

    it('searches text case-insensitively and treats % and _ literally', async () => {
      const serverId = 'srv-text';
      await store.events.insertBatch([
        { event: event({ serverId, response: 'Secret PLAN here' }), dedupeKey: null },
        { event: event({ serverId, response: '100% sure', arguments: { q: 'a_b' } }), dedupeKey: null },
      ]);
      assert.equal(
        (await store.events.list({ serverId, text: 'secret plan' }, { limit: 10 })).items.length,
        1,
      );
      assert.equal((await store.events.list({ serverId, text: '%' }, { limit: 10 })).items.length, 1);
      assert.equal((await store.events.list({ serverId, text: 'a_b' }, { limit: 10 })).items.length, 1);
      assert.equal((await store.events.list({ serverId, text: 'zzz' }, { limit: 10 })).items.length, 0);
    });

    it('rejects a forged cursor', async () => {
      await assert.rejects(store.events.list({}, { limit: 1, cursor: 'bm90LWEtY3Vyc29y' }), {
        code: 'validation_error',
      });
    });

    it('creates, updates, lists and deletes servers', async () => {
      const record = server();
      await store.servers.create(record);
      assert.deepEqual(await store.servers.findById(record.id), record);
      const updated = await store.servers.update(record.id, {
        name: 'renamed',
        tags: [],
        hmacSecretEncrypted: 'enc',
        updatedAt: '2026-11-02T00:00:00.000Z',
      });
      assert.equal(updated?.name, 'renamed');
      assert.deepEqual(updated?.tags, []);
      assert.equal(updated?.hmacSecretEncrypted, 'enc');
      assert.equal(updated?.apiKeyHash, 'hash');
      assert.ok((await store.servers.list()).some((s) => s.id === record.id));
      assert.equal(await store.servers.delete(record.id), true);
      assert.equal(await store.servers.findById(record.id), null);
      assert.equal(await store.servers.update(record.id, { name: 'x', updatedAt: record.updatedAt }), null);
    });

    it('stores api keys, lists them without hashes, revokes once', async () => {
      const id = newId();
      await store.apiKeys.create({
        id,
        name: 'ci',
        role: 'viewer',
        prefix: `p${id.slice(0, 8)}`,
        secretHash: 'h',
        createdAt: '2026-11-01T00:00:00.000Z',
        createdBy: null,
        lastUsedAt: null,
        revokedAt: null,
      });
      assert.equal((await store.apiKeys.findById(id))?.secretHash, 'h');
      const listed = (await store.apiKeys.list()).find((k) => k.id === id);
      assert.ok(listed && !('secretHash' in listed));
      const active = await store.apiKeys.countActive();
      assert.equal(await store.apiKeys.revoke(id, '2026-11-02T00:00:00.000Z'), true);
      assert.equal(await store.apiKeys.revoke(id, '2026-11-03T00:00:00.000Z'), false);
      assert.equal(await store.apiKeys.countActive(), active - 1);
      assert.equal((await store.apiKeys.findById(id))?.revokedAt, '2026-11-02T00:00:00.000Z');
    });

    it('appends and pages the audit log newest first', async () => {
      for (let i = 0; i < 3; i++) {
        await store.audit.append({
          id: newId(),
          at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
          actor: 'admin',
          action: `test.${i}`,
          targetType: 'server',
          targetId: null,
          details: { i },
        });
      }
      const page = await store.audit.list({ limit: 2 });
      assert.deepEqual(
        page.items.map((e) => e.action),
        ['test.2', 'test.1'],
      );
      const rest = await store.audit.list({ limit: 2, cursor: page.nextCursor ?? undefined });
      assert.deepEqual(rest.items[0]?.details, { i: 0 });
    });

    it('counts rate windows across calls', async () => {
      assert.equal(await store.rateLimits.consume('srv:x', 1000, 1), 1);
      assert.equal(await store.rateLimits.consume('srv:x', 1000, 2), 3);
      assert.equal(await store.rateLimits.consume('srv:x', 2000, 1), 1);
    });

    it('applies many increments at once, each seeing the count right after it', async () => {
      const counts = await store.rateLimits.consumeMany([
        { key: 'k:a', windowStart: 5000, cost: 1 },
        { key: 'k:b', windowStart: 5000, cost: 2 },
        { key: 'k:a', windowStart: 5000, cost: 3 },
        { key: 'k:a', windowStart: 6000, cost: 1 },
        { key: 'k:a', windowStart: 5000, cost: 1 },
      ]);
      assert.deepEqual(counts, [1, 2, 4, 1, 5]);
      assert.equal(await store.rateLimits.consume('k:a', 5000, 1), 6);
    });
  });
}
