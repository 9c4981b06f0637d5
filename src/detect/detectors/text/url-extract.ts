import { type BracketPattern, bracketMatches, bracketPattern } from './markdown-brackets.js';
import { matchesIn } from './regex-matches.js';

/**
 * Finds the URLs a client would fetch or a user could open: Markdown images, HTML <img>, Markdown
 * links and bare URLs, each with the span of the construct that carries it.
 */

export interface UrlSite {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  /** True when the reader sees something else than the URL: a Markdown link's text, an image. */
  readonly hidden: boolean;
}

const MAX_SITES = 500;

// A Markdown target may hold a placeholder with spaces (`?q=<conversation summary>`), which a model
// fills in before rendering. URL parts stop at brackets and quotes, so a flood of "![a](http://x" cannot make each start rescan the text.
// A `[` or `{` is read either as a placeholder or, when none closes within reach, as a character:
// never both ways, which made `http://x[a][a]...[a] y` exponential (22 pairs took 0.3 s).
const TARGET_PART = String.raw`(?:[^()\s<>[{]|<[^<>()\n]{1,80}>|\[[^[\]()\n]{1,80}\]|\[(?![^[\]()\n]{1,80}\])|\{[^{}()\n]{1,80}\}|\{(?![^{}()\n]{1,80}\}))`;
const TARGET_TAIL = String.raw`\]\(\s*<?(https?:\/\/${TARGET_PART}{1,2000})>?(?:\s+(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'))?\s*\)`;
const MARKDOWN_IMAGE: BracketPattern = bracketPattern(
  new RegExp(String.raw`!\[[^\]\n]{0,1000}${TARGET_TAIL}`, 'i'),
  true,
  1000,
);
const HTML_IMAGE =
  /<img\b[^<>]{0,2000}?\bsrc\s*=\s*(?:"(https?:\/\/[^"<>\s]{1,4000})"|'(https?:\/\/[^'<>\s]{1,4000})'|(https?:\/\/[^\s<>]{1,4000}))[^<>]{0,2000}>?/gi;
const MARKDOWN_LINK: BracketPattern = bracketPattern(
  new RegExp(String.raw`(?<!!)\[[^\]\n]{0,1000}${TARGET_TAIL}`, 'i'),
  false,
  1000,
);
/** A bare URL stops at `)`: in Markdown that closes a link, and "Foo_(bar)" losing its tail costs nothing. */
const BARE_URL = /https?:\/\/[^\s<>"'`()]{3,4000}/gi;
/**
 * Where a bare URL stopped at `<` or at a space inside `{`, a placeholder phrase for the model to
 * fill may go on (`?history=<paste the whole conversation here>`, `{chat summary}`): words with a
 * space, no tag or attribute syntax; the URL then continues after it.
 */
const PLACEHOLDER_AT = /<[A-Za-z][^<>(){}\n"'=/]{0,79}\s[^<>(){}\n"'=/]{0,79}>|\s[^<>(){}\n"'=/]{0,80}\}/y;
const URL_CHARS_AT = /[^\s<>"'`()]*/y;
/** BARE_URL anchored at one position: tried only where `http://` or `https://` starts. */
const BARE_URL_AT = new RegExp(BARE_URL.source, 'iy');

/** True when `text` holds `word` (lowercase ASCII) at `at`, in any case. */
function wordAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The span of the next BARE_URL match at or after `from`, as its global search finds it (extended
 * over placeholder phrases): every match starts with `http://` or `https://` (in any case), so
 * only the positions before a `://` are tried.
 */
function nextBareUrl(text: string, from: number): { start: number; end: number } | null {
  for (let sep = text.indexOf('://', from + 4); sep >= 0; sep = text.indexOf('://', sep + 1)) {
    const start =
      sep >= 5 && wordAt(text, sep - 5, 'https') ? sep - 5 : wordAt(text, sep - 4, 'http') ? sep - 4 : -1;
    if (start < from) continue;
    BARE_URL_AT.lastIndex = start;
    if (BARE_URL_AT.exec(text)) return { start, end: placeholdersEnd(text, start, BARE_URL_AT.lastIndex) };
  }
  return null;
}

/** Where a URL ending at `end` ends once placeholder phrases (PLACEHOLDER_AT) and the URL characters after each are added. */
function placeholdersEnd(text: string, start: number, end: number): number {
  for (let k = 0; k < 8 && end < text.length; k++) {
    const url = text.slice(start, end);
    // `<` opens a phrase; a space does only inside an unclosed `{`.
    if (text.charCodeAt(end) !== 60 && !(url.lastIndexOf('{') > url.lastIndexOf('}'))) break;
    PLACEHOLDER_AT.lastIndex = end;
    if (PLACEHOLDER_AT.exec(text) === null) break;
    URL_CHARS_AT.lastIndex = PLACEHOLDER_AT.lastIndex;
    URL_CHARS_AT.exec(text);
    end = URL_CHARS_AT.lastIndex;
  }
  return end;
}

/** Sentence punctuation after a bare URL is not part of it: `.,;:!?` at the end. */
function isTrailingCode(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63;
}

function dropTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && isTrailingCode(url.charCodeAt(end - 1))) end--;
  return end === url.length ? url : url.slice(0, end);
}

function collect(matches: Iterable<RegExpExecArray>, out: UrlSite[]): void {
  for (const m of matches) {
    const url = m[1] ?? m[2] ?? m[3];
    if (url) out.push({ start: m.index, end: m.index + m[0].length, url, hidden: true });
    if (out.length >= MAX_SITES) return;
  }
}

/** Markdown images and HTML <img> tags with an http(s) source. */
export function findImageSites(text: string): UrlSite[] {
  const out: UrlSite[] = [];
  if (text.includes('![')) collect(bracketMatches(text, MARKDOWN_IMAGE, MAX_SITES), out);
  if (/<img/i.test(text)) collect(matchesIn(HTML_IMAGE, text), out);
  return out;
}

/** Balanced brackets stay (`?q=[DATA]`); a closing one with no opener ended the sentence. */
const BRACKETS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
] as const;

function trimBareUrl(url: string): string {
  let trimmed = dropTrailing(url);
  for (const [open, close] of BRACKETS) {
    while (trimmed.endsWith(close) && trimmed.split(open).length < trimmed.split(close).length) {
      trimmed = dropTrailing(trimmed.slice(0, -1));
    }
  }
  return trimmed;
}

/** A URL right after `(` or `src=` is a Markdown target or an image source, which the other scans own. */
const OWNED_PREFIX = /(?:\(\s*<?|\bsrc\s*=\s*["']?)$/i;

/** Markdown links, then bare URLs that are not a Markdown target or an image source. */
export function findLinkSites(text: string): UrlSite[] {
  // Both scans need `http://` or `https://`: text without one finds nothing, with no test first.
  const out: UrlSite[] = [];
  if (text.includes('](')) collect(bracketMatches(text, MARKDOWN_LINK, MAX_SITES), out);
  for (let m = nextBareUrl(text, 0); m !== null; m = nextBareUrl(text, m.end)) {
    if (OWNED_PREFIX.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
    const url = trimBareUrl(text.slice(m.start, m.end));
    out.push({ start: m.start, end: m.start + url.length, url, hidden: false });
    if (out.length >= MAX_SITES) break;
  }
  return out;
}
