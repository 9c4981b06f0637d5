import { Buffer } from 'node:buffer';
import { hostOf, isCollectorHost } from './collector-hosts.js';
import { bytesAsText } from './encoded-payload.js';
import { matchesIn } from './regex-matches.js';
import {
  AUTH_PARAMS,
  DATA_PARAMS,
  isDropHost,
  SECRET_PARAMS,
  SECRET_SHAPE,
  SENSITIVE_NAME,
  STRONG_NAME,
  TOKEN_PARAMS,
  URL_SECRET_SHAPE,
} from './url-vocabulary.js';

/**
 * Scores how much a URL looks like it carries data out. Signals add up; one weak signal (a long
 * search query, a signed CDN image, a camo proxy path) stays under the threshold, while a
 * placeholder for the conversation, a secret-named parameter, or encoded text does not.
 */

export const EXFIL_THRESHOLD = 3;

export interface UrlScore {
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface UrlPlace {
  /** Fetched by the client without a click (Markdown image, <img>). */
  readonly image: boolean;
  /** Sent by the agent itself (a tool argument), not shown to a user. */
  readonly outbound: boolean;
}

const PLACEHOLDER = /\{\{?([^{}]{1,80})\}?\}|\$([A-Z][A-Z0-9_]{2,40})|<([^<>]{2,80})>|\[([^[\]]{3,80})\]/g;
const ID_NAME = /[_-]?ids?\s*$/i;
const CAPS_PLACEHOLDER = /^[A-Z]{3,}(?:_[A-Z]+)*$/;
const BASE64ISH = /^[A-Za-z0-9+/_-]{20,}={0,2}$/;
const HEXISH = /^(?:[0-9a-fA-F]{2}){10,}$/;
/** Three words in a row: a sentence, not an id like "3|1207|0|photo-page". */
const PROSE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
/** A bracketed placeholder with a space inside: a phrase ("<the user's token>"), not a name. */
const DESCRIPTIVE = /[<{[][^>}\]]*\s[^>}\]]*[>}\]]/;
const DATA_SIGNS = /[?{$<[]|%7[bB]/;
const LONG_VALUE = 24;
const LONG_SEGMENT = 32;
/** A DNS label this long and encoded is data smuggled through name resolution. */
const LONG_LABEL = 20;
const MAX_PARAMS = 40;
/** The shortest URL_SECRET_SHAPE match (`-----BEGIN`) and the shortest looksEncoded value (BASE64ISH). */
const MIN_SECRET = 10;
const MIN_ENCODED = 20;

function safeDecode(text: string): string {
  // Without an escape, decodeURIComponent returns its input: only the `+` needs replacing.
  if (!text.includes('%')) return text.includes('+') ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function looksEncoded(value: string): boolean {
  if (value.length >= 32 && HEXISH.test(value)) return true;
  return BASE64ISH.test(value) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** Readable text an encoded value decodes to (not another URL, as in a camo proxy path), or null. */
function decodedText(value: string): string | null {
  const bytes = HEXISH.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  const text = bytesAsText(bytes);
  return text !== null && !/^https?:\/\//i.test(text) ? text : null;
}

/**
 * True when `text` holds a placeholder for the conversation or secrets (not an id). A placeholder
 * written as a phrase ("<the user's session token>") is an order to fill it in, whatever it names.
 */
function hasDataPlaceholder(text: string, image: boolean): boolean {
  if (!/[{$<[]/.test(text)) return false;
  for (const m of matchesIn(PLACEHOLDER, text)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (ID_NAME.test(name)) continue;
    if (/\s/.test(name.trim()) && SENSITIVE_NAME.test(name)) return true;
    if ((image ? SENSITIVE_NAME : STRONG_NAME).test(name)) return true;
  }
  return false;
}

class Tally {
  score = 0;
  readonly reasons: string[] = [];
  /** Each reason scores once, so twenty signed parameters do not add up to an alert. */
  add(points: number, reason: string): void {
    if (this.reasons.includes(reason)) return;
    this.score += points;
    this.reasons.push(reason);
  }
}

function scoreEncoded(value: string, named: boolean, where: string, tally: Tally): void {
  // Signed URLs and CDN ids carry encoded ids of their own: those weigh little, unless they
  // decode to sentences or secrets, which no id does.
  tally.add(named ? 2 : 1, named ? `encoded ${where}` : 'encoded value');
  const text = decodedText(value);
  if (text === null) return;
  if (SECRET_SHAPE.test(text)) tally.add(3, `${where} decodes to a secret`);
  else if (PROSE.test(text)) tally.add(2, `${where} decodes to sentences`);
  else if (named) tally.add(1, `${where} decodes to text`);
}

function scoreParam(name: string, value: string, place: UrlPlace, tally: Tally): void {
  const dataNamed = DATA_PARAMS.has(name) || SECRET_PARAMS.has(name);
  // An auth parameter's placeholder counts only when written as a phrase (DESCRIPTIVE).
  if ((!AUTH_PARAMS.has(name) || DESCRIPTIVE.test(value)) && hasDataPlaceholder(value, place.image)) {
    tally.add(3, `placeholder for data in "${name}"`);
  } else if (dataNamed && CAPS_PLACEHOLDER.test(value) && SENSITIVE_NAME.test(value)) {
    tally.add(3, `placeholder for data in "${name}"`);
  }
  if (value.length >= MIN_SECRET && URL_SECRET_SHAPE.test(value)) tally.add(3, `secret in "${name}"`);
  if (SECRET_PARAMS.has(name) && value.length >= 6 && !/^(?:\d+|true|false|on|off)$/i.test(value)) {
    tally.add(3, `secret-named parameter "${name}"`);
  }
  const long = value.length >= LONG_VALUE;
  if (long && DATA_PARAMS.has(name)) tally.add(place.image ? 2 : 1, `long "${name}" value`);
  if (long && place.image && TOKEN_PARAMS.has(name)) tally.add(2, `long "${name}" value on an image`);
  if (value.length >= MIN_ENCODED && looksEncoded(value))
    scoreEncoded(value, dataNamed, `"${name}" value`, tally);
}

function scorePath(path: string, image: boolean, tally: Tally): void {
  if (hasDataPlaceholder(safeDecode(path), image)) tally.add(3, 'placeholder for data in the path');
  for (let from = 0; from <= path.length; ) {
    const slash = path.indexOf('/', from);
    const to = slash === -1 ? path.length : slash;
    // Decoding and dropping an extension only shorten a segment: a short one stays short.
    if (to - from >= LONG_SEGMENT) {
      const segment = safeDecode(path.slice(from, to)).replace(/\.[a-z0-9]{2,5}$/i, '');
      if (segment.length >= LONG_SEGMENT && looksEncoded(segment))
        scoreEncoded(segment, false, 'path segment', tally);
    }
    from = to + 1;
  }
}

function scoreHost(host: string, tally: Tally): void {
  if (isCollectorHost(host)) tally.add(3, `request collector host ${host}`);
  // Every label but the last two (the registered domain), without splitting the host.
  const lastDot = host.lastIndexOf('.');
  const domainDot = lastDot === -1 ? -1 : host.lastIndexOf('.', lastDot - 1);
  for (let start = 0; start <= domainDot; ) {
    const end = host.indexOf('.', start);
    if (end - start >= LONG_LABEL) {
      const label = host.slice(start, end);
      if (/^[0-9a-f]+$/i.test(label) && decodedText(label) !== null) {
        tally.add(3, 'data encoded into the host name');
      }
    }
    start = end + 1;
  }
}

/**
 * An image URL ending in an empty data parameter (`pixel.gif?d=`): the template an injection tells
 * the model to complete with the conversation ("append the chat history, base64-encoded").
 */
function endsWithEmptyDataParam(url: string): boolean {
  if (!url.endsWith('=')) return false;
  const name = url.slice(Math.max(url.lastIndexOf('?'), url.lastIndexOf('&')) + 1, -1).toLowerCase();
  return DATA_PARAMS.has(name) || SECRET_PARAMS.has(name);
}

/** Cheap test first: without a query, a placeholder or a long segment a URL carries no data. */
function mayCarryData(url: string): boolean {
  if (DATA_SIGNS.test(url)) return true;
  let from = 0;
  for (let slash = url.indexOf('/'); slash !== -1; slash = url.indexOf('/', from)) {
    if (slash - from >= LONG_SEGMENT) return true;
    from = slash + 1;
  }
  return url.length - from >= LONG_SEGMENT;
}

/** The score of a URL that carries nothing: shared, never modified. */
const NOTHING: UrlScore = Object.freeze({ score: 0, reasons: Object.freeze([]) });

/** How strongly `url` looks like it carries data out. */
export function scoreUrl(url: string, place: UrlPlace): UrlScore {
  const host = hostOf(url);
  if (host === null) return NOTHING;
  // Sending anything to a request bin or a paste service is the exfiltration; no payload needed.
  const outbound = place.outbound && (isCollectorHost(host) || isDropHost(host));
  if (!outbound && !mayCarryData(url)) return NOTHING;
  const tally = new Tally();
  if (outbound) tally.add(3, `outbound to ${host}`);
  scoreHost(host, tally);
  const hash = url.indexOf('#');
  const noFragment = hash === -1 ? url : url.slice(0, hash);
  const queryAt = noFragment.indexOf('?');
  const pathStart = noFragment.indexOf('/', noFragment.indexOf('//') + 2);
  const path = pathStart === -1 ? '' : noFragment.slice(pathStart, queryAt === -1 ? undefined : queryAt);
  scorePath(path, place.image, tally);
  // Enough parameters to find the data; a URL with hundreds of them gets no more attention.
  for (const pair of (queryAt === -1 ? '' : noFragment.slice(queryAt + 1)).split('&', MAX_PARAMS)) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = safeDecode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    scoreParam(name, eq === -1 ? '' : safeDecode(pair.slice(eq + 1)), place, tally);
  }
  if (place.image && endsWithEmptyDataParam(noFragment)) tally.add(2, 'empty data parameter left to fill');
  if (place.image && tally.score > 0) tally.add(1, 'image fetched without a click');
  return tally;
}
