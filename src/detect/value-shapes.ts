/**
 * Character shapes a prefilter gate may ask for: short patterns over character classes, such as
 * "a digit, a dash, a digit" (`d-d`) or "an uppercase letter and a digit" (`Ad`). Personal-data
 * finders need such shapes (grouped digits, country codes before check digits), which as literals
 * meant hundreds of them ("0-0" ... "9-9") in the automaton and an automaton output at almost every
 * digit. One pass with one table load per character finds them all instead.
 *
 * In a shape, `d` is an ASCII digit, `A` an ASCII uppercase letter, and any other character
 * stands for itself. Shapes are case-sensitive and at most MAX_SHAPE characters long.
 */

export const MAX_SHAPE = 3;
/** Shapes per engine: one bit each in a 32-bit mask. */
const MAX_SHAPES = 31;

const DIGIT = 1;
const UPPER = 2;

export class ShapeFinder {
  /** Class of each UTF-16 code unit: 0 for characters no shape names. */
  private readonly classOf = new Uint8Array(65_536);
  private readonly classes: number;
  /** Shape bits ending at a character, by the classes of it and the two before it. */
  private readonly table: Int32Array;
  /** Per class, 1 when some shape ends with it: only there can a shape be completed. */
  private readonly ends: Uint8Array;
  readonly shapes: readonly string[];

  constructor(shapes: readonly string[]) {
    if (shapes.length > MAX_SHAPES) throw new Error(`at most ${MAX_SHAPES} shapes, got ${shapes.length}`);
    this.shapes = shapes;
    for (let code = 48; code <= 57; code++) this.classOf[code] = DIGIT;
    for (let code = 65; code <= 90; code++) this.classOf[code] = UPPER;
    let next = UPPER + 1;
    const literalClass = new Map<string, number>();
    for (const shape of shapes) {
      if (shape.length === 0 || shape.length > MAX_SHAPE) throw new Error(`bad shape "${shape}"`);
      for (const ch of shape) {
        if (ch === 'd' || ch === 'A' || literalClass.has(ch)) continue;
        literalClass.set(ch, next);
        this.classOf[ch.charCodeAt(0)] = next++;
      }
    }
    this.classes = next;
    const classOfShapeChar = (ch: string) =>
      ch === 'd' ? DIGIT : ch === 'A' ? UPPER : literalClass.get(ch)!;
    const k = this.classes;
    this.table = new Int32Array(k * k * k);
    this.ends = new Uint8Array(k);
    for (const shape of shapes) this.ends[classOfShapeChar(shape.at(-1)!)] = 1;
    for (let c2 = 0; c2 < k; c2++) {
      for (let c1 = 0; c1 < k; c1++) {
        for (let c0 = 0; c0 < k; c0++) {
          const last = [c2, c1, c0];
          let bits = 0;
          shapes.forEach((shape, bit) => {
            const wanted = [...shape].map(classOfShapeChar);
            const tail = last.slice(MAX_SHAPE - wanted.length);
            if (wanted.every((cls, i) => cls === tail[i])) bits |= 1 << bit;
          });
          this.table[(c2 * k + c1) * k + c0] = bits;
        }
      }
    }
  }

  /** The bit of `shape` (its index among the shapes given), for gates. */
  bit(shape: string): number {
    const index = this.shapes.indexOf(shape);
    if (index < 0) throw new Error(`unknown shape "${shape}"`);
    return 1 << index;
  }

  /** Bits of every shape that occurs in `text`. */
  find(text: string): number {
    const { classOf, table, ends } = this;
    const k = this.classes;
    const all = this.shapes.length === 31 ? 0x7fffffff : (1 << this.shapes.length) - 1;
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const c0 = classOf[text.charCodeAt(i)]!;
      // Most characters end no shape (shapes end in a digit): one load and a test, then the next.
      if (ends[c0] === 0) continue;
      const c1 = i > 0 ? classOf[text.charCodeAt(i - 1)]! : 0;
      const c2 = i > 1 ? classOf[text.charCodeAt(i - 2)]! : 0;
      mask |= table[(c2 * k + c1) * k + c0]!;
      if (mask === all) break;
    }
    return mask;
  }
}
