import { dottedIpv4Host, type Host, normalizeHost, plainHost } from './parse-host.js';
import { endOf, stopSet, type ValueKind } from './value-kind.js';

/**
 * URLs inside a value, with the span of each part in the text. The host is taken from the text
 * the way WHATWG and curl split it (the last `@` ends the userinfo; `\` ends the authority for
 * web schemes) and then normalized, so `http://example.com@169.254.169.254/` and
 * `http://0xA9FEA9FE/` are judged by where they really go.
 */

/** A host as written in the text (`start`/`end`) and as normalized. */
export interface HostSpan {
  readonly start: number;
  readonly end: number;
  readonly host: Host;
}

export interface UrlSite {
  readonly start: number;
  readonly end: number;
  /** Lowercase scheme without the colon; `http` when the value had none (a host or `url` argument). */
  readonly scheme: string;
  readonly userinfo: { readonly start: number; readonly end: number } | null;
  readonly host: HostSpan | null;
  /** The host another parser would see when the authority mixes `\`, `?` or `#` with `@`, else null. */
  readonly altHost: HostSpan | null;
  /** True when this URL is the whole (trimmed) value (a `jar:` around it included). */
  readonly whole: boolean;
  /** True when the URL is the archive of a `jar:` URL (`jar:<url>!/<entry>`); the site is the inner URL. */
  readonly jar: boolean;
}

const URL_END = stopSet(' \t\r\n\f\v"\'<>`{}|^');
const WEB_AUTHORITY_END = stopSet('/\\?#');
const AUTHORITY_END = stopSet('/?#');
const LOOSE_AUTHORITY_END = stopSet('/');
const SPACES = stopSet(' \t\n\v\f\r');
const MAX_URL = 8192;
/** A value with more URLs than this is a document, not a request target; plain metadata addresses are still found by text. */
const MAX_SITES = 100;
const SPECIAL = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
/** Schemes that name a network or file location; others (`mailto:`, `data:`, `urn:`) are not fetches. */
const LOCATION_SCHEMES = new Set([
  ...SPECIAL,
  ...'gopher dict ldap ldaps ldapi sftp tftp smb jar netdoc phar expect scp telnet ssh rtsp git svn'.split(
    ' ',
  ),
]);

function isSchemeCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 43 ||
    code === 45 ||
    code === 46
  );
}

function isLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** The scheme ending at the colon at `colon`, or null: 2 to 16 scheme characters starting with a letter, at a word start. */
function schemeBefore(text: string, colon: number): { start: number; scheme: string } | null {
  let start = colon;
  while (start > 0 && colon - start < 16 && isSchemeCode(text.charCodeAt(start - 1))) start--;
  while (start < colon && !isLetterCode(text.charCodeAt(start))) start++;
  if (colon - start < 2) return null;
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (isSchemeCode(before) || before === 95) return null;
  return { start, scheme: text.slice(start, colon).toLowerCase() };
}

/** Positions of colons that may end a scheme: `://`, `:\\` and friends, or `file:/`. */
function schemeColons(text: string): number[] {
  const colons: number[] = [];
  for (let at = text.indexOf(':/'); at >= 0; at = text.indexOf(':/', at + 2)) colons.push(at);
  if (text.includes(':\\')) {
    for (let at = text.indexOf(':\\'); at >= 0; at = text.indexOf(':\\', at + 2)) colons.push(at);
    colons.sort((a, b) => a - b);
  }
  return colons;
}

const SLASH = 47;
const BACKSLASH = 92;

function isSlashCode(code: number): boolean {
  return code === SLASH || code === BACKSLASH;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** The value without leading and trailing blanks, as [start, end). */
function trimmedSpan(text: string): { trimmedStart: number; trimmedEnd: number } {
  let trimmedStart = 0;
  let trimmedEnd = text.length;
  while (trimmedStart < trimmedEnd && isSpace(text.charCodeAt(trimmedStart))) trimmedStart++;
  while (trimmedEnd > trimmedStart && isSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
  return { trimmedStart, trimmedEnd };
}

/** True when the trimmed value holds no blank: one token. */
function isOneToken(text: string, trimmedStart: number, trimmedEnd: number): boolean {
  return endOf(text, trimmedStart, SPACES, trimmedEnd) === trimmedEnd;
}

/**
 * True when `findUrlSites(text, kind, true)` reads the value's URLs at all: then it finds what
 * `findUrlSites(text, kind)` finds, so a caller holding those need not parse again.
 */
export function readsTargets(text: string, kind: ValueKind): boolean {
  if (kind === 'url' || kind === 'host') return true;
  const { trimmedStart, trimmedEnd } = trimmedSpan(text);
  return isOneToken(text, trimmedStart, trimmedEnd);
}

/**
 * Every URL site in `text`; a scheme-less `url`/`host` argument is read as an http URL. With
 * `targetsOnly`, only a URL that is the whole value (or any URL of a url/host argument) is read.
 */
export function findUrlSites(text: string, kind: ValueKind, targetsOnly = false): UrlSite[] {
  const { trimmedStart, trimmedEnd } = trimmedSpan(text);
  const keyed = kind === 'url' || kind === 'host';
  // Whether the value is one token matters only for these two cases: not scanned otherwise.
  if (targetsOnly && !keyed && !isOneToken(text, trimmedStart, trimmedEnd)) return [];
  const sites: UrlSite[] = [];
  for (const colon of schemeColons(text)) {
    if (sites.length >= MAX_SITES) break;
    const found = schemeBefore(text, colon);
    if (!found || !LOCATION_SCHEMES.has(found.scheme)) continue;
    const { start, scheme } = found;
    const first = text.charCodeAt(colon + 1);
    const second = text.charCodeAt(colon + 2);
    const slashes = isSlashCode(first) && isSlashCode(second);
    if (!slashes && scheme !== 'file') continue;
    if (!SPECIAL.has(scheme) && (first === BACKSLASH || second === BACKSLASH)) continue;
    const end = endOf(text, start, URL_END, start + MAX_URL);
    const outer = jarStart(text, start);
    const jar = outer < start;
    const site = { text, start, end: jar ? jarEntryStart(text, start, end) : end, scheme, jar };
    sites.push(
      parseSite(
        { ...site, authority: slashes ? colon + 3 : -1 },
        outer === trimmedStart && end === trimmedEnd,
      ),
    );
  }
  if (
    sites.length === 0 &&
    keyed &&
    trimmedEnd > trimmedStart &&
    isOneToken(text, trimmedStart, trimmedEnd)
  ) {
    const authority = text.startsWith('//', trimmedStart) ? trimmedStart + 2 : trimmedStart;
    sites.push(
      parseSite(
        { text, start: trimmedStart, end: trimmedEnd, scheme: 'http', jar: false, authority },
        true,
        false,
      ),
    );
  }
  return sites;
}

interface RawSite {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scheme: string;
  readonly jar: boolean;
  /** Where the authority starts, or -1 for `file:/path`. */
  readonly authority: number;
}

/*
 * `jar:<url>!/<entry>` (Java's JarURLConnection, also nested `jar:jar:`) fetches the archive at
 * the inner URL, which is judged like any other URL: `jar:http://127.0.0.1!/` reaches loopback.
 * Java splits at the first `!/`; no host holds a `!`, so ending the inner URL at the first `!`
 * reads the same host and also covers a `!` written without the slash.
 */
const JAR_PREFIX = 'jar:';

/** Where the `jar:` prefixes right before the scheme at `start` begin (`start` itself without one). */
function jarStart(text: string, start: number): number {
  let at = start;
  while (at >= JAR_PREFIX.length && text.charCodeAt(at - 1) === 58 && isJarAt(text, at - JAR_PREFIX.length)) {
    at -= JAR_PREFIX.length;
  }
  return at;
}

function isJarAt(text: string, at: number): boolean {
  for (let k = 0; k < 3; k++) {
    if ((text.charCodeAt(at + k) | 32) !== JAR_PREFIX.charCodeAt(k)) return false;
  }
  return at === 0 || !isSchemeCode(text.charCodeAt(at - 1));
}

/** The end of a jar: URL's inner URL: its first `!`, else `end`. */
function jarEntryStart(text: string, start: number, end: number): number {
  const bang = text.indexOf('!', start);
  return bang >= 0 && bang < end ? bang : end;
}

function parseSite(raw: RawSite, whole: boolean, explicitScheme = true): UrlSite {
  const { text, start, end, scheme, jar, authority: from } = raw;
  if (from < 0) return { start, end, scheme, whole, jar, userinfo: null, host: null, altHost: null };
  const special = SPECIAL.has(scheme);
  const authorityEnd = endOf(text, from, special ? WEB_AUTHORITY_END : AUTHORITY_END, end);
  const at = lastAt(text, from, authorityEnd);
  // The WHATWG parser only sees web URLs, and only hosts plainHost cannot read need it: built on demand.
  const url = special ? raw : null;
  // Parsers disagree on `\`, `?` and `#` before `@` (`http://evil.com#@10.0.0.1/`): judge the other
  // reading too. The loosest authority stops only at `/`, so it differs only when it runs further.
  const looseEnd = endOf(text, from, LOOSE_AUTHORITY_END, end);
  const looseAt = looseEnd !== authorityEnd ? lastAt(text, from, looseEnd) : -1;
  return {
    start,
    end,
    scheme,
    whole,
    jar,
    userinfo: at >= 0 ? { start: from, end: at } : null,
    host: hostSpan(text, at >= 0 ? at + 1 : from, authorityEnd, url, explicitScheme),
    altHost: looseAt >= 0 ? hostSpan(text, looseAt + 1, looseEnd, null, false) : null,
  };
}

/** Index of the last `@` in `text[from, end)`, or -1; looks only inside the authority. */
function lastAt(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (text.charCodeAt(i) === 64) return i;
  return -1;
}

/** The URL the WHATWG parser sees for a site: as written, or with `http://` before a scheme-less one. */
function urlText(raw: RawSite, explicitScheme: boolean): string {
  const written = raw.text.slice(raw.start, raw.end);
  return explicitScheme ? written : `http://${written}`;
}

/** Length of `host` in `host:port` (`text[from, end)`): the port is `:` and digits at the end. */
function hostLength(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && isDigitCode(text.charCodeAt(i - 1))) i--;
  return i > from && text.charCodeAt(i - 1) === 58 ? i - 1 - from : end - from;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The host of `host:port` or `[v6]:port` at `text[from, end)`, normalized; `url` is given for web
 * schemes, whose parser normalizes IPv4 forms.
 */
function hostSpan(
  text: string,
  from: number,
  end: number,
  url: RawSite | null,
  explicitScheme: boolean,
): HostSpan | null {
  let length: number;
  if (text.charCodeAt(from) === 91 && from < end) {
    const close = text.indexOf(']', from);
    length = close >= 0 && close < end ? close + 1 - from : end - from;
  } else {
    length = hostLength(text, from, end);
  }
  if (length === 0) return null;
  const written = text.slice(from, from + length);
  const host =
    plainHost(written) ??
    dottedIpv4Host(written) ??
    normalizeHost(written, url ? parsedHostname(urlText(url, explicitScheme)) : null);
  return host ? { start: from, end: from + length, host } : null;
}

/** The WHATWG parser's hostname (it normalizes numeric IPv4 forms and percent-escapes), or null. */
function parsedHostname(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { hostname } = new URL(url);
  return hostname === '' ? null : hostname;
}
