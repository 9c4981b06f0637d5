import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  connectStreamable,
  secondNode,
  startEverything,
  startGateway,
  type Upstream,
} from '../proxy/gateway-harness.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`;

interface ApprovalView {
  id: string;
  status: string;
  tool: string | null;
  method: string;
  arguments: Record<string, unknown> | null;
  ruleIds: string[];
  summary: string;
  decidedBy: string | null;
}

async function pending(t: TestApp): Promise<ApprovalView[]> {
  const response = await t.request({ method: 'GET', url: '/api/approvals?status=pending' });
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { items: ApprovalView[] }).items;
}

async function waitForPending(t: TestApp): Promise<ApprovalView> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [first] = await pending(t);
    if (first) return first;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no pending approval appeared');
}

const hold = (t: TestApp, overrides: Partial<{ arguments: unknown; timeoutMs: number }> = {}) =>
  t.app.approvals.request({
    serverId: '0190f1f0-0000-7000-8000-000000000001',
    sessionId: 'session-1',
    tool: 'run_command',
    method: 'tools/call',
    arguments: { command: 'rm -rf build/' },
    ruleIds: ['TEST-APPROVE'],
    summary: 'the agent wants to run `rm -rf build/` on server X',
    timeoutMs: 10_000,
    ...overrides,
  });

for (const backend of BACKENDS) {
  describe(`approval queue over REST (${backend.name})`, async () => {
    const skip = await backend.skip();
    let t: TestApp;
    let viewerKey: string;

    before(async () => {
      if (skip) return;
      t = await createTestApp(backend);
      const created = await t.request({
        method: 'POST',
        url: '/api/keys',
        body: { name: 'viewer', role: 'viewer' },
      });
      viewerKey = (created.json() as { key: string }).key;
    });
    after(() => (skip ? undefined : t?.close()));

    it('lists a held call with its arguments masked; an admin approval releases it (audited)', {
      skip,
    }, async () => {
      const outcome = hold(t, { arguments: { command: `deploy --token ${GITHUB_TOKEN}` } });
      const item = await waitForPending(t);
      assert.equal(item.tool, 'run_command');
      assert.deepEqual(item.ruleIds, ['TEST-APPROVE']);
      assert.ok(!JSON.stringify(item).includes(GITHUB_TOKEN), 'the secret is masked in the queue');
      const decided = await t.request({
        method: 'POST',
        url: `/api/approvals/${item.id}/decision`,
        body: { decision: 'approve', comment: 'expected deploy' },
      });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal((decided.json() as ApprovalView).status, 'approved');
      assert.equal(await outcome, 'approved');
      const audit = await t.app.store.audit.list({ limit: 20 });
      assert.ok(
        audit.items.some((entry) => entry.action === 'approval.decide' && entry.targetId === item.id),
      );
    });

    it('a denial denies; a second decision conflicts (409)', { skip }, async () => {
      const outcome = hold(t);
      const item = await waitForPending(t);
      const url = `/api/approvals/${item.id}/decision`;
      assert.equal((await t.request({ method: 'POST', url, body: { decision: 'deny' } })).statusCode, 200);
      assert.equal(await outcome, 'denied');
      assert.equal((await t.request({ method: 'POST', url, body: { decision: 'approve' } })).statusCode, 409);
    });

    it('only an admin decides (viewer 403, no key 401); bad input 400; unknown 404', { skip }, async () => {
      const outcome = hold(t, { timeoutMs: 1500 });
      const item = await waitForPending(t);
      const url = `/api/approvals/${item.id}/decision`;
      assert.equal(
        (await t.request({ method: 'POST', url, body: { decision: 'approve' }, key: viewerKey })).statusCode,
        403,
      );
      assert.equal(
        (await t.request({ method: 'POST', url, body: { decision: 'approve' }, key: null })).statusCode,
        401,
      );
      assert.equal((await t.request({ method: 'POST', url, body: { decision: 'maybe' } })).statusCode, 400);
      const unknown = await t.request({
        method: 'POST',
        url: '/api/approvals/0190f1f0-0000-7000-8000-000000000000/decision',
        body: { decision: 'deny' },
      });
      assert.equal(unknown.statusCode, 404);
      // A viewer may read the queue.
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/approvals', key: viewerKey })).statusCode,
        200,
      );
      assert.equal(await outcome, 'timeout');
    });

    it('a call nobody decides is denied at its timeout and shows as expired', { skip }, async () => {
      const started = Date.now();
      assert.equal(await hold(t, { timeoutMs: 600 }), 'timeout');
      assert.ok(Date.now() - started >= 550);
      const expired = await t.request({ method: 'GET', url: '/api/approvals?status=expired' });
      assert.ok((expired.json() as { items: ApprovalView[] }).items.length > 0);
      assert.deepEqual(await pending(t), []);
    });

    it('a decision taken on another node releases the call held on this one', { skip }, async () => {
      const nodeB = await secondNode(t.database);
      try {
        const outcome = hold(t);
        const item = await waitForPending(t);
        const response = await fetch(`${nodeB.base}/api/approvals/${item.id}/decision`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ decision: 'approve' }),
        });
        assert.equal(response.status, 200);
        assert.equal(await outcome, 'approved');
      } finally {
        await nodeB.close();
      }
    });
  });
}

describe('approve rules through the HTTP gateway', async () => {
  const backend = BACKENDS[0];
  assert.ok(backend);
  let upstream: Upstream;
  let t: TestApp;
  let client: Client;

  before(async () => {
    upstream = await startEverything();
    let base: string;
    let serverId: string;
    ({ t, base, serverId } = await startGateway(backend, upstream.url, {
      SENTINEL_APPROVAL_TIMEOUT_SECONDS: '30',
    }));
    const rule = await t.request({
      method: 'POST',
      url: '/api/rules',
      body: {
        id: 'TEST-APPROVE-DEPLOY',
        title: 'Production deploy needs a human',
        description: 'Any call that mentions a production deploy waits for an admin.',
        category: 'custom',
        severity: 'high',
        action: 'approve',
        fields: ['argument'],
        match: { pattern: 'deploy to production' },
      },
    });
    assert.equal(rule.statusCode, 201, rule.body);
    ({ client } = await connectStreamable(base, serverId, t.adminKey));
  });
  after(async () => {
    await client?.close();
    await t?.close();
    await upstream?.stop();
  });

  it('holds the call until an admin approves, then it reaches the server', async () => {
    const call = client.callTool({ name: 'echo', arguments: { message: 'deploy to production now' } });
    const item = await waitForPending(t);
    assert.equal(item.tool, 'echo');
    assert.deepEqual(item.ruleIds, ['TEST-APPROVE-DEPLOY']);
    await t.request({
      method: 'POST',
      url: `/api/approvals/${item.id}/decision`,
      body: { decision: 'approve' },
    });
    const result = await call;
    assert.equal((result.content as Array<{ text: string }>)[0]?.text, 'Echo: deploy to production now');
  });

  it('a denied call never reaches the server and the agent is told why', async () => {
    const call = client.callTool({ name: 'echo', arguments: { message: 'deploy to production again' } });
    const item = await waitForPending(t);
    await t.request({
      method: 'POST',
      url: `/api/approvals/${item.id}/decision`,
      body: { decision: 'deny' },
    });
    const result = await call;
    assert.equal(result.isError, true);
    const text = (result.content as Array<{ text: string }>)[0]?.text ?? '';
    assert.doesNotMatch(text, /^Echo:/);
    assert.match(text, /TEST-APPROVE-DEPLOY|denied|approv/i);
  });
});
