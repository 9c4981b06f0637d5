import { type CharSet, EMPTY_SET, union } from './char-set.js';
import type { RegexNode } from './regex-parser.js';

/** Structural questions safe-regex asks about parsed regex nodes. */

type Repeat = Extract<RegexNode, { kind: 'repeat' }>;

/** Every character the node can consume (lookarounds consume none). */
export function charsOf(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'repeat':
      return charsOf(node.body);
    case 'group':
      if (node.lookaround) return EMPTY_SET;
      return node.alternatives.flat().reduce((set, n) => union(set, charsOf(n)), EMPTY_SET);
    default:
      return EMPTY_SET;
  }
}

export function canBeEmpty(node: RegexNode): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'repeat':
      return node.min === 0 || canBeEmpty(node.body);
    case 'group':
      return node.lookaround || node.alternatives.some((alt) => alt.every(canBeEmpty));
    default:
      return true;
  }
}

/** The characters a sequence can start with. */
export function firstOf(sequence: readonly RegexNode[]): CharSet {
  let set = EMPTY_SET;
  for (const node of sequence) {
    set = union(set, firstOfNode(node));
    if (!canBeEmpty(node)) break;
  }
  return set;
}

/** The characters a sequence can end with. */
export function lastOf(sequence: readonly RegexNode[]): CharSet {
  return firstOf([...sequence].reverse().map(reversed));
}

function firstOfNode(node: RegexNode): CharSet {
  if (node.kind === 'repeat') return firstOfNode(node.body);
  if (node.kind === 'group' && !node.lookaround) {
    return node.alternatives.reduce((set, alt) => union(set, firstOf(alt)), EMPTY_SET);
  }
  return node.kind === 'char' ? node.set : EMPTY_SET;
}

/** The node read right to left, so firstOf of the reversal is the last-character set. */
function reversed(node: RegexNode): RegexNode {
  if (node.kind === 'repeat') return { ...node, body: reversed(node.body) };
  if (node.kind !== 'group' || node.lookaround) return node;
  return { ...node, alternatives: node.alternatives.map((alt) => [...alt].reverse().map(reversed)) };
}

/** A repeat that can match a varying number of times (`*`, `+`, `?`, `{1,3}`). */
export function isVariable(node: RegexNode): node is Repeat {
  return node.kind === 'repeat' && node.max > node.min;
}

/** A repeat whose count can vary widely, enough to make polynomial backtracking hurt. */
export function isWide(node: RegexNode): node is Repeat {
  return node.kind === 'repeat' && node.max - node.min > 16;
}

/**
 * Inlines plain groups (`(\w+)`, `(?:a|b)` with one alternative, not repeated) into the sequence
 * around them, so `(\w+)\w+` is seen as the `\w+\w+` it is.
 */
export function flatten(sequence: readonly RegexNode[]): RegexNode[] {
  return sequence.flatMap((node) =>
    node.kind === 'group' && !node.lookaround && node.alternatives.length === 1
      ? flatten(node.alternatives[0]!)
      : [node],
  );
}

/** Calls `visit` on every node, depth first. */
export function walkNodes(nodes: readonly RegexNode[], visit: (node: RegexNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind === 'repeat') walkNodes([node.body], visit);
    if (node.kind === 'group') for (const alt of node.alternatives) walkNodes(alt, visit);
  }
}
