import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  ANALYTICS_LEASE,
  ANY_SERVER,
  type AnalyticsRule,
  AnalyticsScheduler,
  analyticsRuleId,
  createApplication,
} from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/core/index.js';
import type { Store } from '../../src/store/index.js';
import { ADMIN, huntEvent, RESPONDER, TestClock, VIEWER } from '../support/hunting-events.js';
import { TEST_SECRET_KEY } from '../support/test-app.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

const START = new Date('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;

const EXEC_RULE = {
  name: 'exec burst',
  description: 'command execution tools',
  query: 'McpEvents | where Tool has "exec"',
  frequencySeconds: 300,
  lookbackSeconds: 3600,
  threshold: 2,
  severity: 'high',
};

function appOver(store: Store, clock: TestClock) {
  return createApplication(loadConfig({ SENTINEL_LOG_LEVEL: 'silent' }), store, {
    secretKey: TEST_SECRET_KEY,
    now: clock.now,
  });
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`analytics rules (${backend.name})`, { skip }, () => {
    let database: TestDatabase;
    let store: Store;
    let clock: TestClock;
    let app: ReturnType<typeof appOver>;
    let scheduler: AnalyticsScheduler;

    before(async () => {
      database = await backend.create();
      store = await database.open();
    });
    beforeEach(async () => {
      clock = new TestClock(START);
      app = appOver(store, clock);
      for (const rule of await store.analyticsRules.list()) await store.analyticsRules.delete(rule.id);
      scheduler = new AnalyticsScheduler(
        store,
        app.analyticsRules,
        { tickMs: 60_000, leaseMs: 120_000 },
        clock.now,
      );
    });
    // Each test's scheduler frees the lease for the next test's.
    afterEach(() => scheduler?.stop());
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    const alertsOf = async (rule: AnalyticsRule) =>
      (await store.alerts.list({ ruleId: analyticsRuleId(rule.id) }, { limit: 100 })).items;

    it('creates, replaces and deletes a rule (admin only), auditing each change', async () => {
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'crud' });
      assert.equal(rule.enabled, true);
      assert.equal(rule.nextRunAt, START.toISOString());
      assert.equal(rule.lastStatus, null);
      await assert.rejects(app.analyticsRules.create(RESPONDER, { ...EXEC_RULE, name: 'x' }), ForbiddenError);
      await assert.rejects(app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'crud' }), ConflictError);
      const updated = await app.analyticsRules.update(ADMIN, rule.id, {
        ...EXEC_RULE,
        name: 'crud',
        threshold: 10,
        enabled: false,
      });
      assert.equal(updated.threshold, 10);
      assert.equal(updated.enabled, false);
      assert.deepEqual(await app.analyticsRules.get(VIEWER, rule.id), updated);
      await app.analyticsRules.delete(ADMIN, rule.id);
      assert.deepEqual(await app.analyticsRules.list(VIEWER), []);
      const audit = (await store.audit.list({ limit: 100 })).items.filter((e) => e.targetId === rule.id);
      assert.deepEqual(audit.map((e) => e.action).sort(), [
        'analytics_rule.create',
        'analytics_rule.delete',
        'analytics_rule.update',
      ]);
      const update = audit.find((e) => e.action === 'analytics_rule.update');
      assert.deepEqual(update?.details['fields'], ['threshold', 'enabled']);
    });

    it('validates the schedule bounds and the KQL, with positions', async () => {
      const paths = async (input: Record<string, unknown>) => {
        const error = await app.analyticsRules.create(ADMIN, input).then(
          () => assert.fail('expected a validation error'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof ValidationError, String(error));
        return error.details;
      };
      assert.deepEqual(
        (await paths({ ...EXEC_RULE, frequencySeconds: 59, lookbackSeconds: 15 * 86_400 })).map(
          (d) => d.path,
        ),
        ['frequencySeconds', 'lookbackSeconds'],
      );
      assert.deepEqual(
        (await paths({ ...EXEC_RULE, severity: 'urgent', threshold: -1 })).map((d) => d.path).sort(),
        ['severity', 'threshold'],
      );
      const [kql] = await paths({ ...EXEC_RULE, query: 'McpEvents\n| where Toool has "exec"' });
      // Line 2, column 9: the position Azure Data Explorer gives, as `line:column`.
      assert.equal(kql?.path, '2:9');
      assert.match(kql?.message ?? '', /Toool/);
    });

    it('raises one alert per server above the threshold, and none at or below it', async () => {
      const at = (minutesAgo: number) => new Date(START.getTime() - minutesAgo * 60_000).toISOString();
      await store.events.insertBatch(
        [
          huntEvent({ serverId: 'srv-a', tool: 'shell_exec', timestamp: at(50) }),
          huntEvent({ serverId: 'srv-a', tool: 'shell_exec', timestamp: at(10) }),
          huntEvent({ serverId: 'srv-b', tool: 'exec', timestamp: at(5) }),
          huntEvent({ serverId: 'srv-b', tool: 'read_file', timestamp: at(5) }),
          // Outside the one-hour lookback.
          huntEvent({ serverId: 'srv-c', tool: 'exec', timestamp: at(90) }),
        ].map((event) => ({ event, dedupeKey: null })),
      );
      const above = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'above', threshold: 2 });
      const atThreshold = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'at', threshold: 3 });
      const report = await scheduler.tick();
      assert.equal(report.leader, true);
      assert.deepEqual(report.runs.map((r) => [r.rowCount, r.alertIds.length, r.status]).sort(), [
        [3, 0, 'success'],
        [3, 2, 'success'],
      ]);
      const alerts = await alertsOf(above);
      assert.deepEqual(
        alerts.map((a) => [a.serverId, a.findingCount, a.title, a.severity, a.status]).sort(),
        [
          ['srv-a', 2, 'above', 'high', 'new'],
          ['srv-b', 1, 'above', 'high', 'new'],
        ],
      );
      const srvA = alerts.find((a) => a.serverId === 'srv-a');
      assert.equal(srvA?.firstSeen, at(50));
      assert.equal(srvA?.lastSeen, at(10));
      assert.deepEqual(await alertsOf(atThreshold), []);
      const recorded = await app.analyticsRules.get(VIEWER, atThreshold.id);
      assert.equal(recorded.lastStatus, 'success');
      assert.equal(recorded.lastRunAt, START.toISOString());
      assert.equal(recorded.nextRunAt, new Date(START.getTime() + 300_000).toISOString());
    });

    it('runs a rule once per slot, and again when the next slot is due', async () => {
      await store.events.insertBatch([
        {
          event: huntEvent({ tool: 'exec', timestamp: new Date(START.getTime() - 60_000).toISOString() }),
          dedupeKey: null,
        },
      ]);
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'slots', threshold: 0 });
      assert.equal((await scheduler.tick()).runs.length, 1);
      assert.equal((await scheduler.tick()).runs.length, 0);
      clock.advance(299_000);
      assert.equal((await scheduler.tick()).runs.length, 0);
      clock.advance(1_000);
      const again = await scheduler.tick();
      assert.deepEqual(
        again.runs.map((r) => r.ruleId),
        [rule.id],
      );
    });

    it('uses the * server when the result has no ServerId column', async () => {
      await store.events.insertBatch([
        {
          event: huntEvent({ tool: 'exec', timestamp: new Date(START.getTime() - 60_000).toISOString() }),
          dedupeKey: null,
        },
      ]);
      const rule = await app.analyticsRules.create(ADMIN, {
        ...EXEC_RULE,
        name: 'by user',
        query: 'McpEvents | where Tool has "exec" | summarize Calls = count() by User',
        threshold: 0,
      });
      const summary = await app.analyticsRules.runNow(ADMIN, rule.id);
      assert.equal(summary.status, 'success');
      assert.equal(summary.alertIds.length, 1);
      const [alert] = await alertsOf(rule);
      assert.equal(alert?.serverId, ANY_SERVER);
      assert.equal(alert?.firstSeen, summary.window.from);
      assert.equal(alert?.lastSeen, summary.window.to);
      await assert.rejects(app.analyticsRules.runNow(RESPONDER, rule.id), ForbiddenError);
      // Running now does not move the schedule.
      assert.equal((await app.analyticsRules.get(VIEWER, rule.id)).nextRunAt, START.toISOString());
    });

    it('records a failing run instead of throwing', async () => {
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'failing', threshold: 0 });
      // A rule saved before a schema change may stop compiling; simulate with a direct store update.
      await store.analyticsRules.update({ ...rule, query: 'McpEvents | where NoSuchColumn == 1' });
      const [run] = (await scheduler.tick()).runs;
      assert.equal(run?.status, 'failed');
      assert.ok(run?.error);
      const recorded = await app.analyticsRules.get(VIEWER, rule.id);
      assert.equal(recorded.lastStatus, 'failed');
      assert.equal(recorded.lastError, run?.error);
      assert.deepEqual(await alertsOf(rule), []);
    });

    it('leases the scheduler to one node: only one runs a due rule, once', async () => {
      await store.events.insertBatch([
        {
          event: huntEvent({ tool: 'exec', timestamp: new Date(START.getTime() - 60_000).toISOString() }),
          dedupeKey: null,
        },
      ]);
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'leased', threshold: 0 });
      const otherStore = await database.open();
      try {
        const otherApp = appOver(otherStore, clock);
        const nodes = [
          new AnalyticsScheduler(
            store,
            app.analyticsRules,
            { tickMs: 60_000, leaseMs: 120_000, holder: 'node-1' },
            clock.now,
          ),
          new AnalyticsScheduler(
            otherStore,
            otherApp.analyticsRules,
            { tickMs: 60_000, leaseMs: 120_000, holder: 'node-2' },
            clock.now,
          ),
        ];
        const reports = await Promise.all(nodes.map((node) => node.tick()));
        assert.deepEqual(reports.map((r) => r.leader).sort(), [false, true]);
        const runs = reports.flatMap((r) => r.runs);
        assert.equal(runs.length, 1);
        assert.ok(runs[0]?.alertIds.length);
        assert.equal((await alertsOf(rule)).length, runs[0]?.alertIds.length);
        const leader = reports[0]?.leader ? 0 : 1;
        const follower = 1 - leader;
        // The follower takes over once the leader releases its lease (or it expires).
        clock.advance(300_000);
        await nodes[leader]?.stop();
        const takeover = await nodes[follower]?.tick();
        assert.equal(takeover?.leader, true);
        assert.equal(takeover?.runs.length, 1);
        clock.advance(60_000);
        assert.equal((await nodes[leader]?.tick())?.leader, false, 'the lease is the follower’s now');
        await nodes[follower]?.stop();
        assert.equal(
          await store.schedulerLeases.acquire(
            ANALYTICS_LEASE,
            'node-3',
            clock.now().toISOString(),
            new Date(clock.now().getTime() + HOUR).toISOString(),
          ),
          true,
        );
        await store.schedulerLeases.release(ANALYTICS_LEASE, 'node-3');
      } finally {
        await otherStore.close();
      }
    });

    it('runs due rules on its timer once started, and frees the lease when stopped', async () => {
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'timer' });
      const errors: unknown[] = [];
      const timed = new AnalyticsScheduler(
        store,
        app.analyticsRules,
        { tickMs: 20, leaseMs: 60_000, holder: 'timer', onError: (e) => errors.push(e) },
        clock.now,
      );
      timed.start();
      try {
        for (
          let i = 0;
          i < 250 && (await store.analyticsRules.findById(rule.id))?.lastRunAt == null;
          i += 1
        ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await timed.stop();
      }
      assert.deepEqual(errors, []);
      assert.equal((await store.analyticsRules.findById(rule.id))?.lastStatus, 'success');
      const now = clock.now().toISOString();
      const later = new Date(clock.now().getTime() + 1000).toISOString();
      assert.equal(await store.schedulerLeases.acquire(ANALYTICS_LEASE, 'other', now, later), true);
      await store.schedulerLeases.release(ANALYTICS_LEASE, 'other');
    });

    it('claims a due slot once even without the lease (compare-and-set)', async () => {
      const rule = await app.analyticsRules.create(ADMIN, { ...EXEC_RULE, name: 'claimed' });
      const next = new Date(START.getTime() + 300_000).toISOString();
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => store.analyticsRules.claim(rule.id, rule.nextRunAt, next)),
      );
      assert.equal(claims.filter(Boolean).length, 1);
    });

    it('takes over an expired lease but never a live one', async () => {
      const now = START.toISOString();
      const later = (ms: number) => new Date(START.getTime() + ms).toISOString();
      const leases = store.schedulerLeases;
      assert.equal(await leases.acquire('job', 'a', now, later(1000)), true);
      assert.equal(await leases.acquire('job', 'b', now, later(1000)), false);
      assert.equal(await leases.acquire('job', 'a', later(500), later(1500)), true, 'renewal');
      assert.equal(await leases.acquire('job', 'b', later(1499), later(2500)), false);
      assert.equal(await leases.acquire('job', 'b', later(1500), later(2500)), true, 'expired');
      assert.equal(await leases.acquire('job', 'a', later(1600), later(2600)), false);
      await leases.release('job', 'a');
      assert.equal(
        await leases.acquire('job', 'a', later(1600), later(2600)),
        false,
        'release is the holder’s',
      );
    });
  });
}
