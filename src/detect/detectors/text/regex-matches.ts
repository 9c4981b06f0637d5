/**
 * Every match of a global regex, as `String.prototype.matchAll` yields them, without the copy of
 * the regex that matchAll makes on every call: most detector calls find nothing, and that copy
 * was a large part of what they cost. The first `exec` runs at once, so the common no-match case
 * allocates nothing; after it, the position lives in the generator and is set before each `exec`,
 * so code that uses the same regex between two steps cannot disturb it.
 */
export function matchesIn(pattern: RegExp, text: string): Iterable<RegExpExecArray> {
  if (!pattern.global) throw new TypeError(`matchesIn needs a global regex: ${pattern}`);
  pattern.lastIndex = 0;
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  return first === null ? NO_MATCHES : matchesFrom(pattern, text, first);
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

function* matchesFrom(
  pattern: RegExp,
  text: string,
  first: RegExpExecArray,
): Generator<RegExpExecArray, void, undefined> {
  let m: RegExpExecArray | null = first;
  while (m !== null) {
    // The flags are read only for an empty match (rare): building `flags` costs a string per call.
    const at =
      m[0].length > 0
        ? m.index + m[0].length
        : advance(text, m.index, pattern.unicode || pattern.flags.includes('v'));
    yield m;
    if (at > text.length) return;
    pattern.lastIndex = at;
    m = pattern.exec(text);
    pattern.lastIndex = 0;
  }
}

/** The index after `at`, stepping over a surrogate pair in unicode mode (ECMA-262 AdvanceStringIndex). */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}
