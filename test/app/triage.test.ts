import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  newId,
  ValidationError,
} from '../../src/core/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { alertsOf, INJECTION, principal, sendEvents, TestClock } from '../support/triage-fixtures.js';

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`alert triage (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let server: { id: string; apiKey?: string; webhookPath: string };
    const clock = new TestClock(Date.parse('2026-11-10T12:00:00Z'));
    const responder = principal('responder', 'ana');
    const viewer = principal('viewer', 'vic');
    let userCount = 0;
    /** A fresh alert of MCP-PI-001 for a user of its own. */
    const newAlert = async (user = `user${++userCount}@example.com`) => {
      await sendEvents(t, server, [
        { timestamp: clock.now().toISOString(), user, tool: 'fetch', response: INJECTION },
      ]);
      const [alert] = await alertsOf(t, 'MCP-PI-001', user);
      assert.ok(alert, 'expected an alert');
      return alert;
    };

    before(async () => {
      t = await createTestApp(backend, {}, clock.now);
      server = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
    });
    after(() => t?.close());

    it('moves an alert new -> in_progress -> resolved with a reason and records each step', async () => {
      const alert = await newAlert();
      assert.equal(alert.status, 'new');
      assert.equal(alert.assignee, null);
      const working = await t.app.triage.transition(responder, alert.id, { status: 'in_progress' });
      assert.equal(working.status, 'in_progress');
      clock.advanceDays(0.01);
      const resolved = await t.app.triage.transition(responder, alert.id, {
        status: 'resolved',
        reason: 'true_positive',
        comment: 'Blocked the upstream page.',
      });
      assert.equal(resolved.status, 'resolved');
      assert.equal(resolved.reason, 'true_positive');
      assert.equal(resolved.closedAt, clock.now().toISOString());
      const history = await t.app.triage.history(alert.id);
      assert.deepEqual(
        history.map((h) => [h.kind, h.fromStatus, h.toStatus, h.reason, h.actor, h.text]),
        [
          ['status', 'new', 'in_progress', null, 'ana', null],
          ['status', 'in_progress', 'resolved', 'true_positive', 'ana', 'Blocked the upstream page.'],
        ],
      );
      assert.equal(history[0]?.actorKeyId, responder.keyId);
      const audit = (await t.app.audit.list(SYSTEM_PRINCIPAL, { limit: 50 })).items.filter(
        (entry) => entry.action === 'alert.transition' && entry.targetId === alert.id,
      );
      assert.equal(audit.length, 2);
      assert.ok(audit.every((entry) => entry.actor === `ana (${responder.keyId})`));
    });

    it('reopens a closed alert as in_progress, clearing its reason', async () => {
      const alert = await newAlert();
      await t.app.triage.transition(responder, alert.id, { status: 'dismissed', reason: 'false_positive' });
      const reopened = await t.app.triage.transition(responder, alert.id, { status: 'in_progress' });
      assert.equal(reopened.status, 'in_progress');
      assert.equal(reopened.reason, null);
      assert.equal(reopened.closedAt, null);
    });

    it('needs a reason to close, refuses one otherwise, and refuses moves the lifecycle forbids', async () => {
      const alert = await newAlert();
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'resolved' }),
        (error: unknown) => error instanceof ValidationError && /needs a reason/.test(error.message),
      );
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'in_progress', reason: 'duplicate' }),
        ValidationError,
      );
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'closed' }),
        ValidationError,
      );
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'dismissed', reason: 'not_a_reason' }),
        ValidationError,
      );
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'new' }),
        (error: unknown) => error instanceof ConflictError && error.message === 'the alert is already new',
      );
      await t.app.triage.transition(responder, alert.id, { status: 'resolved', reason: 'duplicate' });
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'new' }),
        (error: unknown) =>
          error instanceof ConflictError &&
          /from resolved to new; reopen it as in_progress first/.test(error.message),
      );
      await assert.rejects(
        t.app.triage.transition(responder, alert.id, { status: 'dismissed', reason: 'duplicate' }),
        ConflictError,
      );
      assert.equal((await t.app.triage.history(alert.id)).length, 1, 'refused changes leave no history');
    });

    it('lets only responders and admins write; viewers may read the history', async () => {
      const alert = await newAlert();
      await assert.rejects(
        t.app.triage.transition(viewer, alert.id, { status: 'in_progress' }),
        ForbiddenError,
      );
      await assert.rejects(t.app.triage.assign(viewer, alert.id, 'vic'), ForbiddenError);
      await assert.rejects(t.app.triage.comment(viewer, alert.id, 'hello'), ForbiddenError);
      await assert.rejects(t.app.triage.bulk(viewer, [alert.id], { status: 'in_progress' }), ForbiddenError);
      assert.deepEqual(await t.app.triage.history(alert.id), []);
      const admin = await t.app.triage.transition(SYSTEM_PRINCIPAL, alert.id, { status: 'in_progress' });
      assert.equal(admin.status, 'in_progress');
    });

    it('assigns and unassigns, and keeps comments append-only within 1..1000 characters', async () => {
      const alert = await newAlert();
      const assigned = await t.app.triage.assign(responder, alert.id, '  bob@example.com ');
      assert.equal(assigned.assignee, 'bob@example.com');
      const unassigned = await t.app.triage.assign(responder, alert.id, null);
      assert.equal(unassigned.assignee, null);
      await assert.rejects(t.app.triage.assign(responder, alert.id, ''), ValidationError);
      const comment = await t.app.triage.comment(responder, alert.id, 'x'.repeat(1000));
      assert.equal(comment.kind, 'comment');
      assert.equal(comment.text?.length, 1000);
      await assert.rejects(t.app.triage.comment(responder, alert.id, 'x'.repeat(1001)), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.match(error.details[0]?.message ?? '', /at most 1000 characters/);
        return true;
      });
      await assert.rejects(t.app.triage.comment(responder, alert.id, '   '), ValidationError);
      const history = await t.app.triage.history(alert.id);
      assert.deepEqual(
        history.map((h) => [h.kind, h.assignee]),
        [
          ['assign', 'bob@example.com'],
          ['assign', null],
          ['comment', null],
        ],
      );
      const kinds = (await t.app.audit.list(SYSTEM_PRINCIPAL, { limit: 100 })).items
        .filter((entry) => entry.targetId === alert.id)
        .map((entry) => entry.action)
        .sort();
      assert.deepEqual(kinds, ['alert.assign', 'alert.assign', 'alert.comment']);
    });

    it('rejects malformed ids before any lookup and unknown ones as not found', async () => {
      await assert.rejects(t.app.triage.history('1 OR 1=1'), ValidationError);
      await assert.rejects(t.app.triage.history(newId()), NotFoundError);
      await assert.rejects(t.app.triage.comment(responder, newId(), 'hi'), NotFoundError);
      await assert.rejects(
        t.app.triage.transition(responder, newId(), { status: 'in_progress' }),
        NotFoundError,
      );
    });

    it('applies a bulk change per alert: one bad id does not stop the others', async () => {
      const [a, b, closed] = [await newAlert(), await newAlert(), await newAlert()];
      await t.app.triage.transition(responder, closed.id, { status: 'resolved', reason: 'true_positive' });
      const missing = newId();
      const result = await t.app.triage.bulk(responder, [a.id, 'nope', missing, b.id, closed.id, a.id], {
        status: 'dismissed',
        reason: 'benign_positive',
        comment: 'Known scanner.',
      });
      assert.equal(result.succeeded, 2);
      assert.equal(result.failed, 3);
      assert.deepEqual(
        result.results.map((r) => (r.ok ? [r.id, r.alert.status] : [r.id, r.error.code])),
        [
          [a.id, 'dismissed'],
          ['nope', 'validation_error'],
          [missing, 'not_found'],
          [b.id, 'dismissed'],
          [closed.id, 'conflict'],
        ],
      );
      await assert.rejects(t.app.triage.bulk(responder, [a.id], { status: 'resolved' }), ValidationError);
      await assert.rejects(t.app.triage.bulk(responder, [], { status: 'in_progress' }), ValidationError);
    });

    it('closing frees the grouping key: the next finding opens a new alert; an open one keeps grouping', async () => {
      const user = 'grouping@example.com';
      const first = await newAlert(user);
      await t.app.triage.transition(responder, first.id, { status: 'in_progress' });
      await sendEvents(t, server, [
        { timestamp: clock.now().toISOString(), user, tool: 'fetch', response: `2 ${INJECTION}` },
      ]);
      let alerts = await alertsOf(t, 'MCP-PI-001', user);
      assert.equal(alerts.length, 1, 'an in-progress alert still takes findings');
      assert.equal(alerts[0]?.findingCount, 2);
      await t.app.triage.transition(responder, first.id, { status: 'resolved', reason: 'true_positive' });
      await sendEvents(t, server, [
        { timestamp: clock.now().toISOString(), user, tool: 'fetch', response: `3 ${INJECTION}` },
      ]);
      alerts = await alertsOf(t, 'MCP-PI-001', user);
      assert.equal(alerts.length, 2);
      const fresh = alerts.find((alert) => alert.id !== first.id);
      assert.equal(fresh?.status, 'new');
      assert.equal(fresh?.findingCount, 1);
      assert.equal((await t.app.store.alerts.findById(first.id))?.findingCount, 2);
    });
  });
}
