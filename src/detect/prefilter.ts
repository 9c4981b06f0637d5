import type { DetectorTriggers, ScanContext } from './detector.js';
import { buildAutomaton, type LiteralAutomaton } from './literal-automaton.js';
import { ShapeFinder } from './value-shapes.js';

/**
 * The engine's prefilter: the trigger literals of every detector (DetectorTriggers) in one
 * automaton, run once per field, so a rule whose trigger cannot occur in a value is never called.
 * Most values open no gate at all, and the scan costs the same however many literals there are.
 */

/** What the engine checks before calling one rule's detector on a field. */
export interface Gate {
  /** Values shorter than this are skipped without a scan. */
  readonly minLength: number;
  /** Index into the prefilter's gates, or -1 when the rule has no literal condition. */
  readonly id: number;
  /** The field's key may open the gate too. */
  readonly orKey: boolean;
  /** A test on the field's key that opens the gate too (DetectorTriggers.keys), or null. */
  readonly keyTest: ((key: string) => boolean) | null;
  /** Shape bits (Prefilter.shapesOf) that open the gate too; 0 for none. */
  readonly shapes: number;
  /** A test on the event that opens the gate for all its fields (DetectorTriggers.context), or null. */
  readonly contextTest: ((context: ScanContext) => boolean) | null;
}

interface Literal {
  readonly text: string;
  /** Caseless literals are found exactly by the automaton; the others are checked by case. */
  readonly caseless: boolean;
  /** Counts only with a word boundary on each side (DetectorTriggers.words); always caseless. */
  readonly word: boolean;
  /** Gates this literal opens. */
  readonly gates: readonly number[];
}

/** A gate that runs every field of its rule's roles. */
export const OPEN_GATE: Gate = {
  minLength: 0,
  id: -1,
  orKey: false,
  keyTest: null,
  shapes: 0,
  contextTest: null,
};

export interface CompiledTriggers {
  readonly prefilter: Prefilter;
  /** One gate per trigger set given to Prefilter.compile, in order. */
  readonly gates: Gate[];
}

export class Prefilter {
  readonly gateCount: number;
  private readonly literals: readonly Literal[];
  private readonly automaton: LiteralAutomaton | null;
  /** Per gate: whether the field's key may open it. */
  private readonly orKey: readonly boolean[];
  /** Gates still closed in the current `mark` call (scratch; a scan is never re-entered). */
  private remaining = 0;
  /** Per literal, the stamp of the field it was last seen in (scratch, like `open`). */
  private readonly literalDone: Int32Array;
  /** Per automaton state, the one literal ending there, or -1 (none, or several). */
  private readonly soloLiteral: Int32Array;
  /**
   * The gates the last `mark` of a value opened, in `opened[0..openedCount)` (a key's `mark` adds
   * after them): the engine runs those rules without looking at every closed one.
   */
  readonly opened: Int32Array;
  openedCount = 0;

  private readonly shapeFinder: ShapeFinder | null;

  private constructor(literals: readonly Literal[], orKey: readonly boolean[], shapes: readonly string[]) {
    this.shapeFinder = shapes.length === 0 ? null : new ShapeFinder(shapes);
    this.literals = literals;
    this.orKey = orKey;
    this.gateCount = orKey.length;
    this.automaton = literals.length === 0 ? null : buildAutomaton(literals);
    this.literalDone = new Int32Array(literals.length);
    this.soloLiteral = soloLiterals(this.automaton);
    this.opened = new Int32Array(orKey.length);
  }

  /** One gate per trigger set; `undefined` (no triggers) gives OPEN_GATE. */
  static compile(triggers: readonly (DetectorTriggers | undefined)[]): CompiledTriggers {
    const literals = new Map<string, { text: string; caseless: boolean; word: boolean; gates: number[] }>();
    const orKey: boolean[] = [];
    const shapes = [...new Set(triggers.flatMap((trigger) => trigger?.shapes ?? []))];
    const shapeBit = (shape: string) => 1 << shapes.indexOf(shape);
    const gates = triggers.map((trigger): Gate => {
      const minLength = trigger?.minLength ?? 0;
      const texts = [
        ...(trigger?.literals ?? []).map((text) => ({ text, caseless: false, word: false })),
        ...(trigger?.caseless ?? []).map((text) => ({ text, caseless: true, word: false })),
        ...(trigger?.words ?? []).map((text) => ({ text, caseless: true, word: true })),
      ].filter((literal) => literal.text.length > 0);
      const keyTest = trigger?.keys ? memoizedKeyTest(trigger.keys) : null;
      const shapeBits = (trigger?.shapes ?? []).reduce((bits, shape) => bits | shapeBit(shape), 0);
      const contextTest = trigger?.context ?? null;
      if (texts.length === 0 && keyTest === null && shapeBits === 0 && contextTest === null) {
        return minLength > 0 ? { ...OPEN_GATE, minLength } : OPEN_GATE;
      }
      const id = orKey.length;
      const keyToo = trigger?.orKey === true;
      orKey.push(keyToo);
      for (const { text, caseless, word } of texts) {
        const key = `${word ? 'w' : caseless ? 'i' : 's'}:${text}`;
        const entry = literals.get(key) ?? { text, caseless, word, gates: [] };
        if (!entry.gates.includes(id)) entry.gates.push(id);
        literals.set(key, entry);
      }
      return { minLength, id, orKey: keyToo, keyTest, shapes: shapeBits, contextTest };
    });
    return { prefilter: new Prefilter([...literals.values()], orKey, shapes), gates };
  }

  /**
   * Sets `open[gate] = stamp` for every gate a literal in `text` opens (with `fromKey`, only the
   * gates that the key may open). Stamps let one array serve every field of an event unreset.
   */
  /** Bits of the gates' shapes that occur in `text` (0 when no gate names a shape). */
  shapesOf(text: string): number {
    return this.shapeFinder === null ? 0 : this.shapeFinder.find(text);
  }

  /** Forgets every stamp; the caller does this when it restarts its stamps from zero. */
  resetStamps(): void {
    this.literalDone.fill(0);
  }

  mark(text: string, open: Int32Array, stamp: number, fromKey: boolean): void {
    if (!fromKey) this.openedCount = 0;
    const automaton = this.automaton;
    if (automaton === null) return;
    const { classOf, next, width } = automaton;
    const { soloLiteral, literalDone } = this;
    this.remaining = this.gateCount;
    const length = text.length;
    let row = 0;
    // The hot loop stays this small: one table load per character; literal ends are rare.
    for (let i = 0; i < length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row >= 0) continue;
      row = -row - 1;
      // A literal seen again in this field (a newline, `<`) has nothing left to open.
      const solo = soloLiteral[row / width]!;
      if (solo >= 0 && literalDone[solo] === stamp) continue;
      if (this.openGates(text, i, row, open, stamp, fromKey)) return;
    }
  }

  /** Opens the gates of the literals ending at `i` (state row `row`); true once every gate is open. */
  private openGates(
    text: string,
    i: number,
    row: number,
    open: Int32Array,
    stamp: number,
    fromKey: boolean,
  ): boolean {
    const { width, outputStart, outputs } = this.automaton!;
    const done = this.literalDone;
    for (let k = outputStart[row / width]!; outputs[k]! >= 0; k++) {
      const index = outputs[k]!;
      // A literal seen once has opened all its gates: digits in a row repeat "two digits" often.
      if (done[index] === stamp) continue;
      const literal = this.literals[index]!;
      const start = i + 1 - literal.text.length;
      if (!literal.caseless && !text.startsWith(literal.text, start)) continue;
      // Not done: the same word may stand alone later in the text.
      if (literal.word && !(boundaryAt(text, start) && boundaryAt(text, i + 1))) continue;
      done[index] = stamp;
      for (const gate of literal.gates) {
        if (open[gate] === stamp || (fromKey && !this.orKey[gate])) continue;
        open[gate] = stamp;
        this.opened[this.openedCount++] = gate;
        this.remaining--;
      }
    }
    return this.remaining <= 0;
  }
}

/** Per state, the literal that alone ends there, or -1. */
function soloLiterals(automaton: LiteralAutomaton | null): Int32Array {
  if (automaton === null) return new Int32Array(0);
  const { outputStart, outputs } = automaton;
  const solo = new Int32Array(outputStart.length).fill(-1);
  outputStart.forEach((start, state) => {
    if (start >= 0 && outputs[start + 1] === -1) solo[state] = outputs[start]!;
  });
  return solo;
}

/** A `\w` of a RegExp without the `u` flag. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

/** Whether a RegExp `\b` (no `u` flag) holds between `text[at - 1]` and `text[at]`. */
function boundaryAt(text: string, at: number): boolean {
  const before = at > 0 && isWordChar(text.charCodeAt(at - 1));
  const after = at < text.length && isWordChar(text.charCodeAt(at));
  return before !== after;
}

/** Keys remembered per test; the set is cleared when full, since keys come from the sender. */
const KEY_MEMO_SIZE = 1024;

/**
 * A key test that remembers its answers: events repeat a small set of field names, and the tests
 * (several regexes each) ran on every field of every event. Pure functions of the key only.
 */
function memoizedKeyTest(test: (key: string) => boolean): (key: string) => boolean {
  const seen = new Map<string, boolean>();
  return (key) => {
    let result = seen.get(key);
    if (result === undefined) {
      result = test(key);
      if (seen.size >= KEY_MEMO_SIZE) seen.clear();
      seen.set(key, result);
    }
    return result;
  };
}
