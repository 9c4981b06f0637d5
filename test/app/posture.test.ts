import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEVERITY_WEIGHTS, type SecurityRating } from '../../src/app/index.js';
import { ValidationError } from '../../src/core/index.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { INJECTION, principal, sendEvents, TestClock } from '../support/triage-fixtures.js';

const D0 = '2026-11-10T12:00:00.000Z';
/** An AWS access key id (not AWS's documented example): MCP-SEC-001, critical. */
const AWS_KEY_ID = ['AKIA', 'Z3MHQW5XRT7VBN2P'].join('');

const component = (rating: SecurityRating, name: string) => {
  const found = rating.components.find((c) => c.name === name);
  assert.ok(found, `component ${name}`);
  return found;
};

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`security posture and compliance (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let server: { id: string; apiKey?: string; webhookPath: string };
    const clock = new TestClock(Date.parse(D0));
    const responder = principal('responder');

    before(async () => {
      t = await createTestApp(backend, {}, clock.now);
      server = await registerServer(t, { name: 'web', type: 'web_api', auth: { apiKey: true } });
    });
    after(() => t?.close());

    it('rates an empty installation 100 (A) with a flat trend and empty lists', async () => {
      const summary = await t.app.posture.summary({ days: 7 });
      assert.equal(summary.rating.score, 100);
      assert.equal(summary.rating.grade, 'A');
      assert.deepEqual(
        summary.rating.components.map((c) => [c.name, c.weight]),
        [
          ['open_alerts', 0.4],
          ['finding_rate', 0.25],
          ['severe_findings', 0.2],
          ['triage_backlog', 0.15],
        ],
      );
      assert.equal(summary.trend.length, 7);
      assert.ok(summary.trend.every((point) => point.score === 100));
      assert.equal(summary.trend.at(-1)?.day, '2026-11-10');
      assert.equal(summary.trend[0]?.day, '2026-11-04');
      assert.deepEqual(summary.alertsBySeverity, {});
      assert.deepEqual(summary.riskiestServers, []);
      assert.deepEqual(
        summary.detectionTrend.map((d) => d.findings + d.alerts),
        [0, 0, 0, 0, 0, 0, 0],
      );
      assert.deepEqual(summary.latestCritical, []);
    });

    it('lowers the rating for open alerts (by severity), flagged events and critical findings', async () => {
      const base = { timestamp: D0, user: 'alice@example.com', agent: 'claude', tool: 'fetch' };
      const benign = Array.from({ length: 17 }, (_, i) => ({
        ...base,
        user: 'bob@example.com',
        tool: 'read_file',
        arguments: { path: `/srv/docs/page-${i}.md` },
        response: 'The quarterly report is attached.',
      }));
      await sendEvents(t, server, [
        ...benign,
        { ...base, response: INJECTION },
        { ...base, response: `Again: ${INJECTION}` },
        { ...base, tool: 'shell', response: `aws_access_key_id = ${AWS_KEY_ID}` },
      ]);
      const summary = await t.app.posture.summary({ days: 7 });
      const open = summary.alertsBySeverity;
      assert.ok((open['high'] ?? 0) >= 1, JSON.stringify(open));
      assert.ok((open['critical'] ?? 0) >= 1, JSON.stringify(open));
      const penalty = Object.entries(open).reduce(
        (sum, [sev, n]) => sum + (SEVERITY_WEIGHTS[sev] ?? 0) * n,
        0,
      );
      assert.equal(component(summary.rating, 'open_alerts').score, Math.max(0, 100 - penalty));
      // 4 of 20 events have findings (3 attacks, and the first read_file call: a new tool, MCP-BEH-001):
      // 20%, so 100 x (1 - 4 x 0.2) = 20.
      assert.equal(component(summary.rating, 'finding_rate').score, 20);
      assert.match(component(summary.rating, 'finding_rate').detail, /4 of 20 events/);
      assert.ok(component(summary.rating, 'severe_findings').score < 100);
      assert.equal(component(summary.rating, 'triage_backlog').score, 100, 'nothing is a day old yet');
      assert.ok(summary.rating.score < 100);
      assert.equal(summary.trend.at(-1)?.score, summary.rating.score);
      // The trend sums daily counts; the single rating counts directly: both must agree.
      assert.deepEqual(await t.app.posture.rating(), summary.rating);
      assert.equal(summary.riskiestServers[0]?.label, 'web');
      assert.equal(summary.riskiestServers[0]?.key, server.id);
      assert.equal(summary.riskiestUsers[0]?.key, 'alice@example.com');
      assert.equal(summary.riskiestUsers[1]?.key, 'bob@example.com');
      assert.deepEqual(
        summary.riskiestTools.map((entry) => entry.key),
        ['shell', 'fetch', 'read_file'],
      );
      assert.equal(summary.riskiestTools[0]?.risk, 25 + 1);
      const today = summary.detectionTrend.at(-1);
      const findings = await t.app.store.findings.list({}, { limit: 500 });
      assert.equal(today?.findings, findings.items.length);
      assert.equal(
        today?.alerts,
        Object.values(open).reduce((a, b) => a + b, 0),
      );
      assert.ok(summary.latestCritical.length >= 1);
      assert.ok(
        summary.latestCritical.every((alert) => alert.severity === 'critical' && alert.status === 'new'),
      );
      assert.equal(summary.alertsByStatus['new'], today?.alerts);
    });

    it('ages open alerts, flags the untouched backlog, and keeps the trend true to the past', async () => {
      const before = await t.app.posture.summary({ days: 7 });
      clock.advanceDays(2);
      const later = await t.app.posture.summary({ days: 7 });
      const open = later.alertsBySeverity;
      const penalty = Object.entries(open).reduce(
        (sum, [sev, n]) => sum + (SEVERITY_WEIGHTS[sev] ?? 0) * n,
        0,
      );
      assert.equal(component(later.rating, 'open_alerts').score, Math.max(0, 100 - 1.5 * penalty));
      assert.equal(
        component(later.rating, 'triage_backlog').score,
        0,
        'every alert is a day old and untouched',
      );
      assert.deepEqual(await t.app.posture.rating(), later.rating);
      // The trend: days before the alerts 100, the day they came in as computed then.
      assert.deepEqual(
        later.trend.map((p) => p.day),
        ['2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12'],
      );
      assert.deepEqual(
        later.trend.slice(0, 4).map((p) => p.score),
        [100, 100, 100, 100],
      );
      assert.ok((later.trend[4]?.score ?? 100) <= (before.rating.score ?? 0));

      // Closing every alert lifts today's rating; the past keeps what it was.
      const alerts = await t.app.store.alerts.list({ status: ['new'] }, { limit: 100 });
      const result = await t.app.triage.bulk(
        responder,
        alerts.items.map((a) => a.id),
        { status: 'resolved', reason: 'true_positive' },
      );
      assert.equal(result.failed, 0);
      const closed = await t.app.posture.summary({ days: 7 });
      assert.equal(component(closed.rating, 'open_alerts').score, 100);
      assert.equal(component(closed.rating, 'triage_backlog').score, 100);
      assert.deepEqual(closed.alertsBySeverity, {});
      assert.equal(closed.trend[4]?.score, later.trend[4]?.score);
      assert.ok(closed.rating.score > later.rating.score);
      assert.equal(closed.alertsByStatus['resolved'], alerts.items.length);
    });

    it('validates its query', async () => {
      await assert.rejects(t.app.posture.summary({ days: 0 }), ValidationError);
      await assert.rejects(t.app.posture.summary({ days: 91 }), ValidationError);
      await assert.rejects(t.app.posture.summary({ weeks: 1 }), ValidationError);
      assert.equal((await t.app.posture.summary({ days: '3' })).trend.length, 3);
    });

    it('reports findings and open alerts per OWASP LLM item and per ATLAS tactic and technique', async () => {
      // One fresh open alert of the injection rule.
      await sendEvents(t, server, [
        { timestamp: clock.now().toISOString(), user: 'carol', response: INJECTION },
      ]);
      const report = await t.app.compliance.report();
      const owasp = report.owasp?.items ?? [];
      assert.deepEqual(
        owasp.slice(0, 10).map((item) => item.id),
        ['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10'],
      );
      const llm01 = owasp.find((item) => item.id === 'LLM01');
      assert.equal(llm01?.title, 'Prompt Injection');
      const piFindings = (await t.app.store.findings.list({ ruleId: 'MCP-PI-001' }, { limit: 500 })).items
        .length;
      assert.ok((llm01?.findings ?? 0) >= piFindings && piFindings >= 3);
      assert.ok((llm01?.openAlerts ?? 0) >= 1);
      assert.ok(llm01?.rules.includes('MCP-PI-001'));
      const llm02 = owasp.find((item) => item.id === 'LLM02');
      assert.equal(llm02?.openAlerts, 0, 'the secret alert was resolved');
      assert.ok((llm02?.findings ?? 0) >= 1);
      assert.equal(owasp.find((item) => item.id === 'LLM04')?.findings, 0);

      const tactics = report.atlas?.tactics ?? [];
      const execution = tactics.find((tactic) => tactic.name === 'Execution');
      assert.ok(execution, JSON.stringify(tactics.map((t) => t.name)));
      const indirect = execution.techniques.find((tech) => tech.id === 'AML.T0051.001');
      assert.equal(indirect?.title, 'LLM Prompt Injection: Indirect');
      assert.ok((indirect?.findings ?? 0) >= piFindings);
      // MCP-PI-001 maps to T0051.000 and T0051.001, both Execution: its findings count once for the tactic.
      const direct = execution.techniques.find((tech) => tech.id === 'AML.T0051.000');
      assert.ok((execution.findings ?? 0) < (indirect?.findings ?? 0) + (direct?.findings ?? 0));
      assert.ok(execution.openAlerts >= 1);
      assert.ok(tactics.some((tactic) => tactic.name === 'Credential Access'));

      const onlyOwasp = await t.app.compliance.report({ framework: 'owasp-llm' });
      assert.equal(onlyOwasp.atlas, undefined);
      assert.ok(onlyOwasp.owasp);
      const onlyAtlas = await t.app.compliance.report({ framework: 'mitre-atlas' });
      assert.equal(onlyAtlas.owasp, undefined);
      await assert.rejects(t.app.compliance.report({ framework: 'nist' }), ValidationError);
    });
  });
}
