import { type CompiledRule, cleanMatches } from './compiled-rule.js';
import type { DetectorMatch, FieldRole, ScanContext, ScanField } from './detector.js';
import { type Gate, OPEN_GATE, Prefilter } from './prefilter.js';

/**
 * How the engine runs its rules over an event's fields: rules grouped by the role they read, each
 * behind its prefilter gate, and detectors that several rules share called once per field.
 */

/** One match of one rule in one field. */
export interface Hit {
  readonly rule: CompiledRule;
  readonly ruleIndex: number;
  readonly fieldIndex: number;
  readonly match: DetectorMatch;
}

export interface ScanPlan {
  readonly compiled: readonly CompiledRule[];
  readonly byRole: ReadonlyMap<FieldRole, readonly PlannedRule[]>;
  readonly prefilter: Prefilter;
  /**
   * Scratch reused by every scan (a typed array per event costs more than a small scan): per gate
   * and per detector that several rules name (its result is reused), the stamp of the field it
   * was last opened or computed for. A scan is synchronous and never re-entered, and stamps only
   * grow, so nothing from an earlier field or event shows through.
   */
  readonly scratch: { readonly open: Int32Array; readonly sharedAt: Int32Array; stamp: number };
}

interface PlannedRule {
  readonly rule: CompiledRule;
  readonly ruleIndex: number;
  readonly gate: Gate;
  /** Slot of the detector's result when other rules name the same detector, else -1. */
  readonly shared: number;
}

const NOT_SCANNED = 0;
const VALUE_SCANNED = 1;
const KEY_SCANNED = 2;
const MAX_STAMP = 2 ** 31 - 1;

export function planScan(compiled: readonly CompiledRule[]): ScanPlan {
  const { prefilter, gates } = Prefilter.compile(compiled.map((rule) => rule.triggers));
  const uses = new Map<string, number>();
  for (const { rule } of compiled) {
    if (rule.detector !== undefined) uses.set(rule.detector, (uses.get(rule.detector) ?? 0) + 1);
  }
  const slots = new Map<string, number>();
  for (const [detector, count] of uses) if (count > 1) slots.set(detector, slots.size);
  const byRole = new Map<FieldRole, PlannedRule[]>();
  compiled.forEach((rule, ruleIndex) => {
    const shared = rule.rule.detector === undefined ? -1 : (slots.get(rule.rule.detector) ?? -1);
    for (const role of rule.roles) {
      const list = byRole.get(role) ?? [];
      list.push({ rule, ruleIndex, gate: gates[ruleIndex] ?? OPEN_GATE, shared });
      byRole.set(role, list);
    }
  });
  const scratch = {
    open: new Int32Array(prefilter.gateCount),
    sharedAt: new Int32Array(slots.size),
    stamp: 0,
  };
  return { compiled, byRole, prefilter, scratch };
}

/**
 * Runs each field's rules, field by field: the prefilter scans a value once, on the first rule
 * that needs it, and rules whose gate stays closed are not called. The engine sorts the hits, so
 * the order of the calls does not show in its result.
 */
export function collectHits(plan: ScanPlan, fields: readonly ScanField[], context: ScanContext): Hit[] {
  const hits: Hit[] = [];
  const { prefilter, scratch } = plan;
  const { open, sharedAt } = scratch;
  if (scratch.stamp > MAX_STAMP - fields.length) {
    open.fill(0);
    sharedAt.fill(0);
    prefilter.resetStamps();
    scratch.stamp = 0;
  }
  // Detectors are pure, so a result for the same field is the same result.
  const sharedMatches: DetectorMatch[][] = [];
  for (let fieldIndex = 0; fieldIndex < fields.length; fieldIndex++) {
    const field = fields[fieldIndex]!;
    const planned = plan.byRole.get(field.role);
    if (planned === undefined) continue;
    const length = field.value.length;
    const stamp = ++scratch.stamp;
    let scanned = NOT_SCANNED;
    /** The value's shape bits, found on the first gate that asks (-1: not yet). */
    let shapes = -1;
    for (const { rule, ruleIndex, gate, shared } of planned) {
      if (length < gate.minLength) continue;
      if (gate.id >= 0) {
        if (scanned === NOT_SCANNED) {
          prefilter.mark(field.value, open, stamp, false);
          scanned = VALUE_SCANNED;
        }
        if (open[gate.id] !== stamp) {
          if (gate.shapes !== 0) {
            if (shapes < 0) shapes = prefilter.shapesOf(field.value);
            if ((shapes & gate.shapes) !== 0) open[gate.id] = stamp;
          }
          if (gate.orKey && scanned === VALUE_SCANNED && open[gate.id] !== stamp) {
            prefilter.mark(field.key, open, stamp, true);
            scanned = KEY_SCANNED;
          }
          if (open[gate.id] !== stamp && gate.keyTest?.(field.key) !== true) continue;
        }
      }
      let matches: DetectorMatch[];
      if (shared < 0) {
        matches = rule.find(field, context);
      } else if (sharedAt[shared] === stamp) {
        matches = sharedMatches[shared]!;
      } else {
        matches = rule.find(field, context);
        sharedAt[shared] = stamp;
        sharedMatches[shared] = matches;
      }
      if (matches.length === 0) continue;
      for (const match of cleanMatches(matches, length)) hits.push({ rule, ruleIndex, fieldIndex, match });
    }
  }
  return hits;
}
