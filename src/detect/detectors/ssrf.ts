import type { Detector, DetectorMatch, DetectorTriggers, ScanContext, ScanField } from '../detector.js';
import { isDevServer } from './args/dev-server.js';
import { memoByField } from './args/field-memo.js';
import { classifyHost, type HostTarget, type Reach } from './args/ip-ranges.js';
import { decodeMapped, type MappedText, toOriginal, wasEncoded } from './args/percent-decode.js';
import { isTokenLike } from './args/shell-chain.js';
import { findUrlSites, type HostSpan, readsTargets, type UrlSite } from './args/url-sites.js';
import {
  ARG_ROLES,
  capMatches,
  endOf,
  fieldKind,
  keyKind,
  MAX_MATCHES,
  scanText,
  stopSet,
  type ValueKind,
} from './args/value-kind.js';
import { matchesIn } from './text/regex-matches.js';

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
  readonly base: SsrfBase;
}

/**
 * A value the SSRF detectors read without a url/host key: `:` and two slashes (either way), found
 * by hasAuthorityStart, or one of URLISH's other parts. Together, /:[\\/]{2}|file:\/|.../i.
 */
const URLISH = /file:\/|%3a%2f|169\.254|100\.100\.100|168\.63\.129|192\.0\.0\.192|metadata|fd00:ec2/i;

function isUrlish(text: string): boolean {
  return hasAuthorityStart(text) || URLISH.test(text);
}

/** True when a `:` is followed by two slashes (either way): an authority starts there. */
function hasAuthorityStart(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (isSlashAt(text, colon + 1) && isSlashAt(text, colon + 2)) return true;
  }
  return false;
}

const SUSPECT_NAMES =
  /metadata|instance-data|(?:nip|sslip|xip)\.io|nip\.direct|localhost|localtest|lvh\.me|vcap\.me|kubernetes|\.svc\b/i;
const AUTHORITY_STOP = stopSet('/?# \t\r\n"\'<>');

function isSlashAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 47 || code === 92;
}

/**
 * A URL in free text can only reach metadata or hide its host if the host is numeric, bracketed,
 * non-ASCII, behind userinfo or a backslash, or one of a few names; text without such a URL
 * skips URL parsing. Authorities start after `:` and two slashes (either way).
 */
function hasSuspectHost(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!isSlashAt(text, colon + 1) || !isSlashAt(text, colon + 2)) continue;
    const from = colon + 3;
    const authority = text.slice(from, endOf(text, from, AUTHORITY_STOP, from + 300));
    const code = authority.charCodeAt(0);
    if ((code >= 48 && code <= 57) || code === 91 || code > 127 || /[@\\%]/.test(authority)) return true;
    if (SUSPECT_NAMES.test(authority)) return true;
  }
  return false;
}

/** Which URLs a detector reads: targets only (`url`/`host` arguments and whole-value URLs), or all with a suspect host. */
type Scope = 'targets' | 'suspect' | 'all';

/** Schemes that only ever name a fetch, as /\b(?:gopher|dict|netdoc|expect):/i finds them. */
const ALWAYS_DANGEROUS_WORDS = ['gopher', 'dict', 'netdoc', 'expect'];

/** True when a word of ALWAYS_DANGEROUS_WORDS (ASCII case-insensitive, at a word start) ends at a colon. */
function hasDangerousScheme(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    for (const word of ALWAYS_DANGEROUS_WORDS) if (wordEndsAt(text, colon, word)) return true;
  }
  return false;
}

/** True when `text` holds `word` (lowercase ASCII, any case in the text) right before `end`, starting a word. */
function wordEndsAt(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(start + k);
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower !== word.charCodeAt(k)) return false;
  }
  return start === 0 || !isWordCode(text.charCodeAt(start - 1));
}

/** A `\w` character of a RegExp without the `u` flag. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

/**
 * What the six SSRF detectors read of a field, built once per field (field-memo.ts) instead of
 * once per detector; the URL sites of each scope are found on first use. Every part is a pure
 * function of the field, so sharing it changes no detector's result.
 */
class SsrfBase {
  private all: readonly UrlSite[] | null = null;
  private targets: readonly UrlSite[] | null = null;
  private suspect: readonly UrlSite[] | null = null;
  private dangerousText: boolean | null = null;
  /** Where each site's host points: the metadata and internal-address detectors both ask. */
  private reached: Map<UrlSite, Reached | null> | null = null;

  constructor(
    readonly kind: ValueKind,
    readonly value: string,
    readonly mapped: MappedText,
    private readonly keyed: boolean,
  ) {}

  sites(scope: Scope): readonly UrlSite[] {
    // `findUrlSites(text, kind, true)` finds all sites or none (readsTargets), and a suspect host
    // only decides whether to look: each scope is the full list or nothing.
    if (scope === 'targets') {
      this.targets ??= readsTargets(this.mapped.text, this.kind) ? this.allSites() : [];
      return this.targets;
    }
    if (scope === 'suspect') {
      this.suspect ??= this.keyed || hasSuspectHost(this.mapped.text) ? this.allSites() : [];
      return this.suspect;
    }
    return this.allSites();
  }

  private allSites(): readonly UrlSite[] {
    this.all ??= findUrlSites(this.mapped.text, this.kind);
    return this.all;
  }

  target(site: UrlSite): Reached | null {
    this.reached ??= new Map();
    let found = this.reached.get(site);
    if (found === undefined) {
      found = targetOf(site);
      this.reached.set(site, found);
    }
    return found;
  }

  /** A scheme that only ever names a fetch appears somewhere in the (undecoded) field. */
  hasDangerousText(field: ScanField): boolean {
    this.dangerousText ??= hasDangerousScheme(field.value);
    return this.dangerousText;
  }
}

const ssrfBase = memoByField((field): SsrfBase | null => {
  const kind = fieldKind(field);
  if (!kind) return null;
  const value = scanText(field.value);
  const keyed = kind === 'url' || kind === 'host';
  if (!keyed && !isUrlish(value)) return null;
  return new SsrfBase(kind, value, decodeMapped(value), keyed);
});

function ssrfView(field: ScanField, scope: Scope, documents = false): SsrfView | null {
  const base = ssrfBase(field);
  if (!base || (base.kind === 'document' && !documents)) return null;
  return { kind: base.kind, value: base.value, mapped: base.mapped, sites: base.sites(scope), base };
}

/** True when a site is the target of the value: a `url`/`host` argument, or a value that is just this URL. */
function isTarget(view: SsrfView, site: UrlSite): boolean {
  return view.kind === 'url' || view.kind === 'host' || (site.whole && view.kind !== 'shell');
}

function toMatch(view: SsrfView, start: number, end: number, detail: string): DetectorMatch {
  const [from, to] = toOriginal(view.mapped, start, end);
  return { start: from, end: to, detail };
}

interface Reached {
  readonly span: HostSpan;
  readonly target: HostTarget;
}

function targetOf(site: UrlSite): Reached | null {
  for (const span of [site.host, site.altHost]) {
    const target = span ? classifyHost(span.host) : null;
    if (span && target) return { span, target };
  }
  return null;
}

const BARE_METADATA =
  /(?<![\w.:-])(?:169\.254\.169\.254|169\.254\.170\.2|169\.254\.170\.23|100\.100\.100\.200|168\.63\.129\.16|metadata\.google\.internal|fd00:ec2::(?:254|23))(?![\w-]|\.\w)/gi;

/** Every BARE_METADATA match holds one of these (the last two in any case): a cheap test before the scan. */
const BARE_METADATA_DIGITS = ['169.254.1', '100.100.100.200', '168.63.129.16'];
const BARE_METADATA_NAMES = /metadata\.google\.internal|fd00:ec2::/i;

function mayHoldBareMetadata(text: string): boolean {
  for (const digits of BARE_METADATA_DIGITS) if (text.includes(digits)) return true;
  return BARE_METADATA_NAMES.test(text);
}

function detectReach(field: ScanField, reach: Reach): DetectorMatch[] {
  // Metadata endpoints count anywhere, documents included: HTML handed to a renderer fetches its <img>.
  const view = reach === 'internal' ? ssrfView(field, 'targets') : ssrfView(field, 'suspect', true);
  if (!view) return [];
  const matches: DetectorMatch[] = [];
  for (const site of view.sites) {
    if (reach === 'internal' && !isTarget(view, site)) continue;
    const found = view.base.target(site);
    if (!found || found.target.reach !== reach) continue;
    // Nobody opens their own dev server through `jar:`: that is a Java fetch of a local archive.
    if (found.target.local && !site.jar && isDevServer(view.mapped.text, site, found.span)) continue;
    const { start, end } = found.span;
    const how = obfuscation(view, found.span);
    matches.push(toMatch(view, start, end, `${found.target.label}${how ? `, written ${how}` : ''}`));
  }
  // A bare address outside a URL counts where it will be fetched (a command, a host, a lone token), not in prose.
  const bare = view.kind !== 'document' && (view.kind !== 'other' || isTokenLike(view.mapped.text));
  if (reach === 'metadata' && bare && mayHoldBareMetadata(view.mapped.text)) {
    for (const m of matchesIn(BARE_METADATA, view.mapped.text)) {
      const inside = view.sites.some((site) => m.index >= site.start && m.index < site.end);
      if (!inside) matches.push(toMatch(view, m.index, m.index + m[0].length, 'cloud metadata endpoint'));
    }
  }
  return capMatches(matches);
}

/**
 * Schemes a fetch tool has no business following: raw TCP (gopher, dict), local files, archives, PHP
 * wrappers. Not `jar:`: it only opens an entry of the archive its inner URL fetches (url-sites.ts
 * reads that URL as a site of its own), so where it goes decides, as for any URL. `jar:file:`,
 * `jar:gopher:` and a jar: on an internal or metadata host are caught through the inner URL;
 * `jar:https://repo.maven.apache.org/...!/META-INF/MANIFEST.MF` is how Java tools name a file in a
 * published artifact, and blocking it would stop ordinary dependency lookups.
 */
const DANGEROUS_SCHEMES = new Set(['gopher', 'dict', 'file', 'netdoc', 'phar', 'expect', 'smb']);
/** Protocols that are rarely wrong but let a fetch leave HTTP: worth an alert. */
const UNUSUAL_SCHEMES = new Set(['ftp', 'ldap', 'ldaps', 'ldapi', 'tftp', 'sftp', 'telnet']);
/** These only ever appear in a value to be fetched. */
const ALWAYS_DANGEROUS = new Set(['gopher', 'dict', 'netdoc', 'expect']);

/** `file:` URIs are how MCP resources are named, so resources/* methods may use them. */
function detectScheme(field: ScanField, context: ScanContext, schemes: ReadonlySet<string>): DetectorMatch[] {
  const resources = context.method?.startsWith('resources/') ?? false;
  const dangerous = ssrfBase(field)?.hasDangerousText(field) ?? false;
  const view = ssrfView(field, dangerous ? 'all' : 'targets');
  if (!view || view.kind === 'path') return [];
  const matches: DetectorMatch[] = [];
  for (const site of view.sites) {
    if (!schemes.has(site.scheme) || (resources && site.scheme === 'file')) continue;
    if (!isTarget(view, site) && !ALWAYS_DANGEROUS.has(site.scheme)) continue;
    matches.push(toMatch(view, site.start, site.end, `${site.scheme}: URL`));
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

/** `http://trusted.com@evil/`: the part before `@` reads like the host but is a user name. */
function detectUserinfo(field: ScanField): DetectorMatch[] {
  const view = ssrfView(field, 'targets');
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
  return capMatches(matches);
}

/** How a written host hides what it is, or null when it is written plainly. */
function obfuscation(view: SsrfView, span: HostSpan): string | null {
  if (wasEncoded(view.mapped, view.value, span.start, span.end)) return 'percent-encoded';
  return span.host.obfuscation;
}

/** Numeric, percent-encoded or IPv4-mapped hosts: written so a string filter does not recognize them. */
function detectObfuscatedHost(field: ScanField): DetectorMatch[] {
  const view = ssrfView(field, 'suspect');
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
  return capMatches(matches);
}

/**
 * Every SSRF match needs the shared view (ssrfBase): a `url`/`host` key, or a value isUrlish
 * accepts. These are its literals (an authority start is `:/` or `:\\` first), so the engine
 * skips the rest without calling any of the six.
 */
const SSRF_TRIGGERS: DetectorTriggers = {
  caseless: [
    ':/',
    ':\\',
    '%3a%2f',
    '169.254',
    '100.100.100',
    '168.63.129',
    '192.0.0.192',
    'metadata',
    'fd00:ec2',
  ],
  keys: (key) => {
    const kind = keyKind(key);
    return kind === 'url' || kind === 'host';
  },
};

/**
 * A scheme match names its scheme before a colon in the decoded text: as written, or with some
 * of it percent-encoded (`%`). Neither a key nor any other literal opens these gates.
 */
function schemeTriggers(schemes: readonly string[]): DetectorTriggers {
  return { literals: ['%'], caseless: schemes.map((scheme) => `${scheme}:`) };
}

/** Userinfo and the backslash reading both need an `@` in the decoded authority. */
const USERINFO_TRIGGERS: DetectorTriggers = { literals: ['@', '%'] };

function ssrfDetector(id: string, detect: Detector['detect'], triggers = SSRF_TRIGGERS): Detector {
  return { id, roles: ARG_ROLES, triggers, detect };
}

export const ssrfDetectors: readonly Detector[] = [
  ssrfDetector('ssrf.cloud-metadata', (field) => detectReach(field, 'metadata')),
  ssrfDetector('ssrf.internal-address', (field) => detectReach(field, 'internal')),
  ssrfDetector(
    'ssrf.dangerous-scheme',
    (field, context) => detectScheme(field, context, DANGEROUS_SCHEMES),
    schemeTriggers([...DANGEROUS_SCHEMES]),
  ),
  ssrfDetector(
    'ssrf.unusual-scheme',
    (field, context) => detectScheme(field, context, UNUSUAL_SCHEMES),
    schemeTriggers([...UNUSUAL_SCHEMES]),
  ),
  ssrfDetector('ssrf.userinfo-trick', detectUserinfo, USERINFO_TRIGGERS),
  ssrfDetector('ssrf.obfuscated-host', detectObfuscatedHost),
];
