/**
 * An Aho-Corasick automaton over the prefilter's literals: one pass over a value finds every
 * literal in it at a cost per character that does not grow with the number of literals (a regex
 * alternation of a few hundred literals costs several times more per character in V8).
 *
 * Characters are folded as a case-insensitive RegExp without the `u` flag folds them (ECMA-262
 * Canonicalize), so a caseless literal is found exactly where `/literal/i` would find it; a
 * case-sensitive literal is found in every case and checked by the caller.
 */

export interface AutomatonLiteral {
  readonly text: string;
}

export interface LiteralAutomaton {
  /** Character class of each UTF-16 code unit; 0 for characters that no literal holds. */
  readonly classOf: Uint8Array | Uint16Array;
  /** Classes per state: the row length of `next`. */
  readonly width: number;
  /**
   * `next[row + class]` for the state whose row starts at `row` (state * width): the next state's
   * row, or `-row - 1` when a literal ends in that state, so the hot loop needs one load per
   * character and no multiplication.
   */
  readonly next: Int32Array;
  /** Per state, where its literals start in `outputs`, or -1 when no literal ends there. */
  readonly outputStart: Int32Array;
  /** Literal indexes ending at each state (own and through suffix links), each list ended by -1. */
  readonly outputs: Int32Array;
}

/** The character a case-insensitive non-unicode RegExp compares (ECMA-262 Canonicalize). */
export function canonical(ch: string): string {
  const upper = ch.toUpperCase();
  if (upper.length !== 1 || (ch.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128)) return ch;
  return upper;
}

/** Builds the automaton; literals must not be empty. */
export function buildAutomaton(literals: readonly AutomatonLiteral[]): LiteralAutomaton {
  const { classOf, width } = characterClasses(literals);
  const children: Map<number, number>[] = [new Map()];
  const ending: number[][] = [[]];
  literals.forEach((literal, index) => {
    let state = 0;
    for (let i = 0; i < literal.text.length; i++) {
      const cls = classOf[literal.text.charCodeAt(i)]!;
      let child = children[state]!.get(cls);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        ending.push([]);
        children[state]!.set(cls, child);
      }
      state = child;
    }
    ending[state]!.push(index);
  });
  const next = new Uint32Array(children.length * width);
  const fail = new Uint32Array(children.length);
  // Breadth first, so a state's suffix link and its row are complete before its children need them.
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let cls = 0; cls < width; cls++) {
      const child = children[state]!.get(cls);
      const viaFail = state === 0 ? 0 : next[fail[state]! * width + cls]!;
      if (child === undefined) {
        next[state * width + cls] = viaFail;
        continue;
      }
      next[state * width + cls] = child;
      fail[child] = viaFail;
      ending[child]!.push(...ending[viaFail]!);
      queue.push(child);
    }
  }
  const outputs = flattenOutputs(ending);
  return { classOf, width, next: encodeRows(next, width, outputs.outputStart), ...outputs };
}

/** One class per folded character that some literal holds; class 0 is every other character. */
function characterClasses(literals: readonly AutomatonLiteral[]): {
  classOf: Uint8Array | Uint16Array;
  width: number;
} {
  const classes = new Map<string, number>();
  for (const { text } of literals) {
    for (const ch of text.split('')) {
      const folded = canonical(ch);
      if (!classes.has(folded)) classes.set(folded, classes.size + 1);
    }
  }
  const width = classes.size + 1;
  const classOf = width <= 256 ? new Uint8Array(65_536) : new Uint16Array(65_536);
  // Only non-ASCII literals need the whole table: an ASCII character folds from ASCII only.
  const wide = [...classes.keys()].some((ch) => ch.charCodeAt(0) >= 128);
  const limit = wide ? 65_536 : 128;
  for (let code = 0; code < limit; code++) {
    classOf[code] = classes.get(canonical(String.fromCharCode(code))) ?? 0;
  }
  return { classOf, width };
}

function encodeRows(next: Uint32Array, width: number, outputStart: Int32Array): Int32Array {
  const rows = new Int32Array(next.length);
  for (let i = 0; i < next.length; i++) {
    const state = next[i]!;
    rows[i] = outputStart[state]! < 0 ? state * width : -(state * width) - 1;
  }
  return rows;
}

function flattenOutputs(ending: readonly number[][]): { outputStart: Int32Array; outputs: Int32Array } {
  const outputStart = new Int32Array(ending.length).fill(-1);
  const flat: number[] = [];
  ending.forEach((list, state) => {
    if (list.length === 0) return;
    outputStart[state] = flat.length;
    flat.push(...new Set(list), -1);
  });
  return { outputStart, outputs: Int32Array.from(flat) };
}
