import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  RETENTION_ACTOR,
  RETENTION_LEASE,
  RetentionJob,
  RetentionService,
  retentionJobFor,
  SYSTEM_PRINCIPAL,
} from '../../src/app/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { alertsOf, INJECTION, principal, sendEvents, TestClock } from '../support/triage-fixtures.js';

const HOUR = 3_600_000;

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`retention (${backend.name})`, { skip }, () => {
    let t: TestApp;
    // 7 days before 2026-11-10T12:00Z: events before 2026-11-03T12:00Z are due.
    const clock = new TestClock(Date.parse('2026-11-10T12:00:00Z'));
    const old: string[] = [];
    const recent: string[] = [];

    before(async () => {
      t = await createTestApp(backend, { SENTINEL_RETENTION_DAYS: '7' }, clock.now);
      const web = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
      old.push(
        ...(await sendEvents(t, web, [
          { timestamp: '2026-11-01T10:00:00Z', user: 'alice', tool: 'fetch', response: INJECTION },
          { timestamp: '2026-11-01T10:01:00Z', user: 'alice', tool: 'fetch', response: `more ${INJECTION}` },
          { timestamp: '2026-11-03T11:50:00Z', user: 'carol', tool: 'fetch', response: INJECTION },
          { timestamp: '2026-11-02T08:00:00Z', user: 'dave', tool: 'list' },
          { timestamp: '2026-11-02T08:01:00Z', user: 'dave', tool: 'list' },
          { timestamp: '2026-11-03T11:59:59Z', user: 'dave', tool: 'list' },
        ])),
      );
      recent.push(
        ...(await sendEvents(t, web, [
          { timestamp: '2026-11-03T12:10:00Z', user: 'carol', tool: 'fetch', response: `again ${INJECTION}` },
          { timestamp: '2026-11-03T12:00:00Z', user: 'dave', tool: 'list' },
          { timestamp: '2026-11-09T08:00:00Z', user: 'dave', tool: 'list' },
        ])),
      );
    });
    after(() => t?.close());

    it('reports the window and what is due before any run (any viewer)', async () => {
      const status = await t.app.retention.status(principal('viewer'));
      assert.equal(status.days, 7);
      assert.equal(status.cutoff, '2026-11-03T12:00:00.000Z');
      assert.equal(status.lastRun, null);
      assert.equal(status.dueEvents, old.length);
      assert.equal(status.intervalSeconds, 3600);
    });

    it('runs only on the node holding the lease', async () => {
      const job = retentionJobFor(
        t.app.config,
        t.app.store,
        t.app.retention,
        (error) => {
          throw error;
        },
        clock.now,
      );
      assert.ok(job);
      const other = new RetentionJob(
        t.app.store,
        t.app.retention,
        { tickMs: HOUR, leaseMs: 3 * HOUR },
        clock.now,
      );
      // Another node holds the lease: this one deletes nothing.
      const now = clock.now().toISOString();
      const until = new Date(clock.now().getTime() + HOUR).toISOString();
      assert.ok(await t.app.store.schedulerLeases.acquire(RETENTION_LEASE, other.holder, now, until));
      assert.deepEqual(await job.tick(), { leader: false, run: null });
      assert.equal((await t.app.retention.status(SYSTEM_PRINCIPAL)).dueEvents, old.length);
      assert.equal(await t.app.store.retentionRuns.last(RETENTION_LEASE), null);
      // A stopped node frees its lease at once; the next tick of this node runs retention.
      await other.stop();
      const taken = await job.tick();
      assert.equal(taken.leader, true);
      assert.equal(taken.run?.events, old.length);
      assert.equal(taken.run?.complete, true);
      // Now this node holds it, and the other is refused until it expires.
      assert.deepEqual(await other.tick(), { leader: false, run: null });
      await job.stop();
    });

    it('deleted old events with their findings, kept recent ones, and fixed alerts like a purge', async () => {
      for (const id of old) assert.equal(await t.app.store.events.findById(id), null, `${id} was kept`);
      for (const id of recent) assert.ok(await t.app.store.events.findById(id), `${id} was deleted`);
      assert.deepEqual(await alertsOf(t, 'MCP-PI-001', 'alice'), []);
      const [carol] = await alertsOf(t, 'MCP-PI-001', 'carol');
      assert.equal(carol?.findingCount, 1);
      assert.equal(carol?.firstSeen, '2026-11-03T12:10:00.000Z');
      for (const id of old) {
        assert.equal((await t.app.store.findings.list({ eventId: id }, { limit: 5 })).items.length, 0);
      }
      const last = await t.app.store.retentionRuns.last(RETENTION_LEASE);
      assert.equal(last?.ranAt, '2026-11-10T12:00:00.000Z');
      assert.equal((await t.app.retention.status(principal('viewer'))).dueEvents, 0);
    });

    it('audits a run that deleted something as system:retention with its counts', async () => {
      const entries = (await t.app.audit.list(SYSTEM_PRINCIPAL, { limit: 50 })).items.filter(
        (e) => e.action === 'events.retention',
      );
      assert.equal(entries.length, 1, 'a run that deletes nothing is not audited');
      const [entry] = entries;
      assert.equal(entry?.actor, RETENTION_ACTOR);
      assert.equal(entry?.details['events'], old.length);
      assert.ok(Number(entry?.details['findings']) >= 3);
      // Alice's alerts (one per rule her events raised) went; Carol's kept her recent finding.
      assert.ok(Number(entry?.details['alertsDeleted']) >= 1);
      assert.ok(Number(entry?.details['alertsUpdated']) >= 1);
      assert.equal(entry?.details['cutoff'], '2026-11-03T12:00:00.000Z');
      assert.equal(entry?.details['days'], 7);
    });

    it('deletes in bounded batches and leaves the rest for the next run', async () => {
      clock.advanceDays(7); // now everything sent above is due: 3 events
      const first = await t.app.retention.run({ batchSize: 2, maxBatches: 1 });
      assert.equal(first?.events, 2);
      assert.equal(first?.complete, false);
      assert.equal((await t.app.retention.status(SYSTEM_PRINCIPAL)).lastRun?.complete, false);
      assert.equal((await t.app.retention.status(SYSTEM_PRINCIPAL)).dueEvents, 1);
      // The oldest go first: the newest event is the one left.
      assert.ok(await t.app.store.events.findById(recent[2]!));
      const second = await t.app.retention.run({ batchSize: 2, maxBatches: 5 });
      assert.equal(second?.events, 1);
      assert.equal(second?.complete, true);
      assert.equal(await t.app.store.events.count({}), 0);
      assert.deepEqual(await alertsOf(t, 'MCP-PI-001', 'carol'), []);
    });

    it('does nothing, and has no job, when the window is 0', async () => {
      const off = new RetentionService(t.app.store, 0, clock.now);
      assert.equal(await off.run(), null);
      const status = await off.status(principal('viewer'));
      assert.equal(status.cutoff, null);
      assert.equal(status.dueEvents, null);
      assert.equal(
        retentionJobFor({ retentionDays: 0 }, t.app.store, off, () => {}),
        null,
      );
    });
  });
}
