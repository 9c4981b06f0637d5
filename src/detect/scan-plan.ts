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
  readonly byRole: ReadonlyMap<FieldRole, RolePlan>;
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

/**
 * The rules of one field role, by how the engine reaches them. Most gates stay closed on most
 * values, so rules opened by literals alone are found through the gates a value opened instead of
 * checking every closed one.
 */
interface RolePlan {
  /** No literal condition (open, or a minimum length only): checked on every field. */
  readonly always: readonly PlannedRule[];
  /** Literals alone open them: by gate id, reached through Prefilter.opened. */
  readonly byGate: readonly (PlannedRule | undefined)[];
  /** Gated, but shapes or the field's key may open them too: checked one by one. */
  readonly special: readonly PlannedRule[];
  /** The shortest value a gated rule reads; shorter values skip the prefilter scan. */
  readonly minGatedLength: number;
}

/** A RolePlan while planScan builds it. */
interface RolePlanDraft {
  always: PlannedRule[];
  byGate: (PlannedRule | undefined)[];
  special: PlannedRule[];
  minGatedLength: number;
}

const MAX_STAMP = 2 ** 31 - 1;

export function planScan(compiled: readonly CompiledRule[]): ScanPlan {
  const { prefilter, gates } = Prefilter.compile(compiled.map((rule) => rule.triggers));
  const uses = new Map<string, number>();
  for (const { rule } of compiled) {
    if (rule.detector !== undefined) uses.set(rule.detector, (uses.get(rule.detector) ?? 0) + 1);
  }
  const slots = new Map<string, number>();
  for (const [detector, count] of uses) if (count > 1) slots.set(detector, slots.size);
  const byRole = new Map<FieldRole, RolePlanDraft>();
  compiled.forEach((rule, ruleIndex) => {
    const shared = rule.rule.detector === undefined ? -1 : (slots.get(rule.rule.detector) ?? -1);
    const gate = gates[ruleIndex] ?? OPEN_GATE;
    const planned: PlannedRule = { rule, ruleIndex, gate, shared };
    for (const role of rule.roles) {
      let plan = byRole.get(role);
      if (plan === undefined) {
        plan = {
          always: [],
          byGate: new Array<PlannedRule | undefined>(prefilter.gateCount).fill(undefined),
          special: [],
          minGatedLength: Number.POSITIVE_INFINITY,
        };
        byRole.set(role, plan);
      }
      if (gate.id < 0) {
        plan.always.push(planned);
        continue;
      }
      plan.minGatedLength = Math.min(plan.minGatedLength, gate.minLength);
      if (gate.shapes !== 0 || gate.orKey || gate.keyTest !== null || gate.contextTest !== null)
        plan.special.push(planned);
      else plan.byGate[gate.id] = planned;
    }
  });
  const scratch = {
    open: new Int32Array(prefilter.gateCount),
    sharedAt: new Int32Array(slots.size),
    stamp: 0,
  };
  return { compiled, byRole, prefilter, scratch };
}

/** What one scan shares between its fields. */
interface ScanState {
  readonly plan: ScanPlan;
  readonly context: ScanContext;
  readonly hits: Hit[];
  /** Detectors are pure, so a result for the same field is the same result. */
  readonly sharedMatches: DetectorMatch[][];
  /** Per gate with a context test, its answer for this event (asked once; made when first asked). */
  contextOpen: Map<number, boolean> | null;
}

/**
 * Runs each field's rules, field by field: the prefilter scans a value once, and only the rules
 * its gates opened are called (plus those without a literal gate). The engine sorts the hits, so
 * the order of the calls does not show in its result.
 */
export function collectHits(plan: ScanPlan, fields: readonly ScanField[], context: ScanContext): Hit[] {
  const { prefilter, scratch } = plan;
  const { open, sharedAt } = scratch;
  if (scratch.stamp > MAX_STAMP - fields.length) {
    open.fill(0);
    sharedAt.fill(0);
    prefilter.resetStamps();
    scratch.stamp = 0;
  }
  const state: ScanState = { plan, context, hits: [], sharedMatches: [], contextOpen: null };
  for (let fieldIndex = 0; fieldIndex < fields.length; fieldIndex++) {
    const field = fields[fieldIndex]!;
    const rolePlan = plan.byRole.get(field.role);
    if (rolePlan === undefined) continue;
    const length = field.value.length;
    const stamp = ++scratch.stamp;
    for (const planned of rolePlan.always) {
      if (length >= planned.gate.minLength) runRule(state, planned, field, fieldIndex, stamp);
    }
    if (length < rolePlan.minGatedLength) continue;
    prefilter.mark(field.value, open, stamp, false);
    const opened = prefilter.openedCount;
    for (let i = 0; i < opened; i++) {
      const planned = rolePlan.byGate[prefilter.opened[i]!];
      if (planned !== undefined && length >= planned.gate.minLength) {
        runRule(state, planned, field, fieldIndex, stamp);
      }
    }
    let keyScanned = false;
    /** The value's shape bits, found on the first gate that asks (-1: not yet). */
    let shapes = -1;
    for (const planned of rolePlan.special) {
      const { gate } = planned;
      if (length < gate.minLength) continue;
      if (open[gate.id] !== stamp && gate.shapes !== 0) {
        if (shapes < 0) shapes = prefilter.shapesOf(field.value);
        if ((shapes & gate.shapes) !== 0) open[gate.id] = stamp;
      }
      if (open[gate.id] !== stamp && gate.orKey && !keyScanned) {
        prefilter.mark(field.key, open, stamp, true);
        keyScanned = true;
      }
      if (open[gate.id] !== stamp && gate.contextTest !== null && contextOpens(state, gate))
        open[gate.id] = stamp;
      if (open[gate.id] !== stamp && gate.keyTest?.(field.key) !== true) continue;
      runRule(state, planned, field, fieldIndex, stamp);
    }
  }
  return state.hits;
}

function contextOpens(state: ScanState, gate: Gate): boolean {
  state.contextOpen ??= new Map();
  let opens = state.contextOpen.get(gate.id);
  if (opens === undefined) {
    opens = gate.contextTest?.(state.context) === true;
    state.contextOpen.set(gate.id, opens);
  }
  return opens;
}

function runRule(
  state: ScanState,
  planned: PlannedRule,
  field: ScanField,
  fieldIndex: number,
  stamp: number,
): void {
  const { rule, ruleIndex, shared } = planned;
  const { sharedAt } = state.plan.scratch;
  let matches: DetectorMatch[];
  if (shared < 0) {
    matches = rule.find(field, state.context);
  } else if (sharedAt[shared] === stamp) {
    matches = state.sharedMatches[shared]!;
  } else {
    matches = rule.find(field, state.context);
    sharedAt[shared] = stamp;
    state.sharedMatches[shared] = matches;
  }
  if (matches.length === 0) return;
  for (const match of cleanMatches(matches, field.value.length)) {
    state.hits.push({ rule, ruleIndex, fieldIndex, match });
  }
}
