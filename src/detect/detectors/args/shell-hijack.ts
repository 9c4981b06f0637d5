import { matchesIn } from '../text/regex-matches.js';
import type { ShellHit } from './shell-destructive.js';

/**
 * Commands that take over a program or the machine without any shell metacharacter: environment
 * variables that make a program load attacker code (`LD_PRELOAD=/tmp/x.so ls`), the setuid bit on
 * a file (a root shell kept for later), and cryptocurrency miners. The chaining checks never see
 * these, and the command itself (`ls`, `npm test`) is harmless.
 */

/**
 * Libraries people preload on purpose: allocators, sanitizers, test and debugging shims. Anything
 * else in LD_PRELOAD is code injected into every process the command starts.
 */
const KNOWN_PRELOADS =
  /^["']?(?:\S*\/)?lib(?:jemalloc|tcmalloc(?:_minimal)?|mimalloc|hoard|asan|tsan|ubsan|lsan|faketime\w*|eatmydata|stdbuf|vgpreload\w*|gtk3-nocsd|nss_wrapper|socket_wrapper|uid_wrapper|libc_malloc_debug|sandbox|fakeroot\w*|fakechroot)\b/i;

/**
 * Where an attacker drops a file to load: temp dirs, home, a hidden file. Not a project-relative
 * path: `--require ./tracing.js` is how tracing and dotenv are set up.
 */
const WRITABLE_PATH = String.raw`["']?(?:/tmp/|/dev/shm/|/var/tmp/|/run/user/|~/|\$HOME/|/home/|/Users/|\S*/\.[\w-])`;

/**
 * `NAME=value` where NAME loads code. A preload library counts unless it is a known shim; the
 * others count when they load a file from a writable place (NODE_OPTIONS="--require ./tracing.js"
 * is ordinary; `--require /tmp/.hook.js` is not).
 */
const LOADER_VARIABLE = new RegExp(
  [
    String.raw`(?<preload>\b(?:LD_PRELOAD|LD_AUDIT|DYLD_INSERT_LIBRARIES)\s*=\s*(?!["']?\s|["']?$)\S+)`,
    String.raw`(?<startup>\b(?:BASH_ENV|PYTHONSTARTUP)\s*=\s*${WRITABLE_PATH}\S*)`,
    String.raw`(?<option>\b(?:NODE_OPTIONS|PERL5OPT|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS)\s*=\s*["']?[^"'\n]{0,80}?(?:--require|--import|--loader|--experimental-loader|-r|-M|-javaagent:)[\s=]*${WRITABLE_PATH}\S*)`,
    String.raw`(?<prompt>\bPROMPT_COMMAND\s*=\s*["']?[^\n]{0,120}?\b(?:curl|wget|nc|ncat|socat|bash\s+-i|/dev/tcp/))`,
  ].join('|'),
  'g',
);
/** Field names of an environment map passed to a tool (`env: {"LD_PRELOAD": "/tmp/x.so"}`). */
const LOADER_KEYS: ReadonlySet<string> = new Set([
  'ld_preload',
  'ld_audit',
  'dyld_insert_libraries',
  'bash_env',
]);

/**
 * `chmod u+s`, `chmod +s`, `chmod 4755`: a setuid file runs as its owner, often root. Setgid
 * alone (`g+s`, `2775`) is how shared directories are set up, so it does not count.
 */
const SETUID = /\bchmod\s+(?:-\w+\s+)*(?:[ua]*\+[rwx]*s[rwx]*|0?[4-7][0-7]{3})\s+\S+/g;
/** Miners by name, or a mining pool's stratum URL. */
const MINER =
  /\b(?:xmrig|xmr-stak|minerd|cpuminer|nbminer|lolminer|ethminer|phoenixminer)\b|stratum\+(?:tcp|ssl|tls):\/\//gi;

/** Literals one of which every hit holds (caseless): the prefilter's triggers. */
export const HIJACK_HINTS: readonly string[] = [
  'ld_preload',
  'ld_audit',
  'dyld_insert_libraries',
  'bash_env',
  'pythonstartup',
  'node_options',
  'perl5opt',
  'java_tool_options',
  '_java_options',
  'prompt_command',
  'chmod',
  'xmrig',
  'xmr-stak',
  'minerd',
  'cpuminer',
  'nbminer',
  'lolminer',
  'ethminer',
  'phoenixminer',
  'stratum+',
];
const HINT = new RegExp(HIJACK_HINTS.map((hint) => hint.replace(/[+]/g, '\\+')).join('|'), 'i');

/** True for a field name holding a loader variable's value. */
export function isLoaderKey(key: string): boolean {
  return LOADER_KEYS.has(key);
}

/** A cheap test every text with a hit passes. */
export function mayHijack(text: string): boolean {
  return HINT.test(text);
}

/** Loader hijacks, setuid files and miners in a command; `key` may name a loader variable. */
export function findHijacks(text: string, key: string): ShellHit[] {
  const hits: ShellHit[] = [];
  if (isLoaderKey(key) && text.trim() !== '' && !KNOWN_PRELOADS.test(text.trim())) {
    hits.push({ start: 0, end: text.length, detail: `${key.toUpperCase()} loads a library into programs` });
  }
  for (const m of matchesIn(LOADER_VARIABLE, text)) {
    const preload = m.groups?.preload;
    if (preload !== undefined && KNOWN_PRELOADS.test(preload.slice(preload.indexOf('=') + 1).trim()))
      continue;
    const name = m[0].slice(0, m[0].search(/\s*=/));
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      detail: `${name} makes programs load attacker code`,
    });
  }
  for (const m of matchesIn(SETUID, text)) {
    hits.push({ start: m.index, end: m.index + m[0].length, detail: 'setuid/setgid bit set on a file' });
  }
  for (const m of matchesIn(MINER, text)) {
    hits.push({ start: m.index, end: m.index + m[0].length, detail: 'cryptocurrency miner' });
  }
  return hits;
}
