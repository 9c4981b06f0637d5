import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApprovalRecord, GatewaySessionRecord, Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

const T0 = '2026-11-01T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function session(id: string, expiresAt: string): GatewaySessionRecord {
  return {
    id,
    serverId: 'server-1',
    apiKeyId: 'key-1',
    transport: 'streamable-http',
    upstreamSessionId: 'upstream-abc',
    protocolVersion: '2025-11-25',
    clientInfo: { name: 'claude-code', version: '2.0' },
    clientCapabilities: { sampling: {}, elicitation: {} },
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt,
  };
}

function approval(id: string): ApprovalRecord {
  return {
    id,
    serverId: 'server-1',
    sessionId: null,
    method: 'tools/call',
    tool: 'run',
    arguments: { command: 'rm -rf build/' },
    ruleIds: ['R1', 'R2'],
    summary: 'run rm',
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    comment: null,
    createdAt: T0,
    expiresAt: later(2),
  };
}

for (const backend of BACKENDS) {
  describe(`gateway store: sessions, credentials, approvals (${backend.name})`, async () => {
    const skip = await backend.skip();
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      if (skip) return;
      database = await backend.create();
      store = await database.open();
    });
    after(async () => {
      if (skip) return;
      await store?.close();
      await database?.drop();
    });

    it('reads a session back whole until it expires; touch extends it; expired ones are swept', {
      skip,
    }, async () => {
      await store.gatewaySessions.create(session('s1', later(60)));
      await store.gatewaySessions.create(session('s2', later(1)));
      assert.deepEqual(await store.gatewaySessions.findLive('s1', later(30)), session('s1', later(60)));
      assert.equal(await store.gatewaySessions.findLive('s1', later(61)), null);
      await store.gatewaySessions.touch('s1', later(30), later(90));
      assert.equal((await store.gatewaySessions.findLive('s1', later(61)))?.lastSeenAt, later(30));
      assert.equal(await store.gatewaySessions.deleteExpired(later(5)), 1);
      assert.equal(await store.gatewaySessions.findLive('s2', T0), null);
      assert.equal(await store.gatewaySessions.delete('s1'), true);
      assert.equal(await store.gatewaySessions.delete('s1'), false);
    });

    it('upserts and deletes an upstream credential', { skip }, async () => {
      const record = {
        serverId: 'server-1',
        kind: 'bearer' as const,
        headerName: 'Authorization',
        secretEncrypted: 'v1.a.b.c',
        updatedAt: T0,
        updatedBy: 'admin',
      };
      await store.upstreamCredentials.upsert(record);
      await store.upstreamCredentials.upsert({
        ...record,
        kind: 'header',
        headerName: 'X-Key',
        updatedAt: later(1),
      });
      assert.deepEqual(await store.upstreamCredentials.find('server-1'), {
        ...record,
        kind: 'header',
        headerName: 'X-Key',
        updatedAt: later(1),
      });
      assert.equal(await store.upstreamCredentials.delete('server-1'), true);
      assert.equal(await store.upstreamCredentials.find('server-1'), null);
    });

    it('decides an approval once (compare-and-set on pending) and filters by status', { skip }, async () => {
      await store.approvals.create(approval('a1'));
      await store.approvals.create({ ...approval('a2'), createdAt: later(1) });
      assert.deepEqual(await store.approvals.findById('a1'), approval('a1'));
      const decision = {
        status: 'approved' as const,
        decidedBy: 'admin',
        decidedAt: later(1),
        comment: 'ok',
      };
      assert.equal(await store.approvals.decide('a1', decision), true);
      assert.equal(await store.approvals.decide('a1', { ...decision, status: 'denied' }), false);
      assert.equal((await store.approvals.findById('a1'))?.status, 'approved');
      assert.deepEqual(
        (await store.approvals.list({ status: 'pending', limit: 10 })).map((item) => item.id),
        ['a2'],
      );
      assert.deepEqual(
        (await store.approvals.list({ limit: 10 })).map((item) => item.id),
        ['a2', 'a1'],
      );
    });

    it('is schema version 6 or later', { skip }, async () => {
      assert.ok((await store.schemaVersion()) >= 6);
    });
  });
}
