import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { readCorpus } from '../../bench/detect/corpus-file.js';
import { DetectionPool, scanInline } from '../../src/app/detection-pool.js';
import { SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import type { EffectiveRules } from '../../src/app/rule-catalogue.js';
import type { McpEvent } from '../../src/core/index.js';
import { createEngine, loadBuiltinRules, type Rule } from '../../src/detect/index.js';
import { normalizeEvent } from '../../src/ingest/normalize-event.js';
import { runChildScript } from '../support/child-script.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');

function corpusEvents(): McpEvent[] {
  const context = { serverId: 'srv-1', source: 'webhook' as const, receivedAt: '2026-11-01T10:00:00.000Z' };
  return readCorpus(CORPUS).entries.map((entry) => {
    const result = normalizeEvent(entry.event, context);
    if (!result.ok) throw new Error(`${entry.id}: ${result.reason}`);
    return result.event;
  });
}

function effective(version: number, rules: readonly Rule[]): EffectiveRules {
  return { version, rules, engine: createEngine(rules) };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const events = corpusEvents();
const builtin = loadBuiltinRules();

describe('detection pool (real worker threads)', () => {
  const errors: Error[] = [];
  const pool = new DetectionPool({ threads: 1, onError: (error) => errors.push(error) });

  after(() => pool.close());

  it('finds on a thread exactly what the engine finds inline, for every corpus event', async () => {
    await pool.warmUp();
    const rules = effective(1, builtin);
    const parts = batches(events, 100);
    const found = await Promise.all(parts.map((part) => pool.scan(rules, part)));
    assert.deepEqual(found.flat(), scanInline(rules.engine, events));
    assert.ok(
      found.flat().some((findings) => findings.length > 0),
      'the corpus raises findings',
    );
    // Some batches may be scanned inline when the thread's queue is full; most go to the thread.
    assert.ok(pool.stats.threaded > 0, JSON.stringify(pool.stats));
    assert.equal(pool.stats.threaded + pool.stats.inline, parts.length);
    assert.deepEqual(errors, []);
  });

  it('uses new rules on the thread once their version changes', async () => {
    const before = effective(2, builtin);
    const baseline = await pool.scan(before, events);
    const ruleIds = new Set(baseline.flat().map((finding) => finding.ruleId));
    const disabledId = [...ruleIds][0];
    assert.ok(disabledId !== undefined, 'the corpus raises findings');
    const custom: Rule = {
      id: 'ACME-001',
      title: 'Internal project codename',
      description: 'Project Nightjar must not leave the company.',
      category: 'custom',
      severity: 'medium',
      action: 'alert',
      fields: ['response', 'prompt', 'argument'],
      match: { pattern: '\\b(?:read|file)\\b', flags: 'i' },
      mappings: { atlas: [], owasp: [] },
      enabled: true,
      builtin: false,
    };
    const changed = effective(3, [
      ...builtin.map((rule) => (rule.id === disabledId ? { ...rule, enabled: false } : rule)),
      custom,
    ]);
    const threadedBefore = pool.stats.threaded;
    const found = await pool.scan(changed, events);
    assert.equal(pool.stats.threaded, threadedBefore + 1, 'the batch ran on the thread');
    assert.deepEqual(found, scanInline(changed.engine, events));
    const after = new Set(found.flat().map((finding) => finding.ruleId));
    assert.ok(!after.has(disabledId), `${disabledId} is disabled on the thread`);
    assert.ok(after.has('ACME-001'), 'the custom rule runs on the thread');
  });

  it('scans a batch inline when its thread dies, logs once, and replaces the thread', async () => {
    const rules = effective(4, builtin);
    const stats = { ...pool.stats };
    const scanning = pool.scan(rules, events);
    await pool.crashThreads();
    assert.deepEqual(await scanning, scanInline(rules.engine, events));
    assert.equal(pool.stats.inline, stats.inline + 1, 'the batch in flight was scanned inline');
    assert.equal(pool.stats.failures, stats.failures + 1);
    assert.equal(errors.length, 1, errors.map((error) => error.message).join('\n'));
    assert.match(errors[0]?.message ?? '', /detection thread stopped.*detecting inline/);
    // During the backoff batches are scanned inline; afterwards a new thread takes them.
    assert.deepEqual(
      await pool.scan(rules, events.slice(0, 50)),
      scanInline(rules.engine, events.slice(0, 50)),
    );
    await sleep(150);
    await pool.warmUp();
    const threaded = pool.stats.threaded;
    const later = await pool.scan(rules, events.slice(0, 50));
    assert.deepEqual(later, scanInline(rules.engine, events.slice(0, 50)));
    assert.equal(pool.stats.threaded, threaded + 1, 'a new thread scans later batches');
    assert.equal(errors.length, 1, 'one failure, one log line');
  });

  it('lets every batch in flight finish on close, and starts again on the next batch', async () => {
    const rules = effective(5, builtin);
    const scanning = pool.scan(rules, events.slice(0, 200));
    await pool.close();
    assert.deepEqual(await scanning, scanInline(rules.engine, events.slice(0, 200)));
    await pool.warmUp();
    const threaded = pool.stats.threaded;
    await pool.scan(rules, events.slice(0, 20));
    assert.equal(pool.stats.threaded, threaded + 1);
  });
});

describe('rule changes in the catalogue reach the detection thread', () => {
  let t: TestApp;
  const pool = new DetectionPool({ threads: 1, onError: (error) => assert.fail(error) });
  const sample = events.filter((event) => /\.\.\//.test(JSON.stringify(event))).slice(0, 40);

  before(async () => {
    t = await createTestApp(BACKENDS[0]!);
    await pool.warmUp();
  });
  after(async () => {
    await pool.close();
    await t.close();
  });

  it('follows an admin disabling a rule and adding a custom rule', async () => {
    const first = await t.app.rules.effectiveRules();
    const found = await pool.scan(first, sample);
    const ruleId = found.flat().find((finding) => finding.category === 'path_traversal')?.ruleId;
    assert.ok(ruleId, 'the sample raises a path traversal finding');
    assert.equal(
      (await t.app.rules.effectiveRules()).version,
      first.version,
      'unchanged rules keep their version',
    );

    await t.app.rules.configure(SYSTEM_PRINCIPAL, ruleId, { enabled: false });
    await t.app.rules.createCustom(SYSTEM_PRINCIPAL, {
      id: 'ACME-002',
      title: 'Dot-dot paths',
      description: 'Relative parent paths in arguments.',
      category: 'custom',
      severity: 'low',
      action: 'alert',
      fields: ['argument', 'metadata'],
      match: { pattern: '\\.\\./' },
      mappings: { atlas: [], owasp: [] },
    });
    const second = await t.app.rules.effectiveRules();
    assert.notEqual(second.version, first.version);
    const threaded = pool.stats.threaded;
    const changed = await pool.scan(second, sample);
    assert.equal(pool.stats.threaded, threaded + 1, 'the batch ran on the thread');
    assert.deepEqual(changed, scanInline(second.engine, sample));
    const ids = new Set(changed.flat().map((finding) => finding.ruleId));
    assert.ok(!ids.has(ruleId), `${ruleId} no longer runs`);
    assert.ok(ids.has('ACME-002'), 'the custom rule runs');
  });
});

describe('an unclosed detection pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-pool-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('does not keep the process alive', async () => {
    const url = (path: string) => JSON.stringify(pathToFileURL(join(import.meta.dirname, path)).href);
    const { code, output } = await runChildScript(
      join(dir, 'unclosed.mts'),
      `import { DetectionPool } from ${url('../../src/app/detection-pool.ts')};
       import { createEngine, loadBuiltinRules } from ${url('../../src/detect/index.ts')};
       const rules = loadBuiltinRules();
       const pool = new DetectionPool({ threads: 1, onError: (error) => { throw error; } });
       await pool.warmUp();
       const events = Array.from({ length: 20 }, (_, i) => ({
         id: 'e' + i, serverId: 's', timestamp: '2026-11-01T10:00:00.000Z', receivedAt: '2026-11-01T10:00:00.000Z',
         source: 'webhook', externalId: null, sessionId: null, user: null, agent: null, client: null,
         tool: 'read_file', method: 'tools/call', prompt: null, response: null,
         arguments: { path: '../../etc/passwd' }, metadata: {}, toolDescription: null, isError: null, durationMs: null,
       }));
       const found = await pool.scan({ version: 1, rules, engine: createEngine(rules) }, events);
       console.log('threaded', pool.stats.threaded, 'findings', found.flat().length);`,
    );
    assert.equal(code, 0, 'the child did not exit by itself');
    assert.match(output, /threaded 1 findings [1-9]/);
  });
});
