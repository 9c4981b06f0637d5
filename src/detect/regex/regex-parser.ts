import {
  ANY_SET,
  type CharSet,
  charSet,
  complement,
  DIGIT_SET,
  DOT_SET,
  EMPTY_SET,
  rangeSet,
  SPACE_SET,
  union,
  WORD_SET,
} from './char-set.js';

/**
 * A small parser for JavaScript regular expressions, just deep enough for safe-regex to see the
 * structure (repeats, groups, alternatives, character sets). It runs only on patterns that
 * `new RegExp` already accepted, so it does not report syntax errors of its own.
 */
export type RegexNode =
  | { readonly kind: 'char'; readonly set: CharSet }
  | { readonly kind: 'assert' }
  | { readonly kind: 'backref'; readonly pos: number }
  | {
      readonly kind: 'group';
      readonly alternatives: readonly RegexNode[][];
      /** Lookarounds match no characters, so they never join a sequence. */
      readonly lookaround: boolean;
      readonly pos: number;
    }
  | {
      readonly kind: 'repeat';
      readonly body: RegexNode;
      readonly min: number;
      readonly max: number;
      /** Where the quantifier (`*`, `+`, `?`, `{n,m}`) starts and ends, lazy `?` excluded. */
      readonly pos: number;
      readonly end: number;
    };

interface Cursor {
  readonly src: string;
  pos: number;
  readonly ignoreCase: boolean;
  readonly unicode: boolean;
  readonly dotAll: boolean;
}

/** Parses a pattern that `new RegExp(pattern, flags)` accepted into its alternatives. */
export function parseRegex(pattern: string, flags: string): RegexNode[][] {
  const cursor: Cursor = {
    src: pattern,
    pos: 0,
    ignoreCase: flags.includes('i'),
    unicode: flags.includes('u'),
    dotAll: flags.includes('s'),
  };
  return parseAlternatives(cursor);
}

function parseAlternatives(c: Cursor): RegexNode[][] {
  const alternatives: RegexNode[][] = [[]];
  while (c.pos < c.src.length && c.src[c.pos] !== ')') {
    if (c.src[c.pos] === '|') {
      c.pos++;
      alternatives.push([]);
      continue;
    }
    alternatives[alternatives.length - 1]!.push(parseTerm(c));
  }
  return alternatives;
}

function parseTerm(c: Cursor): RegexNode {
  const atom = parseAtom(c);
  const pos = c.pos;
  const bounds = readQuantifier(c);
  if (!bounds) return atom;
  const end = c.pos;
  if (c.src[c.pos] === '?') c.pos++;
  return { kind: 'repeat', body: atom, min: bounds[0], max: bounds[1], pos, end };
}

const BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

function readQuantifier(c: Cursor): [number, number] | null {
  const ch = c.src[c.pos];
  if (ch === '*' || ch === '+' || ch === '?') {
    c.pos++;
    return ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
  }
  if (ch !== '{') return null;
  const m = BRACE_QUANTIFIER.exec(c.src.slice(c.pos, c.pos + 40));
  if (!m) return null;
  c.pos += m[0].length;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return [min, max];
}

function parseAtom(c: Cursor): RegexNode {
  const start = c.pos;
  const ch = c.src[c.pos++]!;
  switch (ch) {
    case '^':
    case '$':
      return { kind: 'assert' };
    case '.':
      return { kind: 'char', set: c.dotAll ? ANY_SET : DOT_SET };
    case '(':
      return parseGroup(c, start);
    case '[':
      return { kind: 'char', set: parseClass(c) };
    case '\\':
      return parseAtomEscape(c, start);
    default:
      return { kind: 'char', set: literal(c, start) };
  }
}

function literal(c: Cursor, start: number): CharSet {
  const code = c.src.codePointAt(start)!;
  if (code > 0xffff) c.pos++;
  return charSet(code, c.ignoreCase);
}

function parseGroup(c: Cursor, start: number): RegexNode {
  let lookaround = false;
  if (c.src[c.pos] === '?') {
    const head = c.src.slice(c.pos, c.pos + 3);
    lookaround = /^\?(=|!|<=|<!)/.test(head);
    if (head.startsWith('?<') && !lookaround) c.pos = c.src.indexOf('>', c.pos) + 1;
    else c.pos += head.startsWith('?<') ? 3 : 2;
  }
  const alternatives = parseAlternatives(c);
  c.pos++; // the closing parenthesis
  return { kind: 'group', alternatives, lookaround, pos: start };
}

function parseAtomEscape(c: Cursor, start: number): RegexNode {
  const ch = c.src[c.pos]!;
  if (ch === 'b' || ch === 'B') {
    c.pos++;
    return { kind: 'assert' };
  }
  if (/[1-9]/.test(ch) || (ch === 'k' && c.src[c.pos + 1] === '<')) return { kind: 'backref', pos: start };
  return { kind: 'char', set: parseEscape(c, false) };
}

/** Reads the escape after a backslash (cursor on the char after `\`) and returns its set. */
function parseEscape(c: Cursor, inClass: boolean): CharSet {
  const ch = c.src[c.pos++]!;
  switch (ch) {
    case 'd':
      return DIGIT_SET;
    case 'D':
      return complement(DIGIT_SET);
    case 'w':
      return WORD_SET;
    case 'W':
      return complement(WORD_SET);
    case 's':
      return SPACE_SET;
    case 'S':
      return complement(SPACE_SET);
    case 'p':
    case 'P':
      if (c.unicode) c.pos = c.src.indexOf('}', c.pos) + 1;
      return c.unicode ? ANY_SET : charSet(ch.codePointAt(0)!, c.ignoreCase);
    default:
      return charSet(escapedCode(c, ch, inClass), c.ignoreCase);
  }
}

const CONTROL: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };

function escapedCode(c: Cursor, ch: string, inClass: boolean): number {
  if (ch in CONTROL) return CONTROL[ch]!;
  if (ch === 'b' && inClass) return 8;
  const hex = ch === 'x' ? /^[0-9a-fA-F]{2}/ : ch === 'u' ? /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : null;
  const m = hex?.exec(c.src.slice(c.pos, c.pos + 10));
  if (m) {
    c.pos += m[0].length;
    return Number.parseInt(m[0].replace(/[{}]/g, ''), 16);
  }
  if (ch === 'c' && /[A-Za-z]/.test(c.src[c.pos] ?? '')) return c.src.charCodeAt(c.pos++) % 32;
  return c.src.codePointAt(c.pos - 1)!;
}

function parseClass(c: Cursor): CharSet {
  const negated = c.src[c.pos] === '^';
  if (negated) c.pos++;
  let set = EMPTY_SET;
  while (c.pos < c.src.length && c.src[c.pos] !== ']') {
    const from = parseClassAtom(c);
    if (c.src[c.pos] === '-' && c.src[c.pos + 1] !== ']' && c.pos + 1 < c.src.length) {
      c.pos++;
      const to = parseClassAtom(c);
      // A range between two single characters; `[\d-z]` is a union with a literal dash (Annex B).
      set = union(
        set,
        typeof from === 'number' && typeof to === 'number'
          ? rangeSet(from, to, c.ignoreCase)
          : union(asSet(c, from), union(asSet(c, to), charSet(45, false))),
      );
    } else {
      set = union(set, asSet(c, from));
    }
  }
  c.pos++; // the closing bracket
  return negated ? complement(set) : set;
}

function asSet(c: Cursor, atom: number | CharSet): CharSet {
  return typeof atom === 'number' ? charSet(atom, c.ignoreCase) : atom;
}

/** One class member: a code point, or a set for class escapes such as `\d`. */
function parseClassAtom(c: Cursor): number | CharSet {
  const ch = c.src[c.pos++]!;
  if (ch !== '\\') {
    const code = c.src.codePointAt(c.pos - 1)!;
    if (code > 0xffff) c.pos++;
    return code;
  }
  const next = c.src[c.pos]!;
  if ('dDwWsSpP'.includes(next)) return parseEscape(c, true);
  c.pos++;
  return escapedCode(c, next, true);
}
