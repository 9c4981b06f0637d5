import type { Detector, DetectorMatch, ScanField } from '../detector.js';
import { classifyHost, type HostTarget, type Reach } from './args/ip-ranges.js';
import { decodeMapped, type MappedText, toOriginal, wasEncoded } from './args/percent-decode.js';
import { findUrlSites, type HostSpan, type UrlSite } from './args/url-sites.js';
import { ARG_ROLES, fieldKind, MAX_MATCHES, scanText, type ValueKind } from './args/value-kind.js';

/**
 * Server-side request forgery in tool arguments: a fetch aimed at cloud metadata (instance
 * credentials), at loopback or private networks, through schemes that speak raw protocols
 * (`gopher:`, `dict:`) or read files (`file:`), or with a host disguised by encoding or userinfo.
 * URLs are found in the decoded value, so one nested in a query string (`?url=http%3A%2F%2F...`)
 * counts too.
 */

interface SsrfView {
  readonly kind: ValueKind;
  readonly value: string;
  readonly mapped: MappedText;
  readonly sites: readonly UrlSite[];
}

const URLISH =
  /:[\\/]{2}|file:\/|%3a%2f|169\.254|100\.100\.100|168\.63\.129|192\.0\.0\.192|metadata|fd00:ec2/i;

function ssrfView(field: ScanField): SsrfView | null {
  const kind = fieldKind(field);
  if (!kind || kind === 'document') return null;
  const value = scanText(field.value);
  if (kind !== 'url' && kind !== 'host' && !URLISH.test(value)) return null;
  const mapped: MappedText = /%[0-9a-f]{2}/i.test(value)
    ? decodeMapped(value)
    : { text: value, starts: [], ends: [], decoded: false };
  return { kind, value, mapped, sites: findUrlSites(mapped.text, kind) };
}

/** True when a site is the target of the value: a `url`/`host` argument, or a value that is just this URL. */
function isTarget(view: SsrfView, site: UrlSite): boolean {
  return view.kind === 'url' || view.kind === 'host' || (site.whole && view.kind !== 'shell');
}

function toMatch(view: SsrfView, start: number, end: number, detail: string): DetectorMatch {
  const [from, to] = toOriginal(view.mapped, start, end);
  return { start: from, end: to, detail };
}

function targetOf(site: UrlSite): { span: HostSpan; target: HostTarget } | null {
  for (const span of [site.host, site.altHost]) {
    const target = span ? classifyHost(span.host) : null;
    if (span && target) return { span, target };
  }
  return null;
}

const BARE_METADATA =
  /(?<![\w.:-])(?:169\.254\.169\.254|169\.254\.170\.2|169\.254\.170\.23|100\.100\.100\.200|168\.63\.129\.16|metadata\.google\.internal|fd00:ec2::(?:254|23))(?![\w-]|\.\w)/gi;

function detectReach(field: ScanField, reach: Reach): DetectorMatch[] {
  const view = ssrfView(field);
  if (!view) return [];
  const matches: DetectorMatch[] = [];
  for (const site of view.sites) {
    if (reach === 'internal' && !isTarget(view, site)) continue;
    const found = targetOf(site);
    if (!found || found.target.reach !== reach) continue;
    const { start, end } = found.span;
    const how = obfuscation(view, found.span);
    matches.push(toMatch(view, start, end, `${found.target.label}${how ? `, written ${how}` : ''}`));
  }
  if (reach === 'metadata') {
    for (const m of view.mapped.text.matchAll(BARE_METADATA)) {
      const inside = view.sites.some((site) => m.index >= site.start && m.index < site.end);
      if (!inside) matches.push(toMatch(view, m.index, m.index + m[0].length, 'cloud metadata endpoint'));
    }
  }
  return matches.slice(0, MAX_MATCHES);
}

/** Schemes a fetch tool has no business following: raw TCP (gopher, dict), local files, archives, PHP wrappers. */
const DANGEROUS_SCHEMES = new Set(['gopher', 'dict', 'file', 'jar', 'netdoc', 'phar', 'expect', 'smb']);
/** Protocols that are rarely wrong but let a fetch leave HTTP: worth an alert. */
const UNUSUAL_SCHEMES = new Set(['ftp', 'ldap', 'ldaps', 'ldapi', 'tftp', 'sftp', 'telnet']);
/** These only ever appear in a value to be fetched. */
const ALWAYS_DANGEROUS = new Set(['gopher', 'dict', 'netdoc', 'expect']);

function detectScheme(field: ScanField, schemes: ReadonlySet<string>): DetectorMatch[] {
  const view = ssrfView(field);
  if (!view || view.kind === 'path') return [];
  return view.sites
    .filter((site) => schemes.has(site.scheme) && (isTarget(view, site) || ALWAYS_DANGEROUS.has(site.scheme)))
    .map((site) => toMatch(view, site.start, site.end, `${site.scheme}: URL`))
    .slice(0, MAX_MATCHES);
}

/** `http://trusted.com@evil/`: the part before `@` reads like the host but is a user name. */
function detectUserinfo(field: ScanField): DetectorMatch[] {
  const view = ssrfView(field);
  if (!view) return [];
  const matches: DetectorMatch[] = [];
  for (const site of view.sites) {
    if (!isTarget(view, site)) continue;
    if (site.userinfo) {
      const user = view.mapped.text.slice(site.userinfo.start, site.userinfo.end);
      if (/^[\w-]+(?:\.[\w-]+)+(?::\d*)?$|@/.test(user)) {
        matches.push(
          toMatch(
            view,
            site.userinfo.start,
            site.host?.end ?? site.userinfo.end,
            'host name hidden in the userinfo',
          ),
        );
      }
    } else if (site.altHost && site.host) {
      matches.push(
        toMatch(view, site.host.start, site.altHost.end, 'backslash and @ read differently by URL parsers'),
      );
    }
  }
  return matches.slice(0, MAX_MATCHES);
}

/** How a written host hides what it is, or null when it is written plainly. */
function obfuscation(view: SsrfView, span: HostSpan): string | null {
  if (wasEncoded(view.mapped, view.value, span.start, span.end)) return 'percent-encoded';
  return span.host.obfuscation;
}

/** Numeric, percent-encoded or IPv4-mapped hosts: written so a string filter does not recognize them. */
function detectObfuscatedHost(field: ScanField): DetectorMatch[] {
  const view = ssrfView(field);
  if (!view) return [];
  const matches: DetectorMatch[] = [];
  for (const site of view.sites) {
    if (!site.host) continue;
    const how = obfuscation(view, site.host);
    if (!how) continue;
    matches.push(
      toMatch(view, site.host.start, site.host.end, `host written ${how}: ${site.host.host.name}`),
    );
  }
  return matches.slice(0, MAX_MATCHES);
}

export const ssrfDetectors: readonly Detector[] = [
  { id: 'ssrf.cloud-metadata', roles: ARG_ROLES, detect: (field) => detectReach(field, 'metadata') },
  { id: 'ssrf.internal-address', roles: ARG_ROLES, detect: (field) => detectReach(field, 'internal') },
  {
    id: 'ssrf.dangerous-scheme',
    roles: ARG_ROLES,
    detect: (field) => detectScheme(field, DANGEROUS_SCHEMES),
  },
  { id: 'ssrf.unusual-scheme', roles: ARG_ROLES, detect: (field) => detectScheme(field, UNUSUAL_SCHEMES) },
  { id: 'ssrf.userinfo-trick', roles: ARG_ROLES, detect: detectUserinfo },
  { id: 'ssrf.obfuscated-host', roles: ARG_ROLES, detect: detectObfuscatedHost },
];
