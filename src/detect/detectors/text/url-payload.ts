import { Buffer } from 'node:buffer';
import { hostOf, isCollectorHost } from './collector-hosts.js';
import { bytesAsText } from './encoded-payload.js';

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

const PLACEHOLDER =
  /\{\{?\s*([A-Za-z_][\w.-]{0,40})\s*\}?\}|\$\{([^}]{1,40})\}|\$([A-Z][A-Z0-9_]{2,40})|<([A-Z][A-Z0-9_]{2,40})>|\[([A-Z][A-Z0-9_]{3,40})\]/g;
const SENSITIVE_NAME =
  /data|secret|conversation|convo|chat|history|summary|context|memory|message|password|passwd|pwd|token|key|credential|creds|env|ssh|info|content|payload|prompt|answer|response|result|output|exfil|leak|input|email|ssn|cookie|session/i;
const CAPS_PLACEHOLDER = /^[A-Z]+(?:_[A-Z]+)+$/;
/** Parameters whose placeholders are how API docs show where your own key goes. */
const AUTH_PARAMS = new Set([
  'key',
  'api_key',
  'apikey',
  'token',
  'access_token',
  'appid',
  'app_id',
  'client_id',
  'client_secret',
  'auth',
  'sig',
  'signature',
]);
const SECRET_PARAMS = new Set([
  'secret',
  'secrets',
  'password',
  'passwd',
  'pwd',
  'pass',
  'creds',
  'credential',
  'credentials',
  'exfil',
  'leak',
  'stolen',
  'conversation',
  'convo',
  'history',
  'chat',
  'memory',
  'ssh',
  'private_key',
  'privatekey',
  'cookie',
  'cookies',
  'ssn',
]);
const DATA_PARAMS = new Set([
  'data',
  'd',
  'q',
  'query',
  'payload',
  'content',
  'msg',
  'message',
  'info',
  'text',
  'body',
  'p',
  's',
  'x',
  'input',
  'output',
  'result',
  'summary',
  'context',
  'b64',
  'base64',
  'dump',
  'log',
]);
const TOKEN_PARAMS = new Set(['token', 'key', 'access_token', 'auth', 'apikey', 'api_key']);
const SECRET_SHAPE =
  /\b(?:sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{20,}|xox[abprs]-[\w-]{10,})|-----BEGIN/;
const BASE64ISH = /^[A-Za-z0-9+/_-]{20,}={0,2}$/;
const HEXISH = /^(?:[0-9a-fA-F]{2}){16,}$/;
const LONG_VALUE = 24;
const DATA_SIGNS = /[?{$<[]|%7[bB]/;
const LONG_SEGMENT = 32;
const MAX_PARAMS = 40;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function looksEncoded(value: string): boolean {
  if (HEXISH.test(value)) return true;
  return BASE64ISH.test(value) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** Encoded values that decode to prose (not to another URL) are someone's data. */
function decodesToText(value: string): boolean {
  const bytes = HEXISH.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  const text = bytesAsText(bytes);
  return text !== null && !/^https?:\/\//i.test(text);
}

function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
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

function scoreParam(name: string, value: string, image: boolean, tally: Tally): void {
  if (!AUTH_PARAMS.has(name) && placeholderNames(value).some((n) => SENSITIVE_NAME.test(n))) {
    tally.add(3, `placeholder for data in "${name}"`);
  } else if (
    (SECRET_PARAMS.has(name) || DATA_PARAMS.has(name)) &&
    CAPS_PLACEHOLDER.test(value) &&
    SENSITIVE_NAME.test(value)
  ) {
    tally.add(3, `placeholder for data in "${name}"`);
  }
  if (SECRET_SHAPE.test(value)) tally.add(3, `secret in "${name}"`);
  if (SECRET_PARAMS.has(name) && value.length >= 6 && !/^(?:\d+|true|false|on|off)$/i.test(value)) {
    tally.add(3, `secret-named parameter "${name}"`);
  }
  const long = value.length >= LONG_VALUE;
  if (long && DATA_PARAMS.has(name)) tally.add(image ? 2 : 1, `long "${name}" value`);
  if (long && image && TOKEN_PARAMS.has(name)) tally.add(2, `long "${name}" value on an image`);
  if (!looksEncoded(value)) return;
  // Signed URLs and CDN ids carry encoded values in parameters of their own; only data-named ones weigh.
  if (!DATA_PARAMS.has(name) && !SECRET_PARAMS.has(name)) {
    tally.add(1, 'encoded parameter value');
    return;
  }
  tally.add(2, `encoded "${name}" value`);
  if (decodesToText(value)) tally.add(1, `"${name}" decodes to text`);
}

function scorePath(path: string, tally: Tally): void {
  for (const name of placeholderNames(safeDecode(path))) {
    if (SENSITIVE_NAME.test(name)) tally.add(3, 'placeholder for data in the path');
  }
  for (const raw of path.split('/')) {
    const segment = safeDecode(raw).replace(/\.[a-z0-9]{2,5}$/i, '');
    if (segment.length < 32 || !looksEncoded(segment)) continue;
    if (decodesToText(segment)) tally.add(2, 'path segment decodes to text');
    else tally.add(1, 'encoded path segment');
  }
}

/** How strongly `url` looks like it carries data out; `image` when a client fetches it unasked. */
export function scoreUrl(url: string, image: boolean): UrlScore {
  const tally = new Tally();
  const host = mayCarryData(url) ? hostOf(url) : null;
  if (host === null) return tally;
  const noFragment = url.split('#')[0] ?? url;
  const queryAt = noFragment.indexOf('?');
  const pathStart = noFragment.indexOf('/', noFragment.indexOf('//') + 2);
  const path = pathStart === -1 ? '' : noFragment.slice(pathStart, queryAt === -1 ? undefined : queryAt);
  const query = queryAt === -1 ? '' : noFragment.slice(queryAt + 1);
  scorePath(path, tally);
  // Enough parameters to find the data; a URL with hundreds of them gets no more attention.
  for (const pair of query.split('&', MAX_PARAMS)) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = safeDecode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    scoreParam(name, eq === -1 ? '' : safeDecode(pair.slice(eq + 1)), image, tally);
  }
  if (isCollectorHost(host)) tally.add(3, `request collector host ${host}`);
  if (image && tally.score > 0) tally.add(1, 'image fetched without a click');
  return tally;
}
