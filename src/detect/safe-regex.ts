import { EMPTY_SET, overlaps, union } from './regex/char-set.js';
import { parseRegex, type RegexNode } from './regex/regex-parser.js';
import {
  canBeEmpty,
  charsOf,
  firstOf,
  flatten,
  isVariable,
  isWide,
  lastOf,
  walkNodes,
} from './regex/regex-shape.js';

/**
 * User regular expressions run on attacker-controlled text inside the proxy, and V8's backtracking
 * engine has no time limit, so a rule must not be able to hang the process. Linear-time engines
 * were measured and rejected (see README: re2-wasm costs ~70 µs per 2 KB per pattern). Instead:
 *
 * 1. Reject the shapes that backtrack exponentially or polynomially, naming the position:
 *    backreferences, nested quantifiers whose inner repeat can match what follows it (`(a+)+`,
 *    `(\w+\s?)*`), repeated alternations whose branches overlap (`(a|ab)*`), and two wide repeats
 *    that can match the same run of characters (`\d+\d+`, `.*x.*`).
 * 2. Bound every unbounded repeat (`*`, `+`, `{n,}`) to MAX_REPEAT repetitions, so the one
 *    super-linear effect left (retrying a repeat from each start position) costs at most
 *    MAX_REPEAT steps per character; the engine also caps how much of a field user rules read.
 */

export const MAX_PATTERN_CHARS = 1000;
/** Upper bound the engine gives `*`, `+` and `{n,}` in user patterns. */
export const MAX_REPEAT = 128;

export type SafeRegexResult =
  | { readonly ok: true; readonly regex: RegExp; readonly source: string }
  | { readonly ok: false; readonly reason: string };

/** Compiles a user pattern with the `g` flag, or says why it is refused. Never throws. */
export function compileSafeRegex(pattern: string, flags = ''): SafeRegexResult {
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return { ok: false, reason: `flags "${flags}" not allowed: use only i, m, s and u, each once` };
  }
  if (pattern.length > MAX_PATTERN_CHARS) {
    return { ok: false, reason: `pattern is longer than ${MAX_PATTERN_CHARS} characters` };
  }
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return { ok: false, reason: `invalid regular expression: ${(error as Error).message}` };
  }
  const tree = parseRegex(pattern, flags);
  const problem = findProblem(tree, pattern);
  if (problem) return { ok: false, reason: problem };
  const bounded = boundRepeats(tree, pattern);
  if (!bounded.ok) return bounded;
  return { ok: true, regex: new RegExp(bounded.source, `${flags}g`), source: bounded.source };
}

function findProblem(tree: RegexNode[][], src: string): string | null {
  const group: RegexNode = { kind: 'group', alternatives: tree, lookaround: false, pos: 0 };
  let problem: string | null = null;
  walkNodes([group], (node) => {
    if (problem) return;
    if (node.kind === 'backref') {
      problem = `backreference at position ${node.pos}: backreferences can make matching exponential and are not supported`;
    } else if (node.kind === 'repeat' && node.max >= 2) {
      problem = nestedRepeat(node, src);
    } else if (node.kind === 'group') {
      problem = node.alternatives.reduce<string | null>(
        (found, alt) => found ?? overlappingRepeats(alt, src),
        null,
      );
    }
  });
  return problem;
}

type Repeat = Extract<RegexNode, { kind: 'repeat' }>;

function quantifier(node: Repeat, src: string): string {
  return `"${src.slice(node.pos, node.end)}" at position ${node.pos}`;
}

/** `(a+)+`: the outer repeat can split one run of text between its iterations in many ways. */
function nestedRepeat(outer: Repeat, src: string): string | null {
  const body = outer.body;
  const alternatives = body.kind === 'group' && !body.lookaround ? body.alternatives.map(flatten) : [[body]];
  const bodyFirst = alternatives.reduce((set, alt) => union(set, firstOf(alt)), EMPTY_SET);
  for (const alt of alternatives) {
    for (const [i, node] of alt.entries()) {
      const inner = innerVariable(node);
      if (!inner) continue;
      const rest = alt.slice(i + 1);
      const follower = rest.every(canBeEmpty) ? union(firstOf(rest), bodyFirst) : firstOf(rest);
      if (overlaps(charsOf(node), follower)) {
        return (
          `nested quantifier ${quantifier(outer, src)}: it repeats ${quantifier(inner, src)}, and both can ` +
          'match the same text, which backtracks exponentially (catastrophic backtracking)'
        );
      }
    }
  }
  for (const [i, a] of alternatives.entries()) {
    const b = alternatives.slice(i + 1).find((other) => overlaps(firstOf(a), firstOf(other)));
    if (b) {
      return (
        `quantified alternation ${quantifier(outer, src)}: two alternatives of the repeated group can ` +
        'start with the same character, which backtracks exponentially; make the alternatives disjoint'
      );
    }
  }
  return null;
}

/** The first variable repeat inside `node` (itself included), lookarounds excluded. */
function innerVariable(node: RegexNode): Repeat | null {
  let found: Repeat | null = null;
  walkNodes([node], (n) => {
    if (!found && isVariable(n)) found = n;
  });
  return found;
}

/** `\d+\d+`, `.*x.*`: two wide repeats that can share one run of text backtrack polynomially. */
function overlappingRepeats(sequence: readonly RegexNode[], src: string): string | null {
  const flat = flatten(sequence);
  for (const [i, first] of flat.entries()) {
    if (!isWide(first)) continue;
    // The characters the first repeat's text can end with: what a later repeat would compete for.
    const set = lastOf([first.body]);
    for (const next of flat.slice(i + 1)) {
      if (isWide(next) && overlaps(firstOf([next]), set)) {
        return (
          `overlapping quantifiers ${quantifier(first, src)} and ${quantifier(next, src)}: both can match ` +
          'the same characters, which backtracks polynomially; separate them with a character the first cannot match'
        );
      }
      if (!canBeEmpty(next) && !overlaps(charsOf(next), set)) break;
    }
  }
  return null;
}

/** Rewrites `*`, `+`, `{n,}` and over-large `{n,m}` to at most MAX_REPEAT repetitions. */
function boundRepeats(
  tree: RegexNode[][],
  src: string,
): { ok: true; source: string } | { ok: false; reason: string } {
  const edits: Repeat[] = [];
  walkNodes(tree.flat(), (node) => {
    if (node.kind === 'repeat' && node.max > MAX_REPEAT) edits.push(node);
  });
  const tooBig = edits.find((node) => node.min > MAX_REPEAT);
  if (tooBig) {
    return { ok: false, reason: `repetition count ${quantifier(tooBig, src)} is above ${MAX_REPEAT}` };
  }
  let source = src;
  for (const node of edits.sort((a, b) => b.pos - a.pos)) {
    source = source.slice(0, node.pos) + `{${node.min},${MAX_REPEAT}}` + source.slice(node.end);
  }
  return { ok: true, source };
}
