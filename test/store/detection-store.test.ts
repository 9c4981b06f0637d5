import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Finding, type McpEvent, newId } from '../../src/core/index.js';
import type { DetectedEvent, Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';

const HOUR = 3_600_000;

function finding(ruleId: string, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    title: `rule ${ruleId}`,
    severity: 'high',
    category: 'path_traversal',
    action: 'block',
    field: 'arguments.path',
    start: 0,
    end: 9,
    evidence: '../../etc/passwd',
    fingerprint: null,
    detail: null,
    mappings: { atlas: ['AML.T0053'], owasp: ['LLM06'] },
    ...overrides,
  };
}

function detected(
  serverId: string,
  timestamp: string,
  findings: Finding[],
  user = 'mallory',
  dedupeKey: string | null = null,
): DetectedEvent {
  const event: McpEvent = {
    id: newId(),
    serverId,
    timestamp,
    receivedAt: timestamp,
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user,
    agent: null,
    client: null,
    tool: 'read_file',
    method: 'tools/call',
    prompt: null,
    response: null,
    arguments: { path: '../../etc/passwd' },
    metadata: {},
    toolDescription: null,
    isError: null,
    durationMs: null,
  };
  return { event: { event, dedupeKey }, findings };
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`detection store (${backend.name})`, { skip }, () => {
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

    const commit = (batch: DetectedEvent[], now = '2026-11-01T12:00:00.000Z') =>
      store.events.commitDetected(batch, { alertWindowMs: HOUR, now });

    it('stores findings with their event and groups same rule, server and user into one alert', async () => {
      const server = newId();
      await commit([
        detected(server, '2026-11-01T10:00:00.000Z', [finding('R1'), finding('R2')]),
        detected(server, '2026-11-01T10:10:00.000Z', [finding('R1')]),
      ]);
      await commit([detected(server, '2026-11-01T10:50:00.000Z', [finding('R1')])]);
      const alerts = (await store.alerts.list({ serverId: server }, { limit: 10 })).items;
      const r1 = alerts.find((a) => a.ruleId === 'R1');
      assert.equal(alerts.length, 2);
      assert.equal(r1?.findingCount, 3);
      assert.equal(r1?.status, 'new');
      assert.equal(r1?.firstSeen, '2026-11-01T10:00:00.000Z');
      assert.equal(r1?.lastSeen, '2026-11-01T10:50:00.000Z');
      const findings = await store.findings.list({ alertId: r1?.id ?? '' }, { limit: 10 });
      assert.equal(findings.items.length, 3);
      assert.equal(findings.items[0]?.field, 'arguments.path');
      assert.deepEqual(findings.items[0]?.mappings, { atlas: ['AML.T0053'], owasp: ['LLM06'] });
    });

    it('opens a new alert after the window passes, and per user', async () => {
      const server = newId();
      await commit([detected(server, '2026-11-01T10:00:00.000Z', [finding('R1')])]);
      await commit([detected(server, '2026-11-01T12:30:00.000Z', [finding('R1')])]);
      await commit([detected(server, '2026-11-01T12:31:00.000Z', [finding('R1')], 'trudy')]);
      const alerts = (await store.alerts.list({ serverId: server }, { limit: 10 })).items;
      assert.deepEqual(
        alerts.map((a) => [a.user, a.findingCount]),
        [
          ['trudy', 1],
          ['mallory', 1],
          ['mallory', 1],
        ],
      );
    });

    it('drops the findings of a duplicate event', async () => {
      const server = newId();
      const first = await commit([
        detected(server, '2026-11-01T10:00:00.000Z', [finding('R9')], 'u', 'id:1'),
      ]);
      const again = await commit([
        detected(server, '2026-11-01T10:00:00.000Z', [finding('R9')], 'u', 'id:1'),
      ]);
      assert.deepEqual([first, again], [[true], [false]]);
      assert.equal((await store.findings.list({ serverId: server }, { limit: 10 })).items.length, 1);
    });

    it('filters alerts by status and severity and counts per rule', async () => {
      const server = newId();
      await commit([detected(server, '2026-11-01T10:00:00.000Z', [finding('RX', { severity: 'critical' })])]);
      const critical = await store.alerts.list(
        { serverId: server, severity: ['critical'], status: ['new'] },
        { limit: 5 },
      );
      assert.equal(critical.items.length, 1);
      assert.equal(
        (await store.alerts.list({ serverId: server, status: ['resolved'] }, { limit: 5 })).items.length,
        0,
      );
      assert.ok((await store.alerts.countByRule())['RX'] === 1);
      assert.ok((await store.findings.countByRule())['RX'] === 1);
    });

    it('keeps rule settings and custom rules', async () => {
      await store.ruleSettings.upsert({
        ruleId: 'R1',
        enabled: false,
        severity: null,
        action: 'alert',
        updatedAt: '2026-11-01T00:00:00.000Z',
        updatedBy: 'admin',
      });
      await store.ruleSettings.upsert({
        ruleId: 'R1',
        enabled: true,
        severity: 'low',
        action: null,
        updatedAt: '2026-11-02T00:00:00.000Z',
        updatedBy: 'admin',
      });
      assert.deepEqual(await store.ruleSettings.list(), [
        {
          ruleId: 'R1',
          enabled: true,
          severity: 'low',
          action: null,
          updatedAt: '2026-11-02T00:00:00.000Z',
          updatedBy: 'admin',
        },
      ]);
      const record = {
        id: 'CUSTOM-1',
        definition: { id: 'CUSTOM-1', title: 't' },
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        updatedBy: 'a',
      };
      assert.equal(await store.customRules.create(record), true);
      assert.equal(await store.customRules.create(record), false);
      assert.equal(
        await store.customRules.update({ ...record, definition: { id: 'CUSTOM-1', title: 'u' } }),
        true,
      );
      assert.deepEqual((await store.customRules.findById('CUSTOM-1'))?.definition, {
        id: 'CUSTOM-1',
        title: 'u',
      });
      assert.equal(await store.customRules.delete('CUSTOM-1'), true);
      assert.equal((await store.customRules.list()).length, 0);
    });

    it('pins the first tool description and reports later changes against it', async () => {
      const server = newId();
      const at = '2026-11-01T00:00:00.000Z';
      assert.deepEqual(await store.toolPins.observe(server, 'read', 'h1', 'Reads a file', at), {
        firstSeen: true,
        pinnedHash: null,
        pinnedDescription: null,
      });
      assert.deepEqual(await store.toolPins.observe(server, 'read', 'h2', 'Reads a file. <IMPORTANT>', at), {
        firstSeen: false,
        pinnedHash: 'h1',
        pinnedDescription: 'Reads a file',
      });
      assert.equal(
        (await store.toolPins.observe(server, 'read', 'h2', 'x', at)).pinnedHash,
        'h1',
        'the pin is not replaced',
      );
    });
  });
}
