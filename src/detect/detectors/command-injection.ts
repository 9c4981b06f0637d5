import type { Detector, DetectorMatch, DetectorTriggers, ScanField } from '../detector.js';
import { findCodeShellCalls } from './args/code-exec.js';
import { memoByField } from './args/field-memo.js';
import { findOptionInjection } from './args/option-injection.js';
import { decodeMapped, identityMapped, type MappedText, toOriginal } from './args/percent-decode.js';
import { findArgumentChains, findShellChains, isTokenLike } from './args/shell-chain.js';
import { commandStarts } from './args/shell-context.js';
import { DISK_PREFIXES, findDestructive, type ShellHit } from './args/shell-destructive.js';
import { findHijacks, HIJACK_HINTS, isLoaderKey, mayHijack } from './args/shell-hijack.js';
import { findIrreversible, IRREVERSIBLE_HINTS } from './args/shell-irreversible.js';
import { DOWNLOAD_EXECUTE, findPayloads, type Payload, REVERSE_SHELLS } from './args/shell-payloads.js';
import {
  ARG_ROLES,
  fieldKind,
  MAX_MATCHES,
  REGEX_SPACES,
  scanText,
  type ValueKind,
} from './args/value-kind.js';

/**
 * Command injection in tool arguments: metacharacters that chain or substitute commands,
 * download-and-execute, reverse shells and destructive commands. A shell command argument is
 * read as the shell would; other arguments are also read percent-decoded, since a web server
 * decodes `%3Bid` before a script pastes it into a command line.
 */

interface CommandView {
  readonly kind: ValueKind;
  readonly mapped: MappedText;
}

/**
 * The kind and decoded text of a field, built once per field for the six detectors (field-memo.ts);
 * a pure function of the field, so sharing it changes no result. Documents are read undecoded.
 */
const commandBase = memoByField((field): CommandView | null => {
  const kind = fieldKind(field);
  if (!kind) return null;
  const value = scanText(field.value);
  // Shell values too: a web layer in front of the tool decodes `%0a` into a newline before the shell sees it.
  const decodable = kind !== 'document' && value.includes('%');
  return { kind, mapped: decodable ? decodeMapped(value) : identityMapped(value) };
});

function commandView(field: ScanField, prefilter: Prefilter, documents: boolean): CommandView | null {
  const view = commandBase(field);
  if (!view || (view.kind === 'document' && !documents)) return null;
  return prefilter(view.mapped.text, view.kind) ? view : null;
}

/** Maps hits back to the original value, dropping duplicates and spans inside another. */
function toMatches(view: CommandView, hits: readonly ShellHit[]): DetectorMatch[] {
  if (hits.length === 0) return [];
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const matches: DetectorMatch[] = [];
  let coveredTo = -1;
  for (const hit of sorted) {
    if (hit.end <= coveredTo) continue;
    coveredTo = hit.end;
    const [start, end] = toOriginal(view.mapped, hit.start, hit.end);
    matches.push({ start, end, detail: hit.detail });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}

/** A cheap test a value must pass before the patterns run. */
type Prefilter = (text: string, kind: ValueKind) => boolean;

/**
 * Builds a detector. `triggers` (Detector.triggers) must hold a literal that every text passing
 * `prefilter` holds, or every text `find` has a hit in, or `%`: a value holding `%` is judged
 * percent-decoded (commandView).
 */
function shellDetector(
  id: string,
  prefilter: Prefilter,
  find: (text: string, kind: ValueKind) => ShellHit[],
  documents = false,
  triggers?: DetectorTriggers,
): Detector {
  const detect = (field: ScanField): DetectorMatch[] => {
    const view = commandView(field, prefilter, documents);
    return view ? toMatches(view, find(view.mapped.text, view.kind)) : [];
  };
  return triggers ? { id, roles: ARG_ROLES, triggers, detect } : { id, roles: ARG_ROLES, detect };
}

/** Caseless literals from a prefilter, plus `%` for values read decoded. */
function orEncoded(caseless: readonly string[]): DetectorTriggers {
  return { literals: ['%'], caseless };
}

const CHAIN_CHARS = /[;&|`\n$<>{]|\?\?/;
const DOWNLOAD_WORDS =
  /-outfile|start-bitstransfer|curl|wget|fetch|iwr|invoke-|irm\b|\biex\b|download|powershell|pwsh|certutil|bitsadmin|mshta|regsvr32|rundll32|exec\s*\(|eval\s*\(/i;
const REVERSE_WORDS =
  /\/dev\/(?:tcp|udp)\/|\b(?:nc|ncat|netcat)\b|mkfifo|mknod|sh\s+-i\b|telnet|socat|socket|fsockopen|tcpclient|net\.(?:socket|connect)|\/inet\/|xterm/i;
const DESTRUCTIVE_WORDS =
  /_history|\bhistory\s|histfile|wevtutil|clear-eventlog|\b(?:rm|ch(?:mod|own|grp)|mkfs|dd|shred|wipefs|blkdiscard|fork|find|format|del|erase|rd|rmdir|remove-item|vssadmin|wmic|wbadmin|bcdedit|kill|echo|crontab|dropdb|shutdown|poweroff|halt|reboot|init)\b|:\s*\(|%0|>\s*\/(?:dev|etc)\//i;

const IRREVERSIBLE_WORDS = /kubectl|terraform|\bpush\b|\bs3\b|gsutil|gcloud|\baz\b|cloudformation|xargs/i;
const IRREVERSIBLE_HEAD = 'kubectl|terraform|git|aws|gsutil|gcloud|az|ls|find';

const DOWNLOAD_HEAD =
  'start-bitstransfer|\\(new-object|curl|wget|fetch|iwr|invoke-|irm|iex|powershell|pwsh|certutil|bitsadmin|mshta|regsvr32|rundll32|python\\d?|perl|ruby|node|php|(?:ba|z)?sh|eval|source|\\.\\s';
const DESTRUCTIVE_HEAD =
  'history|unset|export|wevtutil|clear-eventlog|shred|rm|ch(?:mod|own|grp)|mkfs|dd|shred|wipefs|blkdiscard|find|format|del|erase|rd|rmdir|remove-item|vssadmin|wmic|wbadmin|bcdedit|kill|echo|cat|crontab|dropdb|perl|python\\d?|\\w+\\s*\\(\\s*\\)|:\\s*\\(|%0';

/** A command starting with `head` at a command start (see `commandStarts`), in prose or in a token-like value. */
function commandHead(head: string): { prose: RegExp; token: RegExp } {
  const at = (separators: string) =>
    new RegExp(String.raw`(?:^|[${separators}]|\$\()[ \t]*(?:sudo[ \t]+)?(?:${head})`, 'i');
  return { prose: at(';&|\x60'), token: at(';&|\x60\n') };
}

/** Shell arguments need only the keyword; other values need a command starting with it. */
function keywordAt(words: RegExp, head: { prose: RegExp; token: RegExp }): Prefilter {
  return (text, kind) => {
    if (kind === 'shell') return words.test(text);
    return (isTokenLike(text) || kind !== 'other' ? head.token : head.prose).test(text);
  };
}

const CODE_HINT = /system|popen|exec|spawn|subprocess|passthru|getoutput/;
const OPTION_HINT =
  /-(?:-?upload-pack|-?receive-pack|c\s*core\.|-config|checkpoint-action|-to-command|-use-compress|-unzip-command|-test-command|TT|o\s*["']?(?:proxy|local)command|exec|-post-file|-body-file|e[=\s]|-rsh)|ext::/i;

/** Outside a shell argument, a payload counts only where a command would start. */
function inCommandPosition(hits: ShellHit[], text: string, kind: ValueKind): ShellHit[] {
  if (kind === 'shell' || hits.length === 0) return hits;
  const starts = new Set(commandStarts(text, isTokenLike(text) || kind !== 'other'));
  return hits.filter((hit) => starts.has(hit.start));
}

/**
 * DOWNLOAD_EXECUTE and REVERSE_SHELLS (shell-payloads.ts): every match of a payload holds one of
 * its hints in any case (for `sh -i` piped to the network, the network tool, where the
 * prefilter's `sh` opened on nearly every command), plus `%` for values read decoded.
 */
function payloadTriggers(payloads: readonly Payload[]): DetectorTriggers {
  return orEncoded([...new Set(payloads.flatMap((payload) => payload.hints))]);
}

/**
 * findDestructive (shell-destructive.ts): the command word of each of its patterns, by the
 * pattern's own case rule; `{` for both fork bombs, `fork` for the Windows and Python ones (`%0`
 * is covered by `%`), `history`/`histfile` for history wiping (`_history` included), POWER's
 * words for the shutdown family. Where a pattern names its target, the target stands in for a
 * common word: DISK's device prefixes for `dd ... of=` and a redirect onto a disk (so
 * `2>/dev/null` opens nothing), the three files of a redirect onto `/etc/`, and
 * `/proc/sysrq-trigger` for `echo`. `rd /s` needs a space after `rd` (any `\s`), so words ending
 * in `rd` (password, forward) open nothing.
 */
const DESTRUCTIVE_TRIGGERS: DetectorTriggers = {
  literals: [
    '%',
    'rm',
    'chmod',
    'chown',
    'chgrp',
    'fork',
    'find',
    'kill',
    '/proc/sysrq-trigger',
    '/etc/passwd',
    '/etc/shadow',
    '/etc/sudoers',
    'crontab',
    'dropdb',
    'shutdown',
    'poweroff',
    'halt',
    'reboot',
    'init',
  ],
  caseless: [
    'mkfs',
    ...DISK_PREFIXES,
    'shred',
    'wipefs',
    'blkdiscard',
    '{',
    'format',
    'del',
    'erase',
    ...[...REGEX_SPACES].map((space) => `rd${space}`),
    'rmdir',
    'remove-item',
    'vssadmin',
    'wmic',
    'wbadmin',
    'bcdedit',
    'history',
    'histfile',
    'wevtutil',
    'clear-eventlog',
  ],
};

/**
 * Loader hijacks, setuid files and miners (shell-hijack.ts): in a shell argument anywhere, in
 * another argument where a command starts, and the whole value of an environment entry named
 * for a loader variable (`{"LD_PRELOAD": "/tmp/x.so"}`).
 */
const hijackDetector: Detector = {
  id: 'command-injection.hijack',
  roles: ARG_ROLES,
  triggers: { ...orEncoded(HIJACK_HINTS), keys: isLoaderKey },
  detect(field: ScanField): DetectorMatch[] {
    const keyed = isLoaderKey(field.key);
    const view = commandView(field, (text) => keyed || mayHijack(text), false);
    if (!view) return [];
    const text = view.mapped.text;
    const hits = findHijacks(text, field.key);
    return toMatches(view, keyed ? hits : inCommandPosition(hits, text, view.kind));
  },
};

export const commandInjectionDetectors: readonly Detector[] = [
  hijackDetector,
  shellDetector(
    'command-injection.chaining',
    (text) => CHAIN_CHARS.test(text),
    (text, kind) => (kind === 'shell' ? findShellChains(text) : findArgumentChains(text, kind)),
    false,
    // CHAIN_CHARS.
    orEncoded([';', '&', '|', '`', '\n', '$', '<', '>', '{', '??']),
  ),
  shellDetector(
    'command-injection.download-execute',
    keywordAt(DOWNLOAD_WORDS, commandHead(DOWNLOAD_HEAD)),
    (text, kind) => inCommandPosition(findPayloads(text, DOWNLOAD_EXECUTE), text, kind),
    false,
    payloadTriggers(DOWNLOAD_EXECUTE),
  ),
  shellDetector(
    'command-injection.reverse-shell',
    (text) => REVERSE_WORDS.test(text),
    (text) => findPayloads(text, REVERSE_SHELLS),
    true,
    payloadTriggers(REVERSE_SHELLS),
  ),
  shellDetector(
    'command-injection.option-injection',
    (text) => OPTION_HINT.test(text),
    (text, kind) => findOptionInjection(text, kind === 'shell'),
    false,
    // OPTION_HINT (case-insensitive): `-command` stands for the three `-...-command` options,
    // `core.` for `-c core.`, `-tt` for `-TT`.
    orEncoded([
      'upload-pack',
      'receive-pack',
      'core.',
      '-config',
      'checkpoint-action',
      '-command',
      'proxycommand',
      'localcommand',
      '-use-compress',
      '-tt',
      '-exec',
      '-post-file',
      '-body-file',
      'ext::',
      '-e=',
      '--rsh',
      ...[...REGEX_SPACES].map((space) => `-e${space}`),
    ]),
  ),
  shellDetector(
    'command-injection.code-exec',
    (text, kind) => kind !== 'shell' && CODE_HINT.test(text),
    (text) => findCodeShellCalls(text),
    true,
    // CODE_HINT is case-sensitive.
    { literals: ['%', 'system', 'popen', 'exec', 'spawn', 'subprocess', 'passthru', 'getoutput'] },
  ),
  shellDetector(
    'command-injection.destructive',
    keywordAt(DESTRUCTIVE_WORDS, commandHead(DESTRUCTIVE_HEAD)),
    (text, kind) => inCommandPosition(findDestructive(text, kind === 'shell'), text, kind),
    false,
    DESTRUCTIVE_TRIGGERS,
  ),
  shellDetector(
    'command-injection.irreversible-change',
    keywordAt(IRREVERSIBLE_WORDS, commandHead(IRREVERSIBLE_HEAD)),
    (text, kind) => inCommandPosition(findIrreversible(text), text, kind),
    false,
    orEncoded([...IRREVERSIBLE_HINTS]),
  ),
];
