import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/core/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { alertsOf, INJECTION, principal, sendEvents, TestClock } from '../support/triage-fixtures.js';

const DANA = 'dana.lee@example.com';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`data subject requests (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let web: { id: string; apiKey?: string; webhookPath: string };
    let mail: { id: string; apiKey?: string; webhookPath: string };
    const clock = new TestClock(Date.parse('2026-11-10T12:00:00Z'));
    const mentions: string[] = [];

    before(async () => {
      t = await createTestApp(backend, {}, clock.now);
      web = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
      mail = await registerServer(t, { name: 'mail', type: 'other', auth: { apiKey: true } });
      mentions.push(
        ...(await sendEvents(t, web, [
          { timestamp: '2026-11-01T10:00:00Z', user: DANA, tool: 'fetch', response: INJECTION },
          { timestamp: '2026-11-01T10:01:00Z', user: DANA, tool: 'fetch', response: `more ${INJECTION}` },
          // Erin's alert takes findings from an event naming Dana and from one that does not.
          {
            timestamp: '2026-11-01T11:00:00Z',
            user: 'erin',
            tool: 'fetch',
            prompt: `Mail ${DANA.toUpperCase()}`,
            response: INJECTION,
          },
        ])),
      );
      await sendEvents(t, web, [
        { timestamp: '2026-11-01T11:05:00Z', user: 'erin', tool: 'fetch', response: `again ${INJECTION}` },
      ]);
      mentions.push(
        ...(await sendEvents(t, mail, [
          { timestamp: '2026-11-02T09:00:00Z', user: 'frank', tool: 'send', arguments: { to: [DANA] } },
          {
            timestamp: '2026-11-03T09:00:00Z',
            user: 'frank',
            tool: 'send',
            metadata: { cc: 'Dana.Lee@Example.com' },
          },
        ])),
      );
      await sendEvents(t, mail, [
        {
          timestamp: '2026-11-03T10:00:00Z',
          user: 'frank',
          tool: 'send',
          arguments: { to: ['gina@example.com'] },
        },
        { timestamp: '2026-11-03T11:00:00Z', user: 'frank', tool: 'send', prompt: 'discount 100% off_now' },
      ]);
    });
    after(() => t?.close());

    it('finds every event that mentions a subject in any field, newest first, case-insensitively, paged', async () => {
      const all = await t.app.dataSubject.find(DANA, { limit: 50 });
      assert.deepEqual(
        all.items.map((event) => event.id),
        [...mentions].reverse(),
      );
      const first = await t.app.dataSubject.find('DANA.LEE@', { limit: 2 });
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      const rest = await t.app.dataSubject.find('DANA.LEE@', { limit: 50, cursor: first.nextCursor });
      assert.equal(first.items.length + rest.items.length, mentions.length);
      assert.equal(rest.nextCursor, null);
      // LIKE wildcards in the subject are literal text.
      assert.equal((await t.app.dataSubject.find('0%_o', {})).items.length, 0);
      assert.equal((await t.app.dataSubject.find('0% off_', {})).items.length, 1);
      await assert.rejects(t.app.dataSubject.find('da', {}), ValidationError);
      await assert.rejects(t.app.dataSubject.find(DANA, { limit: 0 }), ValidationError);
    });

    it('purges only for admins, only with confirm "PURGE" and never without a criterion', async () => {
      await assert.rejects(
        t.app.dataSubject.purge(principal('responder'), { subject: DANA }, 'PURGE'),
        ForbiddenError,
      );
      await assert.rejects(
        t.app.dataSubject.purge(SYSTEM_PRINCIPAL, { subject: DANA }, 'purge'),
        (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.deepEqual(error.details, [{ path: 'confirm', message: 'must be exactly "PURGE"' }]);
          return true;
        },
      );
      await assert.rejects(t.app.dataSubject.purge(SYSTEM_PRINCIPAL, {}, 'PURGE'), ValidationError);
      await assert.rejects(
        t.app.dataSubject.purge(SYSTEM_PRINCIPAL, { serverId: 'x' }, 'PURGE'),
        ValidationError,
      );
      await assert.rejects(
        t.app.dataSubject.purge(
          SYSTEM_PRINCIPAL,
          { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' },
          'PURGE',
        ),
        ValidationError,
      );
      assert.equal(
        (await t.app.dataSubject.find(DANA, {})).items.length,
        mentions.length,
        'nothing was deleted',
      );
    });

    it("purges a subject's events and findings, deleting emptied alerts and recounting the others", async () => {
      const [danaAlert] = await alertsOf(t, 'MCP-PI-001', DANA);
      const [erinBefore] = await alertsOf(t, 'MCP-PI-001', 'erin');
      assert.ok(danaAlert && erinBefore);
      assert.equal(erinBefore.findingCount, 2);
      await t.app.triage.comment(principal('responder'), danaAlert.id, `Spoke to ${DANA}`);

      const report = await t.app.dataSubject.purge(SYSTEM_PRINCIPAL, { subject: DANA }, 'PURGE');
      assert.equal(report.events, mentions.length);
      assert.ok(report.findings >= 3);
      assert.ok(report.alertsDeleted >= 1);
      assert.ok(report.alertsUpdated >= 1);
      assert.deepEqual((await t.app.dataSubject.find(DANA, {})).items, []);
      for (const id of mentions) assert.equal(await t.app.store.events.findById(id), null);
      assert.deepEqual(await alertsOf(t, 'MCP-PI-001', DANA), []);
      await assert.rejects(t.app.triage.history(danaAlert.id), NotFoundError);
      const [erin] = await alertsOf(t, 'MCP-PI-001', 'erin');
      assert.equal(erin?.id, erinBefore.id);
      assert.equal(erin?.findingCount, 1);
      assert.equal(erin?.firstSeen, '2026-11-01T11:05:00.000Z');
      const remaining = await t.app.store.findings.list({ alertId: erinBefore.id }, { limit: 10 });
      assert.equal(remaining.items.length, 1);

      const [entry] = (await t.app.audit.list(SYSTEM_PRINCIPAL, { limit: 5 })).items.filter(
        (e) => e.action === 'events.purge',
      );
      assert.equal(entry?.details['bySubject'], true);
      assert.equal(entry?.details['events'], mentions.length);
      assert.ok(
        !JSON.stringify(entry).toLowerCase().includes('dana'),
        'the audit log does not repeat the subject',
      );
    });

    it('purges by server and time range', async () => {
      const before = await t.app.store.events.count({ serverId: mail.id });
      assert.equal(before, 2);
      const report = await t.app.dataSubject.purge(
        SYSTEM_PRINCIPAL,
        { serverId: mail.id, from: '2026-11-03T10:30:00Z', to: '2026-11-04T00:00:00Z' },
        'PURGE',
      );
      assert.equal(report.events, 1);
      assert.equal(await t.app.store.events.count({ serverId: mail.id }), 1);
      assert.equal(await t.app.store.events.count({ serverId: web.id }), 1);
    });
  });
}
