import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const rule = {
  id: 'acme.internal-host',
  title: 'Internal host name',
  description: 'Mentions of internal hosts',
  category: 'custom',
  severity: 'medium',
  action: 'alert',
  fields: ['prompt', 'argument'],
  match: { pattern: '[a-z0-9-]+\\.corp\\.acme', flags: 'i' },
};

describe('POST /api/rules/try', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(BACKENDS[0]!);
  });
  after(() => t?.close());

  const tryIt = (body: unknown, key?: string | null) =>
    t.request({ method: 'POST', url: '/api/rules/try', body, ...(key === undefined ? {} : { key }) });

  it('runs a draft rule on a pasted event and returns the findings with their spans', async () => {
    const response = await tryIt({
      rule,
      event: {
        timestamp: '2026-11-01T10:30:00Z',
        prompt: 'connect to db-01.corp.acme now',
        arguments: { host: 'x' },
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.equal(result.verdict, 'alert');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].field, 'prompt');
    assert.equal(result.findings[0].start, 11);
    assert.equal(result.findings[0].end, 26);
  });

  it('stores nothing: no event, finding or alert appears', async () => {
    await tryIt({ rule, event: { timestamp: '2026-11-01T10:30:00Z', prompt: 'db-01.corp.acme' } });
    const events = await t.request({ method: 'GET', url: '/api/events' });
    assert.equal(events.json().items.length, 0);
    const rules = await t.request({ method: 'GET', url: '/api/rules/acme.internal-host' });
    assert.equal(rules.statusCode, 404);
  });

  it('runs a disabled draft as if enabled, and reports no match as allow', async () => {
    const response = await tryIt({
      rule: { ...rule, enabled: false },
      event: { timestamp: '2026-11-01T10:30:00Z', prompt: 'nothing here' },
    });
    assert.deepEqual(response.json(), { findings: [], verdict: 'allow' });
  });

  it('names the rule field that is wrong, with the path the editor marks', async () => {
    const unsafe = await tryIt({
      rule: { ...rule, match: { pattern: '(a+)+$', flags: '' } },
      event: { timestamp: '2026-11-01T10:30:00Z' },
    });
    assert.equal(unsafe.statusCode, 400);
    assert.equal(unsafe.json().error.details[0].path, 'rule.match.pattern');
    const missing = await tryIt({
      rule: { ...rule, title: '' },
      event: { timestamp: '2026-11-01T10:30:00Z' },
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error.details[0].path, 'rule.title');
  });

  it('rejects an invalid event with its reason, and needs a key', async () => {
    const response = await tryIt({ rule, event: { prompt: 'no timestamp' } });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /invalid event: timestamp/);
    assert.equal((await tryIt({ rule, event: {} }, null)).statusCode, 401);
  });
});
