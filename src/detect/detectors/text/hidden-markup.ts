import { bracketMatches, bracketPattern } from './markdown-brackets.js';
import { matchesIn } from './regex-matches.js';

/**
 * Regions of HTML or Markdown a person does not see when the content is rendered, but a model
 * reads: comments, elements styled invisible, link reference definitions, image alt/title text.
 * Callers decide whether the hidden text is an instruction.
 */

export interface HiddenRegion {
  /** The whole construct, for the match span. */
  readonly start: number;
  readonly end: number;
  /** What a person would not see. */
  readonly content: string;
  readonly kind: string;
}

/**
 * How far a hidden element's content is read. At most MAX_REGIONS of them, so a text cannot make
 * the instruction check read more than ~13 MB (0.4 s for a megabyte of hidden tags). It was 4 KB,
 * and 4 KB of filler inside a hidden div hid the order after it.
 */
const MAX_CONTENT = 65_536;
const MAX_REGIONS = 200;

const OPEN_TAG = /<([a-z][a-z0-9-]*)(\s[^<>]{0,1000})?>/gi;
const HIDDEN_ATTR = /(?:^|\s)hidden(?:\s|=|$)/i;
/** Utility classes that hide text visually (Bootstrap, Tailwind, WordPress). */
const HIDDEN_CLASS =
  /\bclass\s*=\s*["'][^"']*\b(?:sr-only|visually-hidden|screen-reader-text|d-none|hidden|invisible)\b/i;
const STYLE_ATTR = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
/** Declarations that make text invisible; `(?:^|;)` keeps `background-color` from counting as `color`. */
const INVISIBLE_STYLE = [
  /(?:^|;)\s*display\s*:\s*none/i,
  /(?:^|;)\s*visibility\s*:\s*hidden/i,
  /(?:^|;)\s*font-size\s*:\s*(?:0+(?:\.0+)?[a-z%]*|0?\.\d+(?:px|pt)|1(?:px|pt))\s*(?:;|!|$)/i,
  /(?:^|;)\s*opacity\s*:\s*0(?:\.0+)?\s*(?:;|!|$)/i,
  /(?:^|;)\s*(?:left|top|text-indent)\s*:\s*-\d{3,}(?:px|em)/i,
  /(?:^|;)\s*clip\s*:\s*rect\(\s*0/i,
  /(?:^|;)\s*(?:height|max-height)\s*:\s*0(?:px)?\s*;.*overflow\s*:\s*hidden/i,
];
const WHITE_TEXT =
  /(?:^|;)\s*color\s*:\s*(?:#fff(?:fff)?\b|white\b|rgba?\(\s*255\s*,\s*255\s*,\s*255\b|transparent\b)/i;
const BACKGROUND = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]*)/i;
const WHITE_VALUE = /#fff(?:fff)?\b|\bwhite\b|rgba?\(\s*255\s*,\s*255\s*,\s*255\b/i;

function invisibleStyle(attributes: string): string | null {
  if (HIDDEN_ATTR.test(attributes)) return 'hidden attribute';
  if (HIDDEN_CLASS.test(attributes)) return 'hidden class';
  const style = STYLE_ATTR.exec(attributes);
  const css = style?.[1] ?? style?.[2];
  if (css === undefined) return null;
  if (INVISIBLE_STYLE.some((rule) => rule.test(css))) return 'invisible style';
  if (WHITE_TEXT.test(css)) {
    // White text is only invisible on white: no background of its own, or a white one.
    const background = BACKGROUND.exec(css)?.[1];
    if (background === undefined || WHITE_VALUE.test(background)) return 'white-on-white text';
  }
  return null;
}

/**
 * Each way `invisibleStyle` hides an element names one of these in the tag (the `hidden`
 * attribute or class, a class from HIDDEN_CLASS, a `style`): a text without them has no hidden
 * element, and most HTML or code with `<` is spared reading every tag.
 */
const HIDING_WORDS = /hidden|style|sr-only|d-none|invisible|screen-reader-text/i;

function findHiddenElements(text: string, out: HiddenRegion[]): void {
  if (!text.includes('<') || !HIDING_WORDS.test(text)) return;
  for (const m of matchesIn(OPEN_TAG, text)) {
    const kind = invisibleStyle(m[2] ?? '');
    if (kind === null) continue;
    const tag = (m[1] ?? '').toLowerCase();
    const contentStart = m.index + m[0].length;
    const close = text
      .slice(contentStart, contentStart + MAX_CONTENT)
      .search(new RegExp(`</${tag}\\s*>`, 'i'));
    const contentEnd =
      close === -1 ? Math.min(text.length, contentStart + MAX_CONTENT) : contentStart + close;
    const end = close === -1 ? contentEnd : text.indexOf('>', contentEnd) + 1;
    out.push({
      start: m.index,
      end,
      content: text.slice(contentStart, contentEnd),
      kind: `${kind} <${tag}>`,
    });
    if (out.length >= MAX_REGIONS) return;
  }
}

function findComments(text: string, out: HiddenRegion[]): void {
  let from = text.indexOf('<!--');
  while (from !== -1 && out.length < MAX_REGIONS) {
    const close = text.indexOf('-->', from + 4);
    const end = close === -1 ? Math.min(text.length, from + 4 + MAX_CONTENT) : close + 3;
    out.push({
      start: from,
      end,
      content: text.slice(from + 4, close === -1 ? end : close),
      kind: 'HTML comment',
    });
    if (close === -1) return;
    from = text.indexOf('<!--', end);
  }
}

// URL and title parts stop at brackets and are bounded, so "[a]([a](..." cannot make them rescan the text.
const REFERENCE_DEFINITION =
  /^[ \t]{0,3}\[([^\]\n]{1,300})\]:[ \t]*<?[^\s<>]{0,2000}>?(?:[ \t]+(?:"([^"\n]{0,1000})"|'([^'\n]{0,1000})'|\(([^()\n]{0,1000})\)))?[ \t]*$/gm;
const IMAGE =
  /!\[([^\]\n]{0,1000})\]\(\s*<?[^()\s<>]{0,2000}>?(?:\s+(?:"([^"\n]{0,1000})"|'([^'\n]{0,1000})'))?\s*\)/g;
const LINK_TITLE =
  /(?<!!)\[[^\]\n]{0,500}\]\(\s*<?[^()\s<>]{0,2000}>?\s+(?:"([^"\n]{0,1000})"|'([^'\n]{0,1000})')\s*\)/g;
/** Both tried only at the bracket a `](` closes (markdown-brackets.ts). */
const IMAGE_AT = bracketPattern(IMAGE, true, 1000);
const LINK_TITLE_AT = bracketPattern(LINK_TITLE, false, 500);

/** Cheap gate for LINK_TITLE, which is slow to try at every `[` of a long document. */
const HAS_LINK_TITLE = /\]\(\s*<?[^()\s<>]{0,2000}>?\s+["']/;

function findMarkdown(text: string, out: HiddenRegion[]): void {
  if (!text.includes('](') && !text.includes(']:')) return;
  // Each construct holds its own literal: `]:` a definition, `![` an image.
  if (text.includes(']:')) {
    for (const m of matchesIn(REFERENCE_DEFINITION, text)) {
      const content = [m[1], m[2], m[3], m[4]].filter(Boolean).join(' ');
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        content,
        kind: 'Markdown reference definition',
      });
    }
  }
  if (!text.includes('](')) return;
  if (text.includes('![')) {
    for (const m of bracketMatches(text, IMAGE_AT, Number.POSITIVE_INFINITY)) {
      const content = [m[1], m[2], m[3]].filter(Boolean).join(' ');
      if (content)
        out.push({ start: m.index, end: m.index + m[0].length, content, kind: 'image alt/title text' });
    }
  }
  if (!HAS_LINK_TITLE.test(text)) return;
  for (const m of bracketMatches(text, LINK_TITLE_AT, Number.POSITIVE_INFINITY)) {
    out.push({ start: m.index, end: m.index + m[0].length, content: m[1] ?? m[2] ?? '', kind: 'link title' });
  }
}

/** Every hidden region of `text`, in no particular order. */
/** Jira and Confluence wiki markup: `{color:white}...{color}` is invisible on the white page. */
const WIKI_WHITE = /\{color:\s*(?:white|#fff(?:fff)?)\s*\}([^{}]{1,4000})\{color\}/gi;

function findWikiColor(text: string, out: HiddenRegion[]): void {
  if (!/\{color/i.test(text)) return;
  for (const m of matchesIn(WIKI_WHITE, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, content: m[1] ?? '', kind: 'white wiki text' });
    if (out.length >= MAX_REGIONS) return;
  }
}

export function findHiddenRegions(text: string): HiddenRegion[] {
  const out: HiddenRegion[] = [];
  findComments(text, out);
  findWikiColor(text, out);
  findHiddenElements(text, out);
  findMarkdown(text, out);
  return out.slice(0, MAX_REGIONS);
}
