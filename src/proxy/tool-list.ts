import type { Finding } from '../core/index.js';
import type { Rule } from '../detect/index.js';
import type { ToolChange } from './tool-pin-guard.js';

// Rewriting a tools/list result: which tools findings point at, dropping tools, drift findings.

/** Names of listed tools that a finding of `action` points into (`response.tools.3.description`). */
export function toolsWith(
  result: Record<string, unknown>,
  findings: readonly Finding[],
  action: Finding['action'],
): string[] {
  const tools = Array.isArray(result['tools']) ? (result['tools'] as Array<{ name?: unknown }>) : [];
  const names: string[] = [];
  for (const finding of findings) {
    if (finding.action !== action) continue;
    const match = /^response\.tools\.(\d+)(?:\.|$)/.exec(finding.field);
    const name = match ? tools[Number(match[1])]?.name : undefined;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

export function withoutTools(
  result: Record<string, unknown>,
  hidden: ReadonlySet<string>,
): Record<string, unknown> {
  const tools = Array.isArray(result['tools']) ? (result['tools'] as Array<{ name?: unknown }>) : [];
  return {
    ...result,
    tools: tools.filter((tool) => !(typeof tool.name === 'string' && hidden.has(tool.name))),
  };
}

export function changedToolFinding(
  rule: Rule,
  index: number,
  description: string | null,
  change: ToolChange,
): Finding {
  const descriptionChanged = change.changed.includes('description');
  const field = descriptionChanged
    ? `response.tools.${index}.description`
    : `response.tools.${index}.${change.changed[0] ?? 'name'}`;
  const value = descriptionChanged ? (description ?? '') : change.name;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    action: rule.action,
    field,
    start: 0,
    end: value.length,
    evidence: value.length > 160 ? `${value.slice(0, 157)}...` : value,
    fingerprint: null,
    detail: `tool definition changed: ${change.changed.join(', ')} of "${change.name}" differ${change.changed.length === 1 ? 's' : ''} from the pin${change.hidden ? '; the tool is hidden until an admin approves it' : ''}`,
    mappings: rule.mappings,
  };
}
