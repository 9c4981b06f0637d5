import { z } from 'zod';
import { needs, plain, requirePort } from '../app-ports.js';
import { complianceOutput, daysInput, postureOutput } from '../schemas.js';
import { defineTool, type Tool } from '../tool.js';

export const getSecurityPosture = defineTool({
  name: 'get_security_posture',
  title: 'Security rating',
  description:
    'Returns the security rating (0-100, grade A-F) with its weighted components, its daily trend, alerts by severity and status, the riskiest servers, users and tools, and the detection trend. ' +
    'Use it for "how secure are we?". security_posture_summary adds compliance in one call. Next: list_alerts on the weakest component.',
  toolset: 'posture',
  tier: 'read',
  available: needs('posture'),
  input: { days: daysInput },
  output: { posture: postureOutput },
  handler: async ({ app }, { days }) => ({
    data: { posture: plain(await requirePort(app, 'posture').summary({ days })) },
    guidance: `Security posture over ${days} day(s). Next: list_alerts(severity high,critical; status new).`,
  }),
});

export const getComplianceReport = defineTool({
  name: 'get_compliance_report',
  title: 'Compliance report (OWASP LLM Top 10, MITRE ATLAS)',
  description:
    'Aggregates findings and open alerts by OWASP Top 10 for LLM applications item (LLM01...) and MITRE ATLAS technique (grouped by tactic, with counts), with the rules mapping to each. ' +
    'Use it for audit preparation or "which risks do we see?". Next: list_rules to check coverage gaps, list_alerts for one item.',
  toolset: 'posture',
  tier: 'read',
  available: needs('compliance'),
  input: {
    framework: z.enum(['owasp-llm', 'mitre-atlas']).optional().describe('One framework; both if omitted.'),
  },
  output: { report: complianceOutput },
  handler: async ({ app }, { framework }) => ({
    data: { report: plain(await requirePort(app, 'compliance').report(framework ? { framework } : {})) },
    guidance: 'Compliance report. Items with no mapped rule are coverage gaps.',
  }),
});

export const postureTools: readonly Tool[] = [getSecurityPosture, getComplianceReport];
