import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Application } from '../../src/app/index.js';
import type { Principal } from '../../src/core/index.js';
import { COMPACT_LIMIT, exposureOf, permittedTools, STATIC_TOOLS, TOOLSETS } from '../../src/mcp/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const testSources = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.ts') && name !== 'tool-registry.test.ts')
  .map((name) => readFileSync(new URL(name, import.meta.url), 'utf8'))
  .join('\n');

const principal = (role: Principal['role']): Principal => ({ keyId: 'k', name: role, role });

describe('the tool registry (what every tool must have)', () => {
  it('gives every tool a unique snake_case name, a title and a description saying when to use it and what next', () => {
    const names = STATIC_TOOLS.map((tool) => tool.name);
    assert.equal(new Set(names).size, names.length, 'unique names');
    for (const tool of STATIC_TOOLS) {
      assert.match(tool.name, /^[a-z][a-z0-9_]{2,63}$/);
      assert.ok(tool.title.length > 3, tool.name);
      assert.match(tool.description, /\bUse (it|for)\b/, `${tool.name} says when to use it`);
      assert.match(tool.description, /Next:/, `${tool.name} says what to chain next`);
      assert.ok((TOOLSETS as readonly string[]).includes(tool.toolset), tool.name);
    }
  });

  it('derives annotations from the tier: read tools read-only, destructive tools need PURGE', () => {
    for (const tool of STATIC_TOOLS) {
      assert.equal(tool.annotations.readOnlyHint, tool.tier === 'read', tool.name);
      assert.equal(tool.annotations.destructiveHint, tool.tier === 'destructive', tool.name);
      assert.equal(typeof tool.annotations.idempotentHint, 'boolean', tool.name);
      if (tool.tier === 'destructive')
        assert.ok('confirm' in tool.inputShape, `${tool.name} asks for confirm`);
    }
    const tiers = new Set(STATIC_TOOLS.map((tool) => tool.tier));
    assert.deepEqual([...tiers].sort(), [
      'additive',
      'configuration',
      'destructive',
      'metadata',
      'read',
      'state',
      'trigger',
    ]);
  });

  it('has a test of its own for every tool (its name appears in a test/mcp file)', () => {
    for (const tool of STATIC_TOOLS)
      assert.ok(testSources.includes(`'${tool.name}'`), `${tool.name} is tested`);
  });

  it('refuses an unknown toolset instead of silently hiding tools', () => {
    assert.throws(
      () => exposureOf({ enableWriteOps: true, toolsets: ['alerts', 'alertz'], mode: 'full' }),
      /alertz.*known: alerts/,
    );
  });
});

const backend = BACKENDS[0];
if (backend === undefined) throw new Error('no backend');
describe('exposure: role, write operations, toolsets', () => {
  let t: TestApp;
  let app: Application;
  before(async () => {
    t = await createTestApp(backend);
    app = t.app;
  });
  after(() => t?.close());

  const full = { enableWriteOps: true, toolsets: [], mode: 'full' as const };

  it('gives viewers read tools, responders triage too, admins everything', () => {
    const viewer = permittedTools(app, principal('viewer'), full, STATIC_TOOLS);
    const responder = permittedTools(app, principal('responder'), full, STATIC_TOOLS);
    const admin = permittedTools(app, principal('admin'), full, STATIC_TOOLS);
    assert.ok(viewer.every((tool) => tool.tier === 'read'));
    assert.deepEqual([...new Set(responder.map((tool) => tool.tier))].sort(), ['additive', 'read', 'state']);
    assert.ok(admin.length > responder.length && responder.length > viewer.length);
  });

  it('removes every write tool when write operations are off, even for admins', () => {
    const tools = permittedTools(app, principal('admin'), { ...full, enableWriteOps: false }, STATIC_TOOLS);
    assert.ok(tools.length > 0 && tools.every((tool) => tool.tier === 'read'));
  });

  it('keeps only the named toolsets', () => {
    const tools = permittedTools(
      app,
      principal('admin'),
      { ...full, toolsets: ['alerts', 'hunting'] },
      STATIC_TOOLS,
    );
    assert.ok(tools.length > 0);
    assert.ok(tools.every((tool) => tool.toolset === 'alerts' || tool.toolset === 'hunting'));
  });

  it('has few enough everyday tools for compact mode to stay within 25 with search_tools and call_tool', () => {
    const everyday = permittedTools(app, principal('admin'), full, STATIC_TOOLS).filter(
      (tool) => tool.everyday,
    );
    assert.ok(everyday.length + 3 <= COMPACT_LIMIT, `${everyday.length} everyday tools`);
  });
});
