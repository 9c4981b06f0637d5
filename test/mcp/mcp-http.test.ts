import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { BACKENDS } from '../support/test-stores.js';
import { call, envelopeJson, httpClient, sseClient, textOf } from './mcp-clients.js';
import { createMcpFixture, ESCAPE_ATTEMPT, type McpFixture } from './mcp-fixture.js';

const WRITE_TIER_TOOLS = [
  'alert_add_comment',
  'alert_transition',
  'alert_assign',
  'rescan_events',
  'server_send_test_event',
  'rule_set_enabled',
  'rule_configure',
  'rule_create',
  'rule_update',
  'server_update_auth',
  'server_update_metadata',
  'purge_events',
  'server_delete',
];

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`Sentinel's MCP server over streamable HTTP (${backend.name})`, { skip }, () => {
    let f: McpFixture;
    let admin: Client;

    before(async () => {
      f = await createMcpFixture(backend);
      admin = await httpClient(f.baseUrl, f.t.adminKey);
    });
    after(async () => {
      await admin?.close();
      await f?.close();
    });

    it('lists every tool with annotations, a description and an output schema', async () => {
      const { tools } = await admin.listTools();
      for (const tool of tools) {
        assert.ok(tool.annotations, `${tool.name} has annotations`);
        assert.equal(typeof tool.annotations.readOnlyHint, 'boolean', tool.name);
        assert.equal(typeof tool.annotations.destructiveHint, 'boolean', tool.name);
        assert.equal(typeof tool.annotations.idempotentHint, 'boolean', tool.name);
        assert.ok(tool.outputSchema, `${tool.name} has an outputSchema`);
        assert.ok((tool.description ?? '').length > 60, tool.name);
      }
      const names = tools.map((tool) => tool.name);
      for (const name of [...WRITE_TIER_TOOLS, 'investigate_alert', 'security_posture_summary', 'whoami']) {
        assert.ok(names.includes(name), `admin sees ${name}`);
      }
      const purge = tools.find((tool) => tool.name === 'purge_events');
      assert.equal(purge?.annotations?.destructiveHint, true);
      assert.equal(tools.find((tool) => tool.name === 'list_alerts')?.annotations?.readOnlyHint, true);
    });

    it('answers every read tool with structuredContent mirrored inside the envelope', async () => {
      const calls: [string, Record<string, unknown>][] = [
        ['whoami', {}],
        ['list_servers', {}],
        ['get_server', { server_id: f.serverId }],
        ['get_server_activity', { server_id: f.serverId }],
        ['investigate_server', { server_id: f.serverId, days: 90 }],
        ['search_events', { user: 'alice@example.com' }],
        ['get_event', { event_id: f.eventIds[0] }],
        ['event_statistics', { from: '2026-10-30T00:00:00Z', to: '2026-11-03T00:00:00Z', bucket: 'day' }],
        ['list_alerts', { status: ['new'], severity: ['high', 'critical', 'medium', 'low'] }],
        ['get_alert', { alert_id: f.alertId }],
        ['list_findings', { alert: f.alertId }],
        ['alert_history', { alert_id: f.alertId }],
        ['alert_trends', { days: 30, by: 'rule' }],
        ['investigate_alert', { alert_id: f.alertId }],
        ['list_rules', { sort_by: 'alerts' }],
        ['get_rule', { rule_id: 'MCP-PI-001' }],
        ['rule_alert_counts', {}],
        ['get_user_activity', { user: 'alice@example.com', days: 90 }],
        ['investigate_user', { user: 'alice@example.com', days: 90 }],
        ['get_access_graph', { days: 90 }],
        ['list_tool_inventory', { server: f.serverId }],
        ['get_security_posture', {}],
        ['get_compliance_report', { framework: 'owasp-llm' }],
        ['security_posture_summary', {}],
        ['find_data_subject_events', { subject: 'bob@example.com' }],
        ['list_audit_log', {}],
        ['search_tools', { query: 'disable rule' }],
      ];
      for (const [name, args] of calls) {
        const result = await call(admin, name, args);
        assert.notEqual(result.isError, true, `${name}: ${textOf(result)}`);
        assert.ok(result.structuredContent, `${name} returns structuredContent`);
        assert.deepEqual(
          envelopeJson(textOf(result)),
          result.structuredContent,
          `${name} envelope = structured`,
        );
      }
    });

    it('investigate_alert gathers the alert, events, server, recurrence and history in one call', async () => {
      const result = await call(admin, 'investigate_alert', { alert_id: f.alertId });
      const data = result.structuredContent as Record<string, unknown> & {
        alert: { id: string };
        events: unknown[];
        server: { id: string };
        tools: { tool: string }[];
      };
      assert.equal(data.alert.id, f.alertId);
      assert.equal(data.events.length, 2);
      assert.equal(data.server.id, f.serverId);
      assert.deepEqual(
        data.tools.map((tool) => tool.tool),
        ['read_file'],
      );
      assert.ok('recurrence' in data && 'history' in data && 'userActivity' in data);
    });

    it('keeps captured text that tries to close the envelope or instruct the agent inside it', async () => {
      const result = await call(admin, 'get_event', { event_id: f.eventIds[0] });
      const text = textOf(result);
      const tag = /<(untrusted-data-[0-9a-f]{24})>/.exec(text)?.[1];
      assert.ok(tag);
      // The notice before the envelope names the tag; the envelope itself opens on its own line.
      const open = text.indexOf(`\n<${tag}>\n`);
      assert.ok(open > 0 && open === text.lastIndexOf(`\n<${tag}>\n`), 'one opening tag');
      const close = text.indexOf(`</${tag}>`, open);
      assert.equal(close, text.lastIndexOf(`</${tag}>`), 'one closing tag');
      assert.ok(close + `</${tag}>`.length === text.length, 'the envelope closes at the very end');
      const guidance = text.slice(0, open);
      assert.doesNotMatch(guidance, /IGNORE ALL PREVIOUS|admin mode|purge_events with confirm/);
      const inside = text.slice(open, close);
      assert.match(inside, /IGNORE ALL PREVIOUS INSTRUCTIONS/);
      // No angle bracket (or look-alike) of the captured text survives unescaped.
      assert.equal((inside.match(/[<>＜＞]/g) ?? []).length, 2, 'only the opening tag’s own brackets');
      const event = (envelopeJson(text) as { event: { response: string } }).event;
      assert.equal(event.response, ESCAPE_ATTEMPT, 'escaping loses nothing');
    });

    it('validates ids and arguments before any lookup, with clear errors', async () => {
      const badId = await call(admin, 'get_alert', { alert_id: '../../etc/passwd' });
      assert.equal(badId.isError, true);
      assert.match(textOf(badId), /alert_id.*|must be a alert id/);
      const missing = await call(admin, 'get_alert', { alert_id: '01900000-0000-7000-8000-000000000000' });
      assert.equal(missing.isError, true);
      assert.match(textOf(missing), /not_found.*alert not found/);
      const extra = await call(admin, 'list_servers', { sql: 'DROP TABLE events' });
      assert.equal(extra.isError, true);
      assert.match(textOf(extra), /sql/);
      const tooLong = await call(admin, 'alert_add_comment', { alert_id: f.alertId, text: 'x'.repeat(1001) });
      assert.equal(tooLong.isError, true);
      assert.match(textOf(tooLong), /1000|too_big|at most/i);
      const badStatus = await call(admin, 'alert_transition', { alert_id: f.alertId, status: 'closed' });
      assert.equal(badStatus.isError, true);
      assert.match(textOf(badStatus), /status/);
      for (const result of [badId, missing, extra, tooLong, badStatus]) {
        assert.doesNotMatch(textOf(result), /\n\s+at |\/work\/|node_modules|127\.0\.0\.1/);
      }
    });

    it('runs the write tiers, each audited with the caller’s key', async () => {
      const comment = await call(admin, 'alert_add_comment', { alert_id: f.alertId, text: 'Looked at it.' });
      assert.notEqual(comment.isError, true, textOf(comment));
      const noReason = await call(admin, 'alert_transition', { alert_id: f.alertId, status: 'resolved' });
      assert.equal(noReason.isError, true, 'closing needs a reason');
      const closed = await call(admin, 'alert_transition', {
        alert_id: f.alertId,
        status: 'dismissed',
        reason: 'false_positive',
        comment: 'Test traffic.',
      });
      assert.notEqual(closed.isError, true, textOf(closed));
      assert.equal((closed.structuredContent as { alert: { status: string } }).alert.status, 'dismissed');
      const assigned = await call(admin, 'alert_assign', {
        alert_id: f.alertId,
        assignee: 'dana@example.com',
      });
      assert.notEqual(assigned.isError, true, textOf(assigned));
      const bulk = await call(admin, 'alert_bulk_transition', {
        alert_ids: [f.alertId, '01900000-0000-7000-8000-000000000000'],
        status: 'in_progress',
      });
      const outcome = bulk.structuredContent as { succeeded: number; failed: number };
      assert.deepEqual([outcome.succeeded, outcome.failed], [1, 1], textOf(bulk));
      const history = (await call(admin, 'alert_history', { alert_id: f.alertId })).structuredContent as {
        history: { kind: string }[];
      };
      assert.deepEqual(
        history.history.map((entry) => entry.kind),
        ['comment', 'status', 'assign', 'status'],
      );

      const rescan = await call(admin, 'rescan_events', {
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
      });
      assert.equal((rescan.structuredContent as { scanned: number }).scanned, 3);
      const test = await call(admin, 'server_send_test_event', { server_id: f.serverId });
      assert.equal((test.structuredContent as { accepted: number }).accepted, 1, textOf(test));

      const disabled = await call(admin, 'rule_set_enabled', { rule_id: 'MCP-PI-001', enabled: false });
      assert.equal((disabled.structuredContent as { rule: { enabled: boolean } }).rule.enabled, false);
      const configured = await call(admin, 'rule_configure', { rule_id: 'MCP-PI-001', severity: 'low' });
      assert.equal((configured.structuredContent as { rule: { severity: string } }).rule.severity, 'low');
      const rule = {
        id: 'TEAM-001',
        title: 'Internal hostname',
        description: 'Internal host names leaving through tools',
        category: 'exfiltration',
        severity: 'medium',
        action: 'alert',
        fields: ['response'],
        match: { pattern: 'corp\\.internal', flags: 'i' },
      };
      const created = await call(admin, 'rule_create', { rule });
      assert.notEqual(created.isError, true, textOf(created));
      const badRule = await call(admin, 'rule_create', {
        rule: { ...rule, id: 'TEAM-002', match: { pattern: '(a+)+$' } },
      });
      assert.equal(badRule.isError, true);
      assert.match(textOf(badRule), /match/);
      const updated = await call(admin, 'rule_update', {
        rule_id: 'TEAM-001',
        rule: { ...rule, title: 'Internal host' },
      });
      assert.equal((updated.structuredContent as { rule: { title: string } }).rule.title, 'Internal host');

      const meta = await call(admin, 'server_update_metadata', {
        server_id: f.serverId,
        description: 'Project files',
        tags: ['prod', 'team-a'],
      });
      assert.deepEqual((meta.structuredContent as { server: { tags: string[] } }).server.tags, [
        'prod',
        'team-a',
      ]);
      const auth = await call(admin, 'server_update_auth', { server_id: f.serverId, hmac: true });
      assert.match(
        (auth.structuredContent as { credentials: { hmacSecret?: string } }).credentials.hmacSecret ?? '',
        /^whsec_/,
      );

      const audit = (await call(admin, 'list_audit_log', { limit: 50 })).structuredContent as {
        entries: { action: string; actor: string }[];
      };
      const actions = audit.entries.map((entry) => entry.action);
      for (const action of [
        'rule.configure',
        'rule.create',
        'rule.update',
        'server.update',
        'server.test_event',
        'detection.rescan',
      ]) {
        assert.ok(actions.includes(action), `${action} audited: ${actions.join(', ')}`);
      }
      assert.ok(
        audit.entries.some((entry) => entry.action.startsWith('alert.')),
        actions.join(', '),
      );
      assert.ok(audit.entries.every((entry) => entry.actor.length > 0));
    });

    it('runs destructive tools only with confirm: "PURGE"', async () => {
      const noConfirm = await call(admin, 'purge_events', { subject: 'bob@example.com' });
      assert.equal(noConfirm.isError, true);
      assert.match(textOf(noConfirm), /PURGE/);
      const wrong = await call(admin, 'purge_events', { subject: 'bob@example.com', confirm: 'purge' });
      assert.equal(wrong.isError, true);
      const nothing = await call(admin, 'purge_events', { confirm: 'PURGE' });
      assert.equal(nothing.isError, true, 'an empty scope is refused');
      const purged = await call(admin, 'purge_events', { subject: 'bob@example.com', confirm: 'PURGE' });
      assert.notEqual(purged.isError, true, textOf(purged));
      const left = await call(admin, 'find_data_subject_events', { subject: 'bob@example.com' });
      assert.equal((left.structuredContent as { result: { items: unknown[] } }).result.items.length, 0);

      const keep = await call(admin, 'server_delete', { server_id: f.serverId });
      assert.equal(keep.isError, true);
      assert.equal((await call(admin, 'get_server', { server_id: f.serverId })).isError, undefined);
    });

    it('limits tools by the key’s role: viewer reads, responder triages, admin all', async () => {
      const viewer = await httpClient(f.baseUrl, f.keys.viewer);
      const responder = await httpClient(f.baseUrl, f.keys.responder, 'x-mcp-api-key');
      try {
        const viewerTools = (await viewer.listTools()).tools;
        assert.ok(
          viewerTools.every((tool) => tool.annotations?.readOnlyHint === true),
          'viewer: read tools only',
        );
        assert.ok(!viewerTools.some((tool) => tool.name === 'list_audit_log'), 'audit log is admin-only');
        const responderNames = (await responder.listTools()).tools.map((tool) => tool.name);
        for (const name of ['alert_add_comment', 'alert_transition', 'alert_assign'])
          assert.ok(responderNames.includes(name));
        for (const name of ['rule_set_enabled', 'purge_events', 'server_delete', 'rescan_events']) {
          assert.ok(!responderNames.includes(name), `responder does not see ${name}`);
        }
        const refused = await call(viewer, 'alert_add_comment', { alert_id: f.alertId, text: 'hi' });
        assert.equal(refused.isError, true);
        const viaCallTool = await call(viewer, 'call_tool', {
          name: 'alert_add_comment',
          arguments: { alert_id: f.alertId, text: 'hi' },
        });
        assert.equal(viaCallTool.isError, true);
        assert.match(textOf(viaCallTool), /forbidden/);
        const who = (await call(responder, 'whoami')).structuredContent as {
          role: string;
          key: { name: string };
        };
        assert.equal(who.role, 'responder');
        assert.equal(who.key.name, 'responder agent');
        const comment = await call(responder, 'alert_add_comment', {
          alert_id: f.alertId,
          text: 'Responder note.',
        });
        assert.notEqual(comment.isError, true, textOf(comment));
      } finally {
        await viewer.close();
        await responder.close();
      }
    });

    it('refuses requests without a valid key, from foreign origins, and GET on the stateless endpoint', async () => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
      const none = await fetch(`${f.baseUrl}/mcp`, { method: 'POST', headers, body });
      assert.equal(none.status, 401);
      const bad = await fetch(`${f.baseUrl}/mcp`, {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer msk_nope' },
        body,
      });
      assert.equal(bad.status, 401);
      const foreign = await fetch(`${f.baseUrl}/mcp`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${f.t.adminKey}`, origin: 'http://evil.example' },
        body,
      });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      const get = await fetch(`${f.baseUrl}/mcp`, { headers: { authorization: `Bearer ${f.t.adminKey}` } });
      assert.equal(get.status, 405);
    });

    it('serves old clients over the HTTP+SSE transport, bound to the key that opened it', async () => {
      const client = await sseClient(f.baseUrl, f.keys.viewer);
      try {
        const who = (await call(client, 'whoami')).structuredContent as { role: string };
        assert.equal(who.role, 'viewer');
        const alerts = await call(client, 'list_alerts', {});
        assert.notEqual(alerts.isError, true);
      } finally {
        await client.close();
      }
    });

    it('offers the six runbook prompts', async () => {
      const { prompts } = await admin.listPrompts();
      assert.deepEqual(prompts.map((prompt) => prompt.name).sort(), [
        'compliance_audit_prep',
        'hunt_threat',
        'investigate_server',
        'investigate_user',
        'security_posture_overview',
        'triage_alert',
      ]);
      const args: Record<string, Record<string, string>> = {
        triage_alert: { alert_id: f.alertId },
        security_posture_overview: {},
        investigate_user: { user: 'alice@example.com' },
        investigate_server: { server_id: f.serverId },
        compliance_audit_prep: { framework: 'owasp-llm' },
        hunt_threat: { hypothesis: 'an agent reads SSH keys' },
      };
      for (const [name, values] of Object.entries(args)) {
        const prompt = await admin.getPrompt({ name, arguments: values });
        const first = prompt.messages[0]?.content;
        assert.equal(first?.type, 'text');
        assert.match(first?.type === 'text' ? first.text : '', /untrusted-data/);
      }
      await assert.rejects(
        admin.getPrompt({ name: 'triage_alert', arguments: { alert_id: 'x' } }),
        /alert id/,
      );
    });

    it('exposes the rule catalogue, the KQL reference and each registered server as resources', async () => {
      const { resources } = await admin.listResources();
      const uris = resources.map((resource) => resource.uri);
      for (const uri of [
        'sentinel://rules',
        'sentinel://hunting/kql-reference',
        `sentinel://servers/${f.serverId}`,
      ]) {
        assert.ok(uris.includes(uri), `${uri} listed: ${uris.join(', ')}`);
        const read = await admin.readResource({ uri });
        const content = read.contents[0];
        assert.ok(content && 'text' in content && content.text.length > 50, uri);
      }
      const rules = await admin.readResource({ uri: 'sentinel://rules' });
      const text = rules.contents[0] && 'text' in rules.contents[0] ? rules.contents[0].text : '';
      assert.ok((JSON.parse(text) as { rules: unknown[] }).rules.length > 20);
      await assert.rejects(admin.readResource({ uri: 'sentinel://servers/not-an-id' }));
    });
  });
}
