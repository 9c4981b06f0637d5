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
    // Segments are compared in place; only a first segment is sliced, to test for a drive (`c:`).
    const length = end - at;
    const dot = length > 0 && path.charCodeAt(at) === 46;
    if (length === 2 && dot && path.charCodeAt(at + 1) === 46) {
      if (runLength === 0) runStart = at;
      runLength++;
      if (runLength > longestRun) longest = { start: runStart, end: Math.min(end + 1, path.length) };
      longestRun = Math.max(longestRun, runLength);
      depth--;
      if (depth < min) {
        min = depth;
        best = { start: runStart, end: Math.min(end + 1, path.length) };
      }
    } else if (length > 1 || (length === 1 && !dot)) {
      runLength = 0;
      if (at > 0 || !/^[a-z]:$/i.test(path.slice(at, end))) depth++;
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
  // Each rewrite runs only when the text holds what its pattern starts with or needs.
  let path = raw.toLowerCase();
  if (path.includes('\\')) path = path.replaceAll('\\', '/');
  if (path.includes('...') || path.includes('..;')) {
    // From the first dot of a run only (see FILTER_BYPASS in path-traversal.ts).
    path = path.replace(/(?<!\.)\.{4,}\/{1,2}|\.\.\.\/\.\/|\.\.;\//g, '../');
  }
  // `file:///C:/x` names the drive after the third slash: drop that slash so the drive is seen.
  if (path.startsWith('file://')) path = path.replace(/^file:\/\/(?:localhost)?(?:\/(?=[a-z]:\/))?/, '');
  if (path.startsWith('//')) path = path.replace(/^\/\/[?.]\/(?:unc\/)?/, '//');
  const lead = path.charCodeAt(0);
  // HOME_PREFIX starts with `~`, `$` or `%`.
  const home = lead === 126 || lead === 36 || lead === 37 ? HOME_PREFIX.exec(path) : null;
  if (home) path = `/~${path.slice(home[0].length)}`;
  if (path.charCodeAt(1) === 58) path = path.replace(/^[a-z]:(?=\/|$)/, '');
  let rooted = path.startsWith('/');
  // Without empty, `.` or `..` segments there is nothing to apply: at most a trailing `/` goes.
  if (!path.includes('//') && !hasDotSegment(path)) {
    const end = path.endsWith('/') ? path.length - 1 : path.length;
    return { path: rooted ? `/${path.slice(1, end)}` : path.slice(0, end), rooted, climbed: false };
  }
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

/** True when a segment of a `/`-separated path is `.` or `..`. */
function hasDotSegment(path: string): boolean {
  for (let at = path.indexOf('.'); at >= 0; at = path.indexOf('.', at + 1)) {
    if (at > 0 && path.charCodeAt(at - 1) !== 47) continue;
    const dots = path.charCodeAt(at + 1) === 46 ? 2 : 1;
    const after = at + dots;
    if (after === path.length || path.charCodeAt(after) === 47) return true;
  }
  return false;
}

/**
 * PHP stream wrappers, what each makes a PHP file function (`include`, `file_get_contents`) do
 * instead of opening a local file. `php://memory`, `temp`, `output` and `stdout` read nothing.
 */
const WRAPPER_EFFECTS: Readonly<Record<string, string>> = {
  'php://filter': "reads a file's source through a filter",
  'php://input': 'reads the request body (included as code)',
  'php://stdin': 'reads standard input',
  'php://fd': 'reads an open file descriptor',
  'phar://': 'opens a PHP archive (deserializes its metadata)',
  'zip://': 'opens a file inside an uploaded archive',
  'compress.zlib://': 'opens a compressed file',
  'compress.bzip2://': 'opens a compressed file',
  'data://': 'includes inline data as a file',
  'expect://': 'runs a command',
  'glob://': 'lists files by pattern',
};
/** A wrapper where a path starts: at the value's start, after `=` (`?page=`, `resource=`), a quote or a separator. */
const STREAM_WRAPPER =
  /(?<![\w.+-])(?:php:\/\/(?:filter|input|stdin|fd)(?![\w-])|(?:phar|zip|compress\.zlib|compress\.bzip2|data|expect|glob):\/\/)/gi;
const WRAPPER_END = stopSet(' \t\n\v\f\r&');

/**
 * PHP stream wrappers in a path, URL or one-token value (not in shell commands, where
 * `php -r '...php://stdin'` is ordinary CLI scripting, nor in prose): spans from the wrapper to
 * the end of its path.
 */
export function findStreamWrappers(text: string, kind: ValueKind): (Span & { detail: string })[] {
  if (kind !== 'path' && kind !== 'url' && kind !== 'other') return [];
  const found: (Span & { detail: string })[] = [];
  for (const span of pathCandidates(text, kind, STREAM_WRAPPER)) {
    const inSpan = text.slice(span.start, span.end);
    // Wrappers in one token end where it ends: found once, not re-read from each (quadratic).
    let end = -1;
    for (const m of matchesIn(STREAM_WRAPPER, inSpan)) {
      const wrapper = m[0].toLowerCase();
      const start = span.start + m.index;
      if (start >= end) end = endOf(text, start, WRAPPER_END, span.end);
      found.push({ start, end, detail: `PHP stream wrapper ${wrapper} ${WRAPPER_EFFECTS[wrapper]}` });
    }
  }
  return found;
}
