import { matchesIn } from '../text/regex-matches.js';
import { endOf, stopSet, type ValueKind } from './value-kind.js';

/**
 * The shape of a file path: where path tokens sit in a value, how far `..` segments climb, and
 * the path resolved for matching sensitive locations. Works on decoded text; both separators
 * count, because Windows servers accept `\` and many filters only strip `/`.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How far a path's `..` segments climb. */
export interface Climb {
  /** Levels above the starting directory (relative) or above the root (absolute). */
  readonly escape: number;
  /** The longest run of consecutive `..` segments. */
  readonly longestRun: number;
  readonly absolute: boolean;
  /** The run of `..` segments that climbed highest (else the longest), trailing separator included. */
  readonly run: Span;
}

/** A home prefix stands for about two levels (`/home/me`), so `~/../../` reaches the root. */
const HOME_PREFIX = /^(?:~[^/\\]*|\$home|\$\{home\}|%userprofile%|%homepath%)(?=[/\\]|$)/i;
const ABSOLUTE_PREFIX = /^(?:[a-z]:)?[/\\]|^file:/i;
const SEPARATORS = stopSet('/\\');

/**
 * Spans of `text` that hold one path each and contain a match of `anchor` (a global regex): the
 * line of a path argument, the word of a shell command, or a whole other value when it is one
 * token (an `args` entry). Prose is left alone: a message that mentions `~/.aws/credentials` does
 * not open it. Only text around anchor matches is looked at, so long values stay cheap.
 */
export function pathCandidates(text: string, kind: ValueKind, anchor: RegExp): Span[] {
  if (kind === 'document') return [];
  if (kind !== 'path' && kind !== 'shell') {
    const whole = trimSpan(text, 0, text.length);
    const length = whole.end - whole.start;
    if (length === 0 || length > 4096 || endOf(text, whole.start, BLANKS, whole.end) < whole.end) return [];
    return text.search(anchor) >= 0 ? [whole] : [];
  }
  const spans: Span[] = [];
  for (const m of matchesIn(anchor, text)) {
    if (spans.length > 0 && m.index < spans.at(-1)!.end) continue;
    spans.push(kind === 'path' ? lineAround(text, m.index) : tokenAround(text, m.index));
    if (spans.length >= 500) break;
  }
  return spans.filter((span) => span.end > span.start);
}

const BLANKS = stopSet(' \t\n\v\f\r');

function trimSpan(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

function lineAround(text: string, at: number): Span {
  const start = text.lastIndexOf('\n', at) + 1;
  const newline = text.indexOf('\n', at);
  return trimSpan(text, start, newline < 0 ? text.length : newline);
}

const TOKEN_BREAKS = stopSet(' \t\n\v\f\r"\'`;|&<>()=,@');

function tokenAround(text: string, at: number): Span {
  let start = at;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code < 128 && TOKEN_BREAKS[code] === 1) break;
    start--;
  }
  return { start, end: endOf(text, at, TOKEN_BREAKS) };
}

/** Measures the `..` climbing of one path (offsets relative to `path`), or null without any `..`. */
export function measureClimb(path: string): Climb | null {
  if (!path.includes('..')) return null;
  const home = HOME_PREFIX.exec(path);
  const absolute = home !== null || ABSOLUTE_PREFIX.test(path);
  let depth = home ? 2 : 0;
  let min = depth;
  let runStart = -1;
  let runLength = 0;
  let longestRun = 0;
  let best: Span | null = null;
  let longest: Span = { start: 0, end: 0 };
  let at = home ? home[0].length : 0;
  while (at <= path.length) {
    const end = endOf(path, at, SEPARATORS);
    const segment = path.slice(at, end);
    if (segment === '..') {
      if (runLength === 0) runStart = at;
      runLength++;
      if (runLength > longestRun) longest = { start: runStart, end: Math.min(end + 1, path.length) };
      longestRun = Math.max(longestRun, runLength);
      depth--;
      if (depth < min) {
        min = depth;
        best = { start: runStart, end: Math.min(end + 1, path.length) };
      }
    } else if (segment !== '.' && segment !== '') {
      runLength = 0;
      if (!/^[a-z]:$/i.test(segment) || at > 0) depth++;
    }
    if (end >= path.length) break;
    at = end + 1;
  }
  if (longestRun === 0) return null;
  return { escape: -min, longestRun, absolute, run: best ?? longest };
}

/** A path resolved for matching: lowercased, `/` separators, `.`/`..` applied. */
export interface ResolvedPath {
  readonly path: string;
  /** True when the path starts at a root: absolute, home-relative, or climbing out of where it started. */
  readonly rooted: boolean;
  /** True when a `..` segment took effect on the way. */
  readonly climbed: boolean;
}

/** Resolves a path the way a server would before opening it. */
export function resolvePath(raw: string): ResolvedPath {
  let path = raw
    .toLowerCase()
    .replaceAll('\\', '/')
    .replace(/\.{4,}\/{1,2}|\.\.\.\/\.\/|\.\.;\//g, '../');
  path = path.replace(/^file:\/\/(?:localhost)?/, '').replace(/^\/\/[?.]\/(?:unc\/)?/, '//');
  const home = HOME_PREFIX.exec(path);
  if (home) path = `/~${path.slice(home[0].length)}`;
  path = path.replace(/^[a-z]:(?=\/|$)/, '');
  let rooted = path.startsWith('/');
  let climbed = false;
  const stack: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') {
      stack.push(segment);
      continue;
    }
    climbed = true;
    if (stack.length > 0) stack.pop();
    else rooted = true;
  }
  return { path: (rooted ? '/' : '') + stack.join('/'), rooted, climbed };
}
