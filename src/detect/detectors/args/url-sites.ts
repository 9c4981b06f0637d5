import { type Host, normalizeHost } from './parse-host.js';
import type { ValueKind } from './value-kind.js';

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
  readonly explicitScheme: boolean;
  readonly userinfo: { readonly start: number; readonly end: number } | null;
  readonly host: HostSpan | null;
  /** The host another parser would see when the authority mixes `\\` and `@`, else null. */
  readonly altHost: HostSpan | null;
  /** True when this URL is the whole (trimmed) value. */
  readonly whole: boolean;
}

/** `scheme://`, `http:\\\\` (web schemes take backslashes), or `file:/path` without an authority. */
const SCHEME_START = /\b([a-z][a-z0-9+.-]{1,15}):(?:[\\/]{2}|(?=\/))/gi;
const URL_END = /[\s"'<>`{}|^]/;
const SPECIAL = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
/** Schemes that name a network or file location; others (`mailto:`, `data:`, `urn:`) are not fetches. */
const LOCATION_SCHEMES = new Set([
  ...SPECIAL,
  ...'gopher dict ldap ldaps ldapi sftp tftp smb jar netdoc phar expect scp telnet ssh rtsp git svn'.split(
    ' ',
  ),
]);

/** Every URL site in `text`; a scheme-less `url`/`host` argument is read as an http URL. */
export function findUrlSites(text: string, kind: ValueKind): UrlSite[] {
  const trimmedStart = text.length - text.trimStart().length;
  const trimmedEnd = text.trimEnd().length;
  const sites: UrlSite[] = [];
  for (const m of text.matchAll(SCHEME_START)) {
    const scheme = m[1]!.toLowerCase();
    if (!LOCATION_SCHEMES.has(scheme)) continue;
    const hasAuthority = m[0].length > scheme.length + 1;
    if (!hasAuthority && scheme !== 'file') continue;
    if (!SPECIAL.has(scheme) && /\\/.test(m[0])) continue;
    const stop = text.slice(m.index).search(URL_END);
    const end = stop < 0 ? text.length : m.index + stop;
    const authority = hasAuthority ? m.index + m[0].length : -1;
    sites.push(parseSite(text, m.index, end, scheme, authority, trimmedStart, trimmedEnd));
  }
  const bare = sites.length === 0 && (kind === 'url' || kind === 'host') && trimmedEnd > trimmedStart;
  if (bare && !/\s/.test(text.slice(trimmedStart, trimmedEnd))) {
    const authority = text.startsWith('//', trimmedStart) ? trimmedStart + 2 : trimmedStart;
    sites.push(parseSite(text, trimmedStart, trimmedEnd, 'http', authority, trimmedStart, trimmedEnd, false));
  }
  return sites;
}

function parseSite(
  text: string,
  start: number,
  end: number,
  scheme: string,
  authorityStart: number,
  trimmedStart: number,
  trimmedEnd: number,
  explicitScheme = true,
): UrlSite {
  const whole = start === trimmedStart && end === trimmedEnd;
  const base = { start, end, scheme, explicitScheme, whole };
  if (authorityStart < 0) return { ...base, userinfo: null, host: null, altHost: null };
  const special = SPECIAL.has(scheme);
  const authority = authorityText(text, authorityStart, end, special);
  const at = authority.lastIndexOf('@');
  const url = text.slice(start, end);
  const parsed = parsedHostname(explicitScheme ? url : `http://${url}`, special);
  // Parsers disagree on `\\`, `?` and `#` before `@` (`http://evil.com#@10.0.0.1/`): judge the other reading too.
  const loose = authorityText(text, authorityStart, end, null);
  const looseAt = loose !== authority ? loose.lastIndexOf('@') : -1;
  return {
    ...base,
    userinfo: at >= 0 ? { start: authorityStart, end: authorityStart + at } : null,
    host: hostSpan(authority.slice(at + 1), authorityStart + at + 1, parsed),
    altHost: looseAt >= 0 ? hostSpan(loose.slice(looseAt + 1), authorityStart + looseAt + 1, null) : null,
  };
}

function hostSpan(hostAndPort: string, start: number, parsed: string | null): HostSpan | null {
  const written = hostPart(hostAndPort);
  const host = written === '' ? null : normalizeHost(written, parsed);
  return host ? { start, end: start + written.length, host } : null;
}

/** The authority from `from`: up to `/\\?#` for web schemes, `/?#` for others, or only `/` for the loosest reading (null). */
function authorityText(text: string, from: number, end: number, special: boolean | null): string {
  const rest = text.slice(from, end);
  const stop = rest.search(special === null ? /\// : special ? /[/\\?#]/ : /[/?#]/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The host of `host:port` or `[v6]:port`. */
function hostPart(hostAndPort: string): string {
  if (hostAndPort.startsWith('['))
    return hostAndPort.slice(0, hostAndPort.indexOf(']') + 1 || hostAndPort.length);
  return /:\d*$/.test(hostAndPort) ? hostAndPort.slice(0, hostAndPort.lastIndexOf(':')) : hostAndPort;
}

/** The WHATWG parser's hostname for web schemes (it normalizes numeric IPv4 forms), else null. */
function parsedHostname(url: string, special: boolean): string | null {
  if (!special || !URL.canParse(url)) return null;
  const { hostname } = new URL(url);
  return hostname === '' ? null : hostname;
}
