import { createHash } from 'node:crypto';
import type { Finding, McpEvent } from '../core/index.js';
import type { Rule } from '../detect/index.js';
import type { RateIncrement, Store } from '../store/index.js';

/** Rule ids of the stateful checks (rules/builtin/behaviour.yaml). */
export const BEHAVIOUR_RULES = {
  firstSeenTool: 'MCP-BEH-001',
  descriptionChanged: 'MCP-BEH-002',
  rateSpike: 'MCP-BEH-003',
} as const;

/** Pins already confirmed equal: skipping them keeps the common case free of store writes. */
const MAX_KNOWN_PINS = 50_000;

export interface BehaviourOptions {
  readonly rateSpikePerMinute: number;
  /** Adds to shared per-minute counters (batched across requests); per item, the count after it. */
  readonly count: (items: readonly RateIncrement[]) => Promise<number[]>;
  readonly rule: (id: string) => Promise<Rule | null>;
}

/**
 * The stateful checks: a tool seen for the first time, a tool description that changed since it
 * was pinned ("rug pull"), and rate spikes per user, agent and server. Their state lives in the
 * store, so several nodes agree; this class only caches pins it has confirmed.
 */
export class BehaviourAnalyzer {
  private readonly knownPins = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly options: BehaviourOptions,
  ) {}

  async analyze(events: readonly McpEvent[]): Promise<Finding[][]> {
    const results = events.map((): Finding[] => []);
    const [firstSeen, changed, spike] = await Promise.all([
      this.options.rule(BEHAVIOUR_RULES.firstSeenTool),
      this.options.rule(BEHAVIOUR_RULES.descriptionChanged),
      this.options.rule(BEHAVIOUR_RULES.rateSpike),
    ]);
    if (firstSeen?.enabled || changed?.enabled) {
      for (const [i, event] of events.entries()) {
        for (const tool of toolsOf(event)) {
          const pin = pinOf(event, tool);
          // Known pins are the common case and need no store: no await, so a batch's loop is not
          // queued behind other requests' work once per event.
          if (this.knownPins.has(pin.cacheKey)) continue;
          results[i]?.push(...(await this.checkTool(event, tool, pin, firstSeen, changed)));
        }
      }
    }
    if (spike?.enabled && this.options.rateSpikePerMinute > 0) await this.checkRates(events, results, spike);
    return results;
  }

  private async checkTool(
    event: McpEvent,
    tool: ToolSeen,
    { hash, cacheKey }: Pin,
    firstSeen: Rule | null,
    changed: Rule | null,
  ): Promise<Finding[]> {
    const observation = await this.store.toolPins.observe(
      event.serverId,
      tool.name,
      hash,
      tool.description,
      event.timestamp,
    );
    const findings: Finding[] = [];
    if (observation.firstSeen && firstSeen?.enabled) {
      findings.push(
        finding(firstSeen, tool.path, tool.name, `first call of tool "${tool.name}" on this server`),
      );
    }
    const drifted = hash !== null && observation.pinnedHash !== null && observation.pinnedHash !== hash;
    if (drifted && changed?.enabled) {
      findings.push(
        finding(
          changed,
          tool.descriptionPath,
          tool.description ?? '',
          `description of "${tool.name}" differs from the one pinned when first seen`,
        ),
      );
    } else if (!observation.firstSeen || hash === null) {
      if (this.knownPins.size >= MAX_KNOWN_PINS) this.knownPins.clear();
      this.knownPins.add(cacheKey);
    }
    return findings;
  }

  /** One counter update per key per batch; a finding when a key crosses the threshold this minute. */
  private async checkRates(events: readonly McpEvent[], results: Finding[][], rule: Rule): Promise<void> {
    const counts = new Map<
      string,
      { count: number; index: number; field: string; value: string; minute: number }
    >();
    for (const [index, event] of events.entries()) {
      const minute = Math.floor(Date.parse(event.receivedAt) / 60_000) * 60_000;
      for (const [kind, value] of [
        ['user', event.user],
        ['agent', event.agent],
        ['server', event.serverId],
      ] as const) {
        if (value === null) continue;
        const key = `spike:${kind}:${value}`;
        const entry = counts.get(key) ?? {
          count: 0,
          index,
          field: kind === 'server' ? 'serverId' : kind,
          value,
          minute,
        };
        entry.count += 1;
        entry.index = index;
        counts.set(key, entry);
      }
    }
    const threshold = this.options.rateSpikePerMinute;
    const entries = [...counts.entries()];
    const totals = await this.options.count(
      entries.map(([key, entry]) => ({ key, windowStart: entry.minute, cost: entry.count })),
    );
    for (const [i, [, entry]] of entries.entries()) {
      const total = totals[i] ?? 0;
      if (total >= threshold && total - entry.count < threshold) {
        results[entry.index]?.push(
          finding(
            rule,
            entry.field,
            entry.value,
            `${total} events in one minute from ${entry.field} ${entry.value} (threshold ${threshold})`,
          ),
        );
      }
    }
  }
}

/** A tool's pinned form: the hash of its description, and the key of a confirmed pin. */
interface Pin {
  readonly hash: string | null;
  readonly cacheKey: string;
}

function pinOf(event: McpEvent, tool: ToolSeen): Pin {
  const hash = tool.description === null ? null : createHash('sha256').update(tool.description).digest('hex');
  return { hash, cacheKey: `${event.serverId}\u0000${tool.name}\u0000${hash ?? ''}` };
}

interface ToolSeen {
  readonly name: string;
  readonly description: string | null;
  readonly path: string;
  readonly descriptionPath: string;
}

/** The tool a call names, and every tool a tools/list result describes. */
function toolsOf(event: McpEvent): ToolSeen[] {
  const tools: ToolSeen[] = [];
  if (event.method === 'tools/list' && event.response !== null) {
    try {
      const parsed = JSON.parse(event.response) as { tools?: unknown };
      const list = Array.isArray(parsed.tools) ? parsed.tools : [];
      for (const [i, item] of list.entries()) {
        const { name, description } = (item ?? {}) as { name?: unknown; description?: unknown };
        if (typeof name !== 'string' || name === '') continue;
        tools.push({
          name,
          description: typeof description === 'string' ? description : null,
          path: `response.tools.${i}.name`,
          descriptionPath: `response.tools.${i}.description`,
        });
      }
    } catch {
      // Not JSON: nothing to pin from the response.
    }
  }
  if (event.tool !== null && !tools.some((tool) => tool.name === event.tool)) {
    tools.push({
      name: event.tool,
      description: event.toolDescription,
      path: 'tool',
      descriptionPath: 'toolDescription',
    });
  }
  return tools;
}

function finding(rule: Rule, field: string, value: string, detail: string): Finding {
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
    detail,
    mappings: rule.mappings,
  };
}
