import { z } from 'zod';
import type { RuleMappings } from '../core/index.js';
import type { Store } from '../store/index.js';
import { ATLAS_TACTICS, ATLAS_TECHNIQUES, OWASP_LLM_ITEMS } from './compliance-catalogue.js';
import { parseInput } from './parse-input.js';
import type { RuleCatalogue } from './rule-catalogue.js';

export const FRAMEWORKS = ['owasp-llm', 'mitre-atlas'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const complianceQuerySchema = z.strictObject({ framework: z.enum(FRAMEWORKS).optional() });

/** One framework item (LLM01, AML.T0051) with what Sentinel saw of it. */
export interface ComplianceItem {
  readonly id: string;
  readonly title: string;
  readonly findings: number;
  readonly openAlerts: number;
  /** Rules of the catalogue (enabled or not) that map to this item. */
  readonly rules: readonly string[];
}

export interface AtlasTactic {
  readonly id: string;
  readonly name: string;
  readonly findings: number;
  readonly openAlerts: number;
  readonly techniques: readonly ComplianceItem[];
}

export interface ComplianceReport {
  readonly owasp?: { readonly framework: 'owasp-llm'; readonly items: readonly ComplianceItem[] };
  readonly atlas?: { readonly framework: 'mitre-atlas'; readonly tactics: readonly AtlasTactic[] };
}

interface Tally {
  findings: number;
  openAlerts: number;
  rules: Set<string>;
}

/**
 * Findings and open alerts aggregated by OWASP LLM Top 10 item and MITRE ATLAS technique and tactic.
 * A finding counts under the mappings it was stored with; an open alert under its rule's current
 * mappings (or, for a rule no longer in the catalogue, the mappings its findings carried).
 */
export class ComplianceService {
  constructor(
    private readonly store: Store,
    private readonly rules: RuleCatalogue,
  ) {}

  async report(query: unknown = {}): Promise<ComplianceReport> {
    const { framework } = parseInput(complianceQuerySchema, query, 'compliance query');
    const [engine, byMapping, openByRule] = await Promise.all([
      this.rules.engine(),
      this.store.posture.findingsByMapping(),
      this.store.posture.openAlertsByRule(),
    ]);
    const ruleMappings = new Map<string, RuleMappings>(engine.rules.map((rule) => [rule.id, rule.mappings]));
    for (const row of byMapping)
      if (!ruleMappings.has(row.ruleId)) ruleMappings.set(row.ruleId, row.mappings);
    const tallies = {
      owasp: new Map<string, Tally>(),
      atlas: new Map<string, Tally>(),
      tactic: new Map<string, Tally>(),
    };
    const tally = (kind: 'owasp' | 'atlas' | 'tactic', id: string) => {
      let t = tallies[kind].get(id);
      if (t === undefined) {
        t = { findings: 0, openAlerts: 0, rules: new Set() };
        tallies[kind].set(id, t);
      }
      return t;
    };
    for (const rule of engine.rules) {
      for (const id of rule.mappings.owasp) tally('owasp', id).rules.add(rule.id);
      for (const id of rule.mappings.atlas) tally('atlas', id).rules.add(rule.id);
    }
    for (const row of byMapping) {
      for (const id of new Set(row.mappings.owasp)) tally('owasp', id).findings += row.count;
      for (const id of new Set(row.mappings.atlas)) tally('atlas', id).findings += row.count;
      for (const id of tacticsOf(row.mappings)) tally('tactic', id).findings += row.count;
    }
    for (const [ruleId, count] of Object.entries(openByRule)) {
      const mappings = ruleMappings.get(ruleId);
      if (mappings === undefined) continue;
      for (const id of new Set(mappings.owasp)) tally('owasp', id).openAlerts += count;
      for (const id of new Set(mappings.atlas)) tally('atlas', id).openAlerts += count;
      for (const id of tacticsOf(mappings)) tally('tactic', id).openAlerts += count;
    }
    return {
      ...(framework !== 'mitre-atlas'
        ? { owasp: { framework: 'owasp-llm', items: owaspItems(tallies.owasp) } }
        : {}),
      ...(framework !== 'owasp-llm'
        ? { atlas: { framework: 'mitre-atlas', tactics: atlasTactics(tallies.atlas, tallies.tactic) } }
        : {}),
    } as ComplianceReport;
  }
}

function item(id: string, title: string, t: Tally | undefined): ComplianceItem {
  return {
    id,
    title,
    findings: t?.findings ?? 0,
    openAlerts: t?.openAlerts ?? 0,
    rules: [...(t?.rules ?? [])].sort(),
  };
}

function owaspItems(tallies: Map<string, Tally>): ComplianceItem[] {
  const known = OWASP_LLM_ITEMS.map(({ id, title }) => item(id, title, tallies.get(id)));
  const other = [...tallies.keys()]
    .filter((id) => !OWASP_LLM_ITEMS.some((entry) => entry.id === id))
    .sort()
    .map((id) => item(id, id, tallies.get(id)));
  return [...known, ...other];
}

/** The tactics a finding's techniques fall under, each once. */
function tacticsOf(mappings: RuleMappings): Set<string> {
  return new Set(mappings.atlas.map((id) => ATLAS_TECHNIQUES[id]?.tactic ?? 'other'));
}

function atlasTactics(tallies: Map<string, Tally>, tacticTallies: Map<string, Tally>): AtlasTactic[] {
  const byTactic = new Map<string, ComplianceItem[]>();
  for (const id of [...tallies.keys()].sort()) {
    const technique = ATLAS_TECHNIQUES[id];
    const tactic = technique?.tactic ?? 'other';
    const list = byTactic.get(tactic) ?? [];
    list.push(item(id, technique?.title ?? id, tallies.get(id)));
    byTactic.set(tactic, list);
  }
  const tactics = [...ATLAS_TACTICS, { id: 'other', name: 'Other' }];
  return tactics
    .filter((tactic) => byTactic.has(tactic.id))
    .map((tactic) => {
      const techniques = byTactic.get(tactic.id) ?? [];
      return {
        id: tactic.id,
        name: tactic.name,
        // Distinct findings and alerts: one mapped to two techniques of a tactic counts once for it.
        findings: tacticTallies.get(tactic.id)?.findings ?? 0,
        openAlerts: tacticTallies.get(tactic.id)?.openAlerts ?? 0,
        techniques,
      };
    });
}
