import { matchesIn } from '../text/regex-matches.js';
import type { ShellHit } from './shell-destructive.js';
import { findCredentialExfil } from './shell-exfil.js';
import { endOf, stopSet, type ValueKind } from './value-kind.js';

/**
 * Shell metacharacters that chain or substitute commands. In a non-shell argument (a file name,
 * a URL, a search term) any `; whoami`, `| sh` or `$(curl ...)` is injection. In a shell command
 * chaining is ordinary (`cd src && npm test`, `grep -r foo | head`); there only piping into an
 * interpreter or a network tool, substituting a download, and evasion tricks count. Backticks
 * count only in token-like values or glued to the value's first word: in prose they are Markdown.
 */

/** Network tools: an attacker follows them with a bare host name, so any argument counts. */
const NETWORK = new Set('curl wget nc ncat netcat telnet nslookup socat'.split(' '));
/** Other commands injected for execution or reconnaissance; these need an argument-like word after them. */
const COMMANDS = new Set(
  (
    'bash sh zsh dash ksh csh tcsh fish python python2 python3 perl ruby php node powershell pwsh cmd ' +
    'whoami uname hostname ifconfig ipconfig netstat id cat ls echo sleep ping touch kill env printenv ps ' +
    'dir type rm cp mv chmod chown find head tail base64 sudo su passwd useradd crontab mkfifo nohup xterm ' +
    'certutil bitsadmin mshta rundll32 regsvr32 wmic dig ssh scp ftp tftp pwd eval exec source reboot shutdown'
  ).split(' '),
);

/** A separator followed by one of the words above, so the regex engine, not a loop, skips ordinary text. */
const CHAIN = new RegExp(
  String.raw`(;|&&|\|\||\||&|\r?\n|\$\(|\x60)[ \t]*(?:sudo[ \t]+)?(${[...NETWORK, ...COMMANDS].join('|')})(?:\.exe)?(?![\w.-])`,
  'gi',
);
/** CHAIN anchored at one position: tried only where a separator starts (CHAIN_START). */
const CHAIN_AT = new RegExp(CHAIN.source, 'iy');
/** The characters a CHAIN separator starts with. */
const CHAIN_START = stopSet(';&|\r\n$`');

/**
 * The next match of CHAIN at or after `from`, as CHAIN's global search finds it: a match starts
 * with a separator, so only those positions are tried (the scan over the long word list at every
 * character was most of what an ordinary value cost).
 */
function nextChain(text: string, from: number): RegExpExecArray | null {
  for (let at = endOf(text, from, CHAIN_START); at < text.length; at = endOf(text, at + 1, CHAIN_START)) {
    CHAIN_AT.lastIndex = at;
    const m = CHAIN_AT.exec(text);
    if (m) return m;
  }
  return null;
}

const ARG_LIKE = /^(?:[ \t]*(?:$|[;&|`)#'"<>\r\n])|[ \t]+[-/~.$\\'"0-9<>*]|[ \t]+[a-z]:\\)/i;
const NETWORK_FOLLOWER = /^(?:[ \t\r\n]|$|[;&|`)'"])/;

/** Chains into a command inside a value that is not itself a shell command. */
export function findArgumentChains(text: string, kind: ValueKind): ShellHit[] {
  const hits: ShellHit[] = [];
  // Only newline and backtick separators ask; most values have no chain at all.
  let tokenLike: boolean | null = kind === 'path' || kind === 'url' || kind === 'host' ? true : null;
  for (let m = nextChain(text, 0); m !== null; m = nextChain(text, m.index + m[0].length)) {
    const separator = m[1]!;
    const word = m[2]!.toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (separator.endsWith('\n') || separator === '`') tokenLike ??= isTokenLike(text);
    if (separator.endsWith('\n') && !tokenLike) continue;
    if (separator === '|' && /^\s*\|/.test(after)) continue;
    // A backtick opening prose's Markdown code span follows a space; one glued to the value's first word substitutes.
    if (separator === '`' && !tokenLike && (m.index === 0 || /\s/.test(text.slice(0, m.index)))) continue;
    // A Markdown fence (```bash) is not a substitution.
    if (separator === '`' && (text[m.index - 1] === '`' || text[m.index + 1] === '`')) continue;
    const network = NETWORK.has(word) && NETWORK_FOLLOWER.test(after);
    const command = COMMANDS.has(word) && ARG_LIKE.test(after);
    if (!network && !command) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, detail: `${describe(separator)} into ${word}` });
  }
  return withTricks(hits, text);
}

/** `hits`, then evasion tricks and credential uploads in `text`, in that order. */
function withTricks(hits: ShellHit[], text: string): ShellHit[] {
  for (const hit of findEvasion(text)) hits.push(hit);
  for (const hit of findCredentialExfil(text)) hits.push(hit);
  return hits;
}

/** True when the value has no spaces: a file name, an id, a URL (newlines allowed: `x\nid`); not prose. */
export function isTokenLike(text: string): boolean {
  return !/[ \t]/.test(text.trim());
}

function describe(separator: string): string {
  if (separator === '$(' || separator === '`') return 'command substitution';
  if (separator === '|') return 'pipe';
  return 'command chained';
}

/** A pattern, literals one of which each of its matches holds (as the pattern's case rule reads them), and the detail of its hits. */
type HintedPattern = readonly [RegExp, readonly string[], string];

/** Runs each pattern whose literals the text holds one of, in order: indexOf is far cheaper than a regex scan. */
function hintedHits(text: string, patterns: readonly HintedPattern[], hits: ShellHit[]): void {
  for (const [pattern, literals, detail] of patterns) {
    if (!literals.some((literal) => text.includes(literal))) continue;
    for (const m of matchesIn(pattern, text))
      hits.push({ start: m.index, end: m.index + m[0].length, detail });
  }
}

const SHELL_PATTERNS: readonly HintedPattern[] = [
  [
    /\|\s*(?:sudo\s+(?:-[^\s;&|]+\s+)*)?(?:env\s+)?(?:[^\s;&|]*\/)?(?:(?:ba|z|da|k|tc|fi|a)?sh\b(?!\s+-c\b)|(?:python[0-9.]*|perl|ruby|node|php)(?:\s+-)?(?=\s*(?:$|[;&|)]))|iex\b|invoke-expression\b)/gi,
    ['|'],
    'pipe into an interpreter',
  ],
  [/(?:\$\(|`)\s*(?:curl|wget|nc|ncat|netcat)\b/g, ['$(', '`'], 'command substitution of a network fetch'],
  [
    /-exec(?:dir)?\s+(?:ba|z|da)?sh\s+-c\s+["'][^"'\n]{0,200}?\b(?:curl|wget|nc|ncat|scp)\b/g,
    ['-exec'],
    'find spawning a network command',
  ],
  [
    /\|\s*(?:nc|ncat|netcat|telnet|socat)(?=\s+\S)|\|\s*curl\b[^\n|;&]{0,300}?(?:@-|-T\s*-)/g,
    ['|'],
    'pipe into a network upload',
  ],
  [/\b(?:nc|ncat|netcat|telnet)\s[^\n|;&<]{0,200}<\s*[^\s<&]/g, ['<'], 'file sent over the network'],
];

/** Dangerous uses of chaining inside a shell command. */
export function findShellChains(text: string): ShellHit[] {
  const hits: ShellHit[] = [];
  hintedHits(text, SHELL_PATTERNS, hits);
  return withTricks(hits, text);
}

/**
 * Files that let someone in or run code at the next cron tick, sudo or program start: writing one
 * plants a backdoor. (Shell rc files are left out: agents append PATH lines to them all the time.)
 */
const HOME = String.raw`(?:~|\$HOME|\$\{HOME\}|/root|/home/[^/\s]+|/Users/[^/\s]+)?/?`;
const PERSISTENCE = new RegExp(
  String.raw`(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?(?:${HOME}\.ssh/authorized_keys2?|/etc/(?:crontab|cron\.\w+/\S*|sudoers(?:\.d/\S*)?|rc\.local|ld\.so\.preload|profile(?:\.d/\S*)?|passwd|shadow)|/var/spool/cron/\S*)|\|\s*(?:sudo\s+)?crontab\s+-(?=\s|$|[;&|)])`,
  'g',
);

const EVASION: readonly HintedPattern[] = [
  // Every target PERSISTENCE names, and `crontab` for `| crontab -`.
  [PERSISTENCE, ['authorized_keys', '/etc/', '/var/spool/cron/', 'crontab'], 'write to a persistence file'],
  [/\$\{IFS\}|\$IFS\b/g, ['IFS'], 'IFS variable used as a space'],
  [
    /\{(?:cat|ls|id|whoami|curl|wget|nc|bash|sh|rm|echo|uname|ping),[^}\s]+\}/g,
    ['{'],
    'brace expansion hiding a command',
  ],
  [/\/\?{2,}\/[\w?]*\?[\w?]*/g, ['??'], 'glob-obfuscated command path'],
  [/\$'(?:\\x[0-9a-f]{2}){2,}/gi, ["$'"], 'hex-escaped command'],
  [/\beval\b[^\n]{0,200}?\bbase64\s+(?:-d|--decode)\b/g, ['base64'], 'eval of decoded base64'],
  [
    /\bbase64\s+(?:-d|--decode|-D)\b[^\n;&]{0,200}?\|\s*(?:[^\s;&|]*\/)?(?:ba|z|da)?sh\b/g,
    ['base64'],
    'decoded base64 piped into a shell',
  ],
];

/** Tricks that hide a command from filters; nobody needs them for ordinary work. */
const EVASION_HINT = /IFS|\{|\?\?|\$'|eval|base64|>|tee|crontab/;

export function findEvasion(text: string): ShellHit[] {
  const hits: ShellHit[] = [];
  if (!EVASION_HINT.test(text)) return hits;
  hintedHits(text, EVASION, hits);
  return hits;
}
