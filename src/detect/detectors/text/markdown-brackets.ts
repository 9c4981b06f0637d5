/**
 * Markdown images and links found in linear time. Their patterns start `!\[[^\]\n]{0,N}\]\(` or
 * `(?<!!)\[[^\]\n]{0,N}\]\(`, which a regex search tries at every bracket: on a line of `![![![`
 * each try reads N characters before failing (3 µs per character of input). Every bracket before
 * the same `]` or line break shares the same end, so the text is read once, segment by segment,
 * and the pattern is tried only at the leftmost bracket of a segment that ends in `](` within
 * reach: the bracket the pattern's own search would match at, if any matches there.
 */

export interface BracketPattern {
  /** The pattern, with the sticky flag: tried only at a computed start. */
  readonly sticky: RegExp;
  /** True for `![...](`, false for a link, whose `[` has no `!` before it. */
  readonly image: boolean;
  /** N in `[^\]\n]{0,N}`: the longest bracket text the pattern accepts. */
  readonly maxText: number;
}

/** The pattern of a global `![...](` or `[...](` regex, compiled to be tried at one index. */
export function bracketPattern(pattern: RegExp, image: boolean, maxText: number): BracketPattern {
  return { sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`), image, maxText };
}

/** What the pattern's global search would find in `text`, in order, at most `limit` matches. */
export function bracketMatches(text: string, pattern: BracketPattern, limit: number): RegExpExecArray[] {
  const { sticky, image, maxText } = pattern;
  const out: RegExpExecArray[] = [];
  let from = 0;
  while (out.length < limit) {
    // An image's `[` follows its `!`, which must lie at or after `from`.
    const first = text.indexOf('[', image ? from + 1 : from);
    if (first < 0) break;
    let close = first + 1;
    while (close < text.length && text.charCodeAt(close) !== 93 && text.charCodeAt(close) !== 10) close++;
    if (close >= text.length || text.charCodeAt(close) !== 93 || text.charCodeAt(close + 1) !== 40) {
      from = close + 1;
      continue;
    }
    const start = leftmostStart(text, Math.max(first, close - 1 - maxText), close, image);
    if (start >= 0) {
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (m !== null && m[0].length > 0) {
        out.push(m);
        from = start + m[0].length;
        continue;
      }
    }
    // Every bracket of the segment shares its `](...` tail: where one fails, all do.
    from = close + 1;
  }
  return out;
}

/** The start of the first bracket in [from, to) that opens an image (after `!`) or a link (not). */
function leftmostStart(text: string, from: number, to: number, image: boolean): number {
  for (let at = text.indexOf('[', from); at >= 0 && at < to; at = text.indexOf('[', at + 1)) {
    const bang = at > 0 && text.charCodeAt(at - 1) === 33;
    if (image && bang) return at - 1;
    if (!image && !bang) return at;
  }
  return -1;
}
