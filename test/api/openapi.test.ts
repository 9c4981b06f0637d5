import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(BACKENDS[0]!);
  });
  after(() => t?.close());

  it('is served without a key and describes only routes that exist', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json', key: null });
    assert.equal(response.statusCode, 200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(document.openapi, '3.1.0');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        assert.ok(
          t.http.hasRoute({ method: method.toUpperCase() as 'GET', url }),
          `${method} ${path} is not a route`,
        );
      }
    }
    assert.equal(Object.keys(document.paths).length, 19 + 15 + 3 + 5 + 4 + 3 + 2 + 1); // + 15 triage, posture, activity, data subject paths; + 3 hunt; + 5 saved queries and analytics rules; + 4 gateway (upstream auth, approvals); + 3 dashboard (event stream, rule trial, about); + 2 tool pins; + 1 retention
  });

  it('takes request schemas from the validation schemas', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json', key: null })).json();
    const serverType = document.components.schemas.ServerCreate.properties.type;
    assert.deepEqual(serverType.enum, ['filesystem', 'database', 'web_api', 'other']);
    assert.deepEqual(document.components.schemas.WebhookEvent.required, ['timestamp']);
  });
});
