import { isIP } from 'node:net';
import { matchesIn } from '../text/regex-matches.js';

/**
 * Host names as a fetcher resolves them. `inet_aton` (and so curl, Python, PHP and the WHATWG
 * URL parser) accepts `2852039166`, `0xA9FEA9FE`, `0251.0376.0251.0376` and `127.1` for IPv4;
 * IPv6 can carry an IPv4 address inside (`::ffff:a9fe:a9fe`, NAT64, 6to4). Filters that compare
 * strings miss all of these, so hosts are normalized before they are judged.
 */

export interface Host {
  /** Lowercase name without brackets or a trailing dot, or the canonical IP address. */
  readonly name: string;
  /** The IP address the host is (IPv4 dotted or IPv6), or null for a DNS name. */
  readonly ip: string | null;
  /** IPv4 addresses carried inside an IPv6 address or a rebinding/wildcard-DNS name (`10.0.0.1.nip.io`). */
  readonly embedded: readonly string[];
  /** How the written host hides its address, or null when it is written plainly. */
  readonly obfuscation: string | null;
}

/** Parses IPv4 the way inet_aton does: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x). */
export function parseIpv4Loose(host: string): string | null {
  const parts = host.split('.');
  if (parts.at(-1) === '' && parts.length > 1) parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^[1-9]\d*$/.test(part)) value = Number(part);
    else return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 256 ** (4 - values.length)) return null;
  let number = last;
  values.forEach((v, i) => {
    number += v * 256 ** (3 - i);
  });
  return [24, 16, 8, 0].map((shift) => Math.floor(number / 2 ** shift) % 256).join('.');
}

/** The eight 16-bit groups of an IPv6 address (with an IPv4 tail read as two groups), or null. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(fill).fill('0'), ...tailGroups].map((g) => Number.parseInt(g, 16));
}

/** True when groups `from` to `to` (exclusive) are all zero. */
function zeros(groups: readonly number[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (groups[i] !== 0) return false;
  return true;
}

function v4From(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The IPv4 address inside an IPv6 one: mapped, compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
export function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  if (zeros(g, 0, 5) && (g[5] === 0xffff || g[5] === 0) && (g[6]! !== 0 || g[7]! > 1))
    return v4From(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(g, 2, 6)) return v4From(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4From(g[1]!, g[2]!);
  return null;
}

/**
 * Wildcard and rebinding DNS services that answer with an address written in the name
 * (`10.0.0.1.nip.io`, `7f000001.c0a80001.rbndr.us`): the name looks public and resolves inside.
 */
const REBINDING_SUFFIXES = [
  '.nip.io',
  '.sslip.io',
  '.xip.io',
  '.nip.direct',
  '.rbndr.us',
  '.1u.ms',
  '.rebind.it',
  '.lock.cmpxchg8b.com',
];
const WRITTEN_IPV4 = /(?:^|[.-])((?:\d{1,3}[.-]){3}\d{1,3}|[0-9a-f]{8})(?=[.-])/g;
/** Shared by every host without embedded addresses; never modified. */
const NO_IPS: readonly string[] = [];

/** The last two labels of each suffix: a name ending otherwise is on none of them. */
const REBINDING_DOMAINS = new Set(REBINDING_SUFFIXES.map((suffix) => suffix.split('.').slice(-2).join('.')));

function isRebindingName(name: string): boolean {
  const lastDot = name.lastIndexOf('.');
  if (lastDot <= 0 || !REBINDING_DOMAINS.has(name.slice(name.lastIndexOf('.', lastDot - 1) + 1)))
    return false;
  for (const suffix of REBINDING_SUFFIXES) if (name.endsWith(suffix)) return true;
  return false;
}

function rebindingIps(name: string): readonly string[] {
  if (!isRebindingName(name)) return NO_IPS;
  const ips: string[] = [];
  for (const m of matchesIn(WRITTEN_IPV4, name)) {
    const written = m[1]!;
    const ip = /^[0-9a-f]{8}$/.test(written) ? parseIpv4Loose(`0x${written}`) : written.replaceAll('-', '.');
    if (ip && isIP(ip) === 4) ips.push(ip);
  }
  return ips;
}

function describeIpv4(written: string): string | null {
  if (/[^\x20-\x7e]/.test(written)) return 'non-ASCII digits';
  if (/^\d+$/.test(written)) return 'decimal';
  if (/(?:^|\.)0x/i.test(written)) return 'hexadecimal';
  if (/(?:^|\.)0\d/.test(written)) return 'octal';
  if (written.replace(/\.$/, '').split('.').length < 4) return 'shortened';
  return null;
}

/**
 * The host of a plain DNS name (labels of ASCII letters, digits and hyphens, an optional trailing
 * dot; last label not numeric, so no parser reads it as IPv4), without the cost of full
 * normalization; null for anything else. One pass over the characters, no regex.
 */
export function plainHost(written: string): Host | null {
  const length = written.length;
  let labelStart = 0;
  let upper = false;
  for (let i = 0; i < length; i++) {
    const code = written.charCodeAt(i);
    if (code === 46) {
      if (i === labelStart) return null;
      labelStart = i + 1;
    } else if (code >= 65 && code <= 90) {
      upper = true;
    } else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) {
      return null;
    }
  }
  if (length === 0) return null;
  // A trailing dot ends the name; the last label is the one before it.
  const trailingDot = labelStart === length;
  const nameEnd = trailingDot ? length - 1 : length;
  const lastStart = trailingDot ? written.lastIndexOf('.', nameEnd - 1) + 1 : labelStart;
  if (isNumericLabel(written, lastStart, nameEnd)) return null;
  const lower = upper ? written.toLowerCase() : written;
  const name = trailingDot ? lower.slice(0, nameEnd) : lower;
  return { name, ip: null, embedded: rebindingIps(name), obfuscation: null };
}

/** True when `text[from, end)` is all digits, or `0x` and hex digits: a label IPv4 parsers read as a number. */
function isNumericLabel(text: string, from: number, end: number): boolean {
  if (end <= from) return false;
  let i = from;
  if (end - from >= 2 && text.charCodeAt(from) === 48 && (text.charCodeAt(from + 1) | 32) === 120) {
    for (i = from + 2; i < end; i++) if (!isHexCode(text.charCodeAt(i))) return false;
    return true;
  }
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function isHexCode(code: number): boolean {
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 102);
}

/**
 * The host of an IPv4 address written plainly (four decimal parts of 0-255, no leading zeros), as
 * normalizeHost makes of it: every parser reads it as itself, so no URL parse is needed.
 */
export function dottedIpv4Host(written: string): Host | null {
  if (canonicalIpv4(written) < 0) return null;
  return { name: written, ip: written, embedded: NO_IPS, obfuscation: null };
}

/** The number of an IPv4 address written canonically (four parts of 0-255, no leading zeros), else -1. */
export function canonicalIpv4(ip: string): number {
  let number = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= ip.length; i++) {
    const code = i < ip.length ? ip.charCodeAt(i) : 46;
    if (code === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return -1;
      number = number * 256 + part;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if ((digits === 1 && part === 0) || ++digits > 3) return -1;
      part = part * 10 + code - 48;
    } else {
      return -1;
    }
  }
  return parts === 4 ? number : -1;
}

/**
 * Normalizes a written host (from the URL text, percent-decoded) given what the URL parser made
 * of it (`parsed`, or null for schemes it leaves alone such as gopher:).
 */
export function normalizeHost(written: string, parsed: string | null): Host | null {
  let raw = written.trim().toLowerCase();
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // Keep the raw text: a broken escape is not a host a client can reach anyway.
  }
  const percent = /%[0-9a-f]{2}/i.test(written) ? 'percent-encoded' : null;
  const base = (parsed ?? raw).replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (base === '') return null;
  if (isIP(base) === 6) {
    const inner = embeddedIpv4(base);
    const mapped = inner && /:ffff:/i.test(base) ? 'IPv4-mapped IPv6' : null;
    return { name: base, ip: base, embedded: inner ? [inner] : [], obfuscation: percent ?? mapped };
  }
  const ip = isIP(base) === 4 ? base : parseIpv4Loose(base);
  if (ip) return { name: ip, ip, embedded: [], obfuscation: percent ?? describeIpv4(raw.replace(/\.$/, '')) };
  return { name: base, ip: null, embedded: rebindingIps(base), obfuscation: percent };
}
