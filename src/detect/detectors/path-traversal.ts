import type { Detector, DetectorMatch, DetectorTriggers, ScanField } from '../detector.js';
import { memoByField } from './args/field-memo.js';
import {
  type Climb,
  findStreamWrappers,
  measureClimb,
  pathCandidates,
  resolvePath,
  type Span,
} from './args/path-shape.js';
import { decodeMapped, type MappedText, toOriginal, wasEncoded } from './args/percent-decode.js';
import {
  CREDENTIAL_PATHS,
  isTemplateEnv,
  matchSensitive,
  SENSITIVE_ANCHOR,
  type SensitivePath,
  SYSTEM_DIRS,
  SYSTEM_PATHS,
} from './args/sensitive-paths.js';
import { isReadOrWritten } from './args/shell-context.js';
import { ARG_ROLES, capMatches, fieldKind, MAX_MATCHES, type ValueKind } from './args/value-kind.js';
import { matchesIn } from './text/regex-matches.js';

/**
 * Path traversal and sensitive files in tool arguments. Paths are judged decoded (`%2e%2e%2f`,
 * `%252e`, overlong `%c0%af`, fullwidth dots) and resolved the way a server would open them;
 * spans point at the original, encoded text.
 */

interface PathSites {
  readonly value: string;
  readonly kind: ValueKind;
  readonly mapped: MappedText;
  /** The sensitive-looking paths, resolved once for the credential and system-file detectors. */
  accessed: readonly AccessedPath[] | null;
}

const DOT_DOT = /\.\./g;
const UNC_ANCHOR = /\\\\|\\\/|\/\\|file:/gi;

/** Prefilter: a value with none of these characters holds no path worth decoding. */
const PATHISH = /[./\\%~\0\uff0e\uff0f\uff3c\u2215]/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * As far as a path value is read: all of what the engine reads of a field. It was 64 KB, and 64 KB
 * of `./` before `../../etc/shadow` hid the traversal from the detectors while a server that
 * normalizes the path first still follows it; every path reader is linear (bench/detect/adversarial.ts).
 */
const MAX_PATH_VALUE = 1024 * 1024;

/** Built once per field for the six detectors (field-memo.ts): a pure function of the field, so sharing it changes no result. */
const pathSites = memoByField((field): PathSites | null => {
  const kind = fieldKind(field);
  if (!kind || kind === 'document') return null;
  const value = field.value.length > MAX_PATH_VALUE ? field.value.slice(0, MAX_PATH_VALUE) : field.value;
  if (!PATHISH.test(value)) return null;
  return { value, kind, mapped: decodeMapped(value), accessed: null };
});

/** Path spans around matches of `anchor` (a global regex); URLs are left to the SSRF detectors unless `file:`. */
function spansAt(sites: PathSites, anchor: RegExp): Span[] {
  return pathCandidates(sites.mapped.text, sites.kind, anchor).filter((span) => {
    const text = sites.mapped.text.slice(span.start, span.end);
    return !URL_LIKE.test(text) || /^file:/i.test(text);
  });
}

function match(sites: PathSites, start: number, end: number, detail: string): DetectorMatch {
  const [from, to] = toOriginal(sites.mapped, start, end);
  return { start: from, end: to, detail };
}

/** Two levels up is a monorepo sibling (`../../packages/x`) unless it heads for something secret-looking. */
const SECRET_LOOKING =
  /secret|credential|passw|private|token|backup|shadow|\.pem\b|\.key\b|id_rsa|\.htaccess|web\.config|\.git\/config|\.env\b/i;

/** Climbing: three levels above the start for a relative path (four in a shell command), or past the root. */
function detectDotDot(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  if (!sites) return [];
  const matches: DetectorMatch[] = [];
  for (const span of spansAt(sites, DOT_DOT)) {
    const path = sites.mapped.text.slice(span.start, span.end);
    const climb = measureClimb(path);
    if (!climb || !climbsTooFar(climb, path, sites.kind)) continue;
    const where = climb.absolute ? 'above the root' : 'above its starting directory';
    const detail =
      climb.escape > 0
        ? `path climbs ${climb.escape} levels ${where}`
        : `path climbs ${climb.longestRun} levels up`;
    matches.push(match(sites, span.start + climb.run.start, span.start + climb.run.end, detail));
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

function climbsTooFar(climb: Climb, path: string, kind: ValueKind): boolean {
  if (climb.absolute) return climb.escape >= 1 || climb.longestRun >= 3;
  if (kind === 'shell') return climb.escape >= 4;
  return climb.escape >= 3 || (climb.escape === 2 && SECRET_LOOKING.test(path.slice(climb.run.end)));
}

/**
 * `(?<!\.)`: a run of dots is tried from its first dot only; from every dot of a long run that
 * ends without a slash, `\.{4,}` would read to the end of the run again (quadratic).
 */
const FILTER_BYPASS = /(?<!\.)\.{4,}[/\\]{1,2}|\.\.\.[/\\]\.[/\\]|\.\.;[/\\]/g;
const SEP = /[/\\]/;

/** Spans of whole `..` segments in decoded text, with the separators around them. */
function dotDotSegments(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = text.indexOf('..'); i >= 0; i = text.indexOf('..', i + 2)) {
    // `=` too: a query parameter (`?file=../../x`) starts a path.
    const before = i === 0 || text[i - 1] === '=' ? '/' : text[i - 1]!;
    const after = i + 2 === text.length ? '/' : text[i + 2]!;
    if (!SEP.test(before) || !SEP.test(after)) continue;
    spans.push([before === text[i - 1] ? i - 1 : i, Math.min(i + 3, text.length)]);
  }
  return spans;
}

/** Encoded or filter-evading `../`: nobody writes a path that way except to slip past a check. */
function detectEncoded(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  if (!sites) return [];
  const { mapped, value } = sites;
  const spans: [number, number, string][] = [];
  if (mapped.decoded) {
    for (const [start, end] of dotDotSegments(mapped.text)) {
      if (wasEncoded(mapped, value, start, end)) spans.push([start, end, 'encoded ../ sequence']);
    }
  }
  for (const m of matchesIn(FILTER_BYPASS, mapped.text)) {
    spans.push([m.index, m.index + m[0].length, 'filter-bypass traversal sequence']);
  }
  return mergeSpans(spans).map(([start, end, detail]) => match(sites, start, end, detail));
}

/** Joins overlapping or touching spans (one `%2e%2e%2f%2e%2e%2f` run is one finding). */
function mergeSpans(spans: [number, number, string][]): [number, number, string][] {
  const sorted = spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number, string][] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return capMatches(merged);
}

/** A NUL cuts the path short in C-based file APIs: `secret.txt%00.png` passes an extension check. */
function detectNullByte(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  if (!sites) return [];
  const matches: DetectorMatch[] = [];
  for (let at = sites.mapped.text.indexOf('\0'); at >= 0; at = sites.mapped.text.indexOf('\0', at + 1)) {
    matches.push(match(sites, at, at + 1, 'null byte in a path'));
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

interface AccessedPath {
  readonly span: Span;
  readonly path: string;
  readonly rooted: boolean;
  readonly climbed: boolean;
  /** The credential entry the path matches (null for none), once asked: both judges need it. */
  credential?: SensitivePath | null;
}

function credentialEntry(accessed: AccessedPath): SensitivePath | null {
  // Not `??=`: null (no entry) is an answer too.
  if (accessed.credential === undefined) {
    accessed.credential = matchSensitive(CREDENTIAL_PATHS, accessed.path, accessed.rooted);
  }
  return accessed.credential;
}

/**
 * Paths `judge` has something to say about, counting a path when a path argument names it, or a
 * shell command reads, writes or sends it (checked last: it is the costly part).
 */
function accessedPaths(sites: PathSites, judge: (path: AccessedPath) => string | null): DetectorMatch[] {
  const found: DetectorMatch[] = [];
  sites.accessed ??= spansAt(sites, SENSITIVE_ANCHOR).map((span) => {
    const { path, rooted, climbed } = resolvePath(sites.mapped.text.slice(span.start, span.end));
    return { span, path, rooted, climbed };
  });
  for (const accessed of sites.accessed) {
    const { span } = accessed;
    const detail = judge(accessed);
    if (!detail) continue;
    if (sites.kind === 'shell' && !isReadOrWritten(sites.mapped.text, span.start)) continue;
    found.push(match(sites, span.start, span.end, detail));
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

function credentialOf(accessed: AccessedPath): string | null {
  const hit = credentialEntry(accessed);
  return hit && !isTemplateEnv(accessed.path) ? `access to ${hit.what}` : null;
}

function systemFileOf(accessed: AccessedPath): string | null {
  const { path, rooted, climbed } = accessed;
  if (credentialEntry(accessed)) return null;
  const hit = matchSensitive(SYSTEM_PATHS, path, rooted);
  if (hit) return `access to ${hit.what}`;
  return climbed && rooted && SYSTEM_DIRS.test(path)
    ? `traversal into ${path.split('/', 2).join('/')}`
    : null;
}

const COMMAND_SEPARATOR = /[;&|\n(`]|\$\(/g;

/** The command word of the simple command holding `start` (after `sudo` and `NAME=value` settings). */
function commandWordBefore(command: string, start: number): string {
  const before = command.slice(Math.max(0, start - 300), start);
  let segmentStart = 0;
  for (const m of matchesIn(COMMAND_SEPARATOR, before)) segmentStart = m.index + m[0].length;
  const words = before.slice(segmentStart).trim().split(/\s+/);
  const verb = words.find((word) => word !== 'sudo' && !word.includes('='));
  return (verb ?? '').replace(/^.*[/\\]/, '').toLowerCase();
}

function detectCredentialFile(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  if (!sites) return [];
  if (sites.kind !== 'shell') return accessedPaths(sites, credentialOf);
  // `terraform plan -state=prod.tfstate`: the program a file belongs to reading it is its ordinary work.
  return accessedPaths(sites, (accessed) => {
    const owners = credentialEntry(accessed)?.owners;
    const owned = owners?.includes(commandWordBefore(sites.mapped.text, accessed.span.start)) ?? false;
    return owned ? null : credentialOf(accessed);
  });
}

function detectSystemFile(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  return sites ? accessedPaths(sites, systemFileOf) : [];
}

/** `\\host\share` makes Windows connect out over SMB and offer the user's NTLM hash. */
const UNC =
  /^(?:\\\\|\\\/|\/\\)(?:[?.][\\/](?:unc[\\/])?)?[^\\/\s]+[\\/]?|^file:\/\/(?!localhost\/|\/)[^/\s]+/i;

/**
 * Paths that make the file API reach something other than a local file: a UNC or device path,
 * or a PHP stream wrapper (`php://filter/.../resource=`, `phar://`, `expect://`), the usual turn
 * of a local file inclusion into source disclosure or code execution.
 */
function detectUncPath(field: ScanField): DetectorMatch[] {
  const sites = pathSites(field);
  if (!sites) return [];
  const matches: DetectorMatch[] = [];
  for (const span of spansAt(sites, UNC_ANCHOR)) {
    const m = UNC.exec(sites.mapped.text.slice(span.start, span.end));
    if (!m) continue;
    matches.push(match(sites, span.start, span.start + m[0].length, 'UNC or device path'));
  }
  for (const wrapper of findStreamWrappers(sites.mapped.text, sites.kind)) {
    matches.push(match(sites, wrapper.start, wrapper.end, wrapper.detail));
  }
  return capMatches(matches);
}

/*
 * Prefilter triggers (Detector.triggers). Paths are judged decoded: a `%` escape can make any
 * character and look-alikes (percent-decode.ts LOOKALIKES) make dots, slashes and backslashes, so
 * each list holds `%` and the look-alikes of the characters it needs.
 */
const LOOKALIKE_DOT = '\uff0e';
const LOOKALIKE_SLASHES = ['\uff0f', '\u2215', '\u2044', '\u29f8'];
const LOOKALIKE_BACKSLASHES = ['\uff3c', '\u29f9', '\ufe68'];
/** DOT_DOT and FILTER_BYPASS both need `..` in the decoded text. */
const DOT_DOT_TRIGGERS: DetectorTriggers = { literals: ['..', '%', LOOKALIKE_DOT] };
/**
 * What a sensitive-path match needs in the raw value. The span comes from a SENSITIVE_HINT
 * anchor, so the hint's words as written do (a `.` or separator is in the value as is, or decoded
 * from `%` or a look-alike, which the literals cover; letters are never decoded without `%`).
 * Three hints find spans often and name no file themselves (`mcp`, `copilot`, `credentials`): a
 * span found by one of them still matches only a pattern of sensitive-paths.ts, and each pattern
 * needs a literal of this list, with the words of those three narrowed to the files they name
 * (`mcp.json`, `mcp_config`, `github-copilot`, `git-credentials`). resolvePath lowercases, and
 * the Kelvin sign lowercases to `k` (the dotted capital I to `i` and a combining dot), which no
 * case-insensitive literal finds: those two open the gate as they are.
 */
const SENSITIVE_TRIGGERS: DetectorTriggers = {
  literals: ['..', '%', LOOKALIKE_DOT, ...LOOKALIKE_SLASHES, ...LOOKALIKE_BACKSLASHES, '\u212a', '\u0130'],
  caseless: [
    'etc/',
    'etc\\',
    'proc/',
    'proc\\',
    '.ssh',
    'id_',
    '.aws',
    'gcloud',
    'application_default',
    '.azure',
    '.kube',
    'secrets',
    '.docker',
    'git-credentials',
    'netrc',
    '.npmrc',
    '.pypirc',
    '.pgpass',
    '.my.cnf',
    'vault-token',
    'htpasswd',
    'hosts.yml',
    '.terraform',
    '.tfstate',
    'docker/containers',
    'docker\\containers',
    '.gnupg',
    '_history',
    '.env',
    'login data',
    'logins.json',
    'key3.db',
    'key4.db',
    'cookies.sqlite',
    'wp-config',
    'system32',
    'inetpub',
    'repair',
    'ntds',
    'appdata',
    'unattend',
    '.ini',
    'mcp.json',
    'mcp_config',
    'claude',
    'github-copilot',
    '.continue',
    'keychains',
    'kubelet',
    '.kdbx',
    '.opvault',
    '.1pif',
    '.vscdb',
  ],
};

export const pathTraversalDetectors: readonly Detector[] = [
  { id: 'path-traversal.dot-dot', roles: ARG_ROLES, triggers: DOT_DOT_TRIGGERS, detect: detectDotDot },
  { id: 'path-traversal.encoded', roles: ARG_ROLES, triggers: DOT_DOT_TRIGGERS, detect: detectEncoded },
  {
    id: 'path-traversal.null-byte',
    roles: ARG_ROLES,
    triggers: { literals: ['\0', '%'] },
    detect: detectNullByte,
  },
  {
    id: 'path-traversal.credential-file',
    roles: ARG_ROLES,
    triggers: SENSITIVE_TRIGGERS,
    detect: detectCredentialFile,
  },
  {
    id: 'path-traversal.system-file',
    roles: ARG_ROLES,
    triggers: SENSITIVE_TRIGGERS,
    detect: detectSystemFile,
  },
  {
    id: 'path-traversal.unc-path',
    roles: ARG_ROLES,
    // UNC_ANCHOR: a backslash or `file:`; a stream wrapper's scheme and `://`, whose slashes may be look-alikes.
    triggers: {
      literals: ['\\', '%', ...LOOKALIKE_BACKSLASHES, ...LOOKALIKE_SLASHES],
      caseless: [
        'file:',
        'php://',
        'phar://',
        'zip://',
        'compress.zlib://',
        'compress.bzip2://',
        'data://',
        'expect://',
        'glob://',
      ],
    },
    detect: detectUncPath,
  },
];
