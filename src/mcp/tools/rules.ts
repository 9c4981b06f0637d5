import { z } from 'zod';
import type { RuleView } from '../../app/index.js';
import { CATEGORIES, RULE_ACTIONS, SEVERITIES } from '../../core/index.js';
import { ruleOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

const ruleId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be a rule id such as MCP-PI-001')
  .describe('The rule id, e.g. MCP-PI-001.');

/** The catalogue entry without its matching internals (patterns stay out of the agent's context). */
function summary(rule: RuleView) {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    category: rule.category,
    enabled: rule.enabled,
    action: rule.action,
    source: rule.source,
    mappings: rule.mappings,
    override: rule.override,
    alertCount: rule.alertCount,
    findingCount: rule.findingCount,
  };
}

export const listRules = defineTool({
  name: 'list_rules',
  title: 'List detection rules',
  description:
    'Lists the detection rules (built-in, file and custom) with severity, category, enabled state, proxy action, OWASP LLM / MITRE ATLAS mappings and how many alerts and findings each produced. ' +
    'Use it to audit detection coverage or find the noisiest rules (sort_by alerts). Next: get_rule, list_alerts with `rule`, rule_set_enabled.',
  toolset: 'rules',
  tier: 'read',
  everyday: true,
  input: {
    enabled: z.boolean().optional().describe('Only enabled (true) or disabled (false) rules.'),
    category: z.enum(CATEGORIES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    sort_by: z.enum(['id', 'alerts', 'findings']).default('id').describe('alerts/findings: most first.'),
  },
  output: { rules: z.array(ruleOutput) },
  handler: async ({ app, principal }, { enabled, category, severity, sort_by }) => {
    const rules = (await app.rules.list(principal))
      .filter((rule) => enabled === undefined || rule.enabled === enabled)
      .filter((rule) => category === undefined || rule.category === category)
      .filter((rule) => severity === undefined || rule.severity === severity)
      .map(summary);
    if (sort_by === 'alerts') rules.sort((a, b) => b.alertCount - a.alertCount);
    if (sort_by === 'findings') rules.sort((a, b) => b.findingCount - a.findingCount);
    return {
      data: { rules },
      guidance: `${rules.length} rule(s). Next: get_rule(rule_id) or list_alerts with rule=<id>.`,
    };
  },
});

export const getRule = defineTool({
  name: 'get_rule',
  title: 'Get one detection rule',
  description:
    'Returns one rule in full (including its detector or match definition, mappings, admin override and counts). ' +
    'Use it to explain why something was flagged. Next: list_alerts with `rule`, rule_set_enabled or rule_configure.',
  toolset: 'rules',
  tier: 'read',
  input: { rule_id: ruleId },
  output: { rule: ruleOutput },
  handler: async ({ app, principal }, { rule_id }) => ({
    data: { rule: await app.rules.get(principal, rule_id) },
    guidance: 'Rule found. Next: list_alerts with rule=<id> for what it raised.',
  }),
});

export const ruleAlertCounts = defineTool({
  name: 'rule_alert_counts',
  title: 'Alert counts per rule',
  description:
    'Returns, per rule with any activity, its alert and finding counts, most alerts first, with severity and enabled state. ' +
    'Use it to find noisy or silent rules. Next: list_alerts with `rule` for samples, rule_set_enabled to switch one off.',
  toolset: 'rules',
  tier: 'read',
  input: { top: z.number().int().min(1).max(200).default(20).describe('How many rules.') },
  output: {
    rules: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: z.string(),
        enabled: z.boolean(),
        alertCount: z.number(),
        findingCount: z.number(),
      }),
    ),
  },
  handler: async ({ app, principal }, { top }) => {
    const rules = (await app.rules.list(principal))
      .filter((rule) => rule.alertCount > 0 || rule.findingCount > 0)
      .sort((a, b) => b.alertCount - a.alertCount || b.findingCount - a.findingCount)
      .slice(0, top)
      .map(({ id, title, severity, enabled, alertCount, findingCount }) => ({
        id,
        title,
        severity,
        enabled,
        alertCount,
        findingCount,
      }));
    return { data: { rules }, guidance: `${rules.length} rule(s) with activity, most alerts first.` };
  },
});

export const ruleSetEnabled = defineTool({
  name: 'rule_set_enabled',
  title: 'Enable or disable a rule',
  description:
    'Turns any rule (built-in included) on or off for every node; audited with the caller’s key. ' +
    'Use it after reviewing a noisy rule with the user. Next: existing alerts stay open, so close them with alert_transition.',
  toolset: 'rules',
  tier: 'configuration',
  input: { rule_id: ruleId, enabled: z.boolean() },
  output: { rule: ruleOutput },
  handler: async ({ app, principal }, { rule_id, enabled }) => ({
    data: { rule: summary(await app.rules.configure(principal, rule_id, { enabled })) },
    guidance: `Rule ${enabled ? 'enabled' : 'disabled'}.`,
  }),
});

export const ruleConfigure = defineTool({
  name: 'rule_configure',
  title: 'Change a rule’s severity or action',
  description:
    'Overrides a rule’s severity and/or its proxy action (alert, redact, block); audited. ' +
    'Use it to tune how strongly Sentinel reacts. Next: get_rule to confirm.',
  toolset: 'rules',
  tier: 'configuration',
  input: {
    rule_id: ruleId,
    severity: z.enum(SEVERITIES).optional(),
    action: z.enum(RULE_ACTIONS).optional(),
  },
  output: { rule: ruleOutput },
  handler: async ({ app, principal }, { rule_id, severity, action }) => {
    const change = Object.fromEntries(
      Object.entries({ severity, action }).filter(([, v]) => v !== undefined),
    );
    return {
      data: { rule: summary(await app.rules.configure(principal, rule_id, change)) },
      guidance: 'Rule override saved.',
    };
  },
});

const RULE_FORMAT =
  'The rule object: id (letters, digits . _ : -), title, description, category, severity, action (alert|redact|block), ' +
  'fields (field roles: prompt, response, tool_description, argument, metadata, identity), and exactly one of detector (a built-in detector id) or match ' +
  '({"pattern": "<regular expression>", "flags": "i"}), optional mappings {"atlas": ["AML.T0051"], "owasp": ["LLM01"]}, enabled. Unsafe regexes are refused with the reason.';

export const ruleCreate = defineTool({
  name: 'rule_create',
  title: 'Create a custom rule',
  description: `Creates a custom detection rule, validated field by field. Use it when the user wants Sentinel to detect something the catalogue misses. ${RULE_FORMAT} Next: rescan_events to apply it to past traffic.`,
  toolset: 'rules',
  tier: 'configuration',
  input: { rule: z.record(z.string(), z.unknown()).describe('The rule definition.') },
  output: { rule: ruleOutput },
  handler: async ({ app, principal }, { rule }) => ({
    data: { rule: summary(await app.rules.createCustom(principal, rule)) },
    guidance: 'Custom rule created. Next: rescan_events to check past traffic.',
  }),
});

export const ruleUpdate = defineTool({
  name: 'rule_update',
  title: 'Replace a custom rule',
  description: `Replaces a custom rule’s definition (built-in rules cannot be edited; use rule_configure). Use it to fix or tune a custom rule. ${RULE_FORMAT} Next: rescan_events.`,
  toolset: 'rules',
  tier: 'configuration',
  input: { rule_id: ruleId, rule: z.record(z.string(), z.unknown()).describe('The new definition.') },
  output: { rule: ruleOutput },
  handler: async ({ app, principal }, { rule_id, rule }) => ({
    data: { rule: summary(await app.rules.updateCustom(principal, rule_id, rule)) },
    guidance: 'Custom rule updated.',
  }),
});

export const ruleTools: readonly Tool[] = [
  listRules,
  getRule,
  ruleAlertCounts,
  ruleSetEnabled,
  ruleConfigure,
  ruleCreate,
  ruleUpdate,
];
