/**
 * Commands that destroy a system: recursive deletes or permission changes on the root or a
 * top-level system directory, formatting or overwriting disks, fork bombs, wiping backups.
 * `rm -rf build/` or `chmod -R 755 ./public` stay ordinary: only root-ish targets count.
 */

import { matchesIn } from '../text/regex-matches.js';
import { endOf, stopSet } from './value-kind.js';

export interface ShellHit {
  readonly start: number;
  readonly end: number;
  readonly detail: string;
}

/** `/`, `/*`, `~`, `$HOME`, a top-level system directory, or a Windows drive root. */
const ROOTISH =
  /^["']?(?:\/\.?\*?|~\/?\*?|\$\{?home\}?\/?\*?|\/(?:etc|usr|bin|sbin|boot|var|lib|lib64|home|root|opt|srv|sys|proc|dev|mnt|media|snap|users|system|library|applications)\/?\*?|[a-z]:[\\/]?\*?)["']?$/i;

const SIMPLE_COMMAND_END = stopSet(';&|\n)`');

const RECURSIVE_COMMAND = /\b(rm|chmod|chown|chgrp)\s+/g;

/** Recursive `rm`, `chmod`, `chown`, `chgrp` on a root-ish target (or with --no-preserve-root). */
function recursiveOnRoot(text: string): ShellHit[] {
  const hits: ShellHit[] = [];
  let seen = 0;
  for (const m of matchesIn(RECURSIVE_COMMAND, text)) {
    if (++seen > 200) break;
    const from = m.index + m[0].length;
    const rest = text.slice(from, endOf(text, from, SIMPLE_COMMAND_END, from + 160));
    if (!/-[a-z]*r|--recursive/i.test(rest)) continue;
    const args = rest.split(/\s+/, 20);
    if (!args.some((a) => /^-[a-z]*r/i.test(a) || a === '--recursive')) continue;
    const target = args.find((a) => !a.startsWith('-') && ROOTISH.test(a));
    if (!target && !args.includes('--no-preserve-root')) continue;
    const end = target ? from + rest.indexOf(target) + target.length : from + rest.trimEnd().length;
    hits.push({ start: m.index, end, detail: `recursive ${m[1]} on ${target ?? 'the root'}` });
  }
  return hits;
}

const DISK = String.raw`\/dev\/(?:sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|rdisk\d|mapper\/)\S*`;

/** What every DISK match starts with (compared case-insensitively, as the patterns using DISK are). */
export const DISK_PREFIXES: readonly string[] = [
  '/dev/sd',
  '/dev/hd',
  '/dev/vd',
  '/dev/xvd',
  '/dev/nvme',
  '/dev/mmcblk',
  '/dev/disk',
  '/dev/rdisk',
  '/dev/mapper/',
];

/**
 * Each pattern with lowercase words one of which every match holds (in any case), checked on the
 * lowercased text first: most commands hold none, and then the pattern costs no regex scan.
 */
const PATTERNS: readonly (readonly [RegExp, readonly string[], string])[] = [
  [/\bmkfs(?:\.\w+)?\b[^\n;&|]{0,200}?\/dev\/\S+/i, ['mkfs'], 'filesystem created over a disk'],
  [new RegExp(String.raw`\bdd\b[^\n;&|]{0,300}?\bof=${DISK}`, 'i'), ['of='], 'dd onto a disk'],
  [new RegExp(String.raw`(?<![<>&\d])>{1,2}\s*${DISK}`, 'i'), DISK_PREFIXES, 'redirect onto a disk'],
  [
    /\b(?:shred|wipefs|blkdiscard)\b[^\n;&|]{0,200}?\/dev\/\S+/i,
    ['shred', 'wipefs', 'blkdiscard'],
    'disk wiped',
  ],
  [/:\s*\(\s*\)\s*\{\s*:\s*\|\s*:?\s*&\s*\}\s*;?\s*:/, ['{'], 'fork bomb'],
  [/\b(\w+)\s*\(\s*\)\s*\{\s*\1\s*\|\s*\1\s*&\s*\}\s*;\s*\1\b/, ['{'], 'fork bomb'],
  [/%0\s*\|\s*%0|\bfork\s+while\s+fork\b|while\s+(?:True|1)\s*:\s*os\.fork\(\)/, ['%0', 'fork'], 'fork bomb'],
  [/\bfind\s+\/\s[^\n;&|]{0,200}?(?:-delete\b|-exec\s+rm\b)/, ['find'], 'find deleting from the root'],
  [/\bformat(?:\.com)?\s+[a-z]:(?=\s|$|\/)/i, ['format'], 'drive formatted'],
  [
    /\b(?:del|erase)\b[^\n&|]{0,100}?\/s\b[^\n&|]{0,100}?\s[a-z]:\\(?:\*(?:\.\*)?|windows\\?)?(?=\s|$|")/i,
    ['del', 'erase'],
    'drive deleted',
  ],
  [
    /\b(?:rd|rmdir)\s+\/s\b[^\n&|]{0,50}?\s[a-z]:\\(?:windows\\?)?(?=\s|$|")/i,
    ['rd', 'rmdir'],
    'drive deleted',
  ],
  [
    /\bremove-item\b(?=[^\n|;]{0,300}-recurse)[^\n|;]{0,300}?\s["']?[a-z]:\\(?:windows\\?|\*)?["']?(?=\s|$)/i,
    ['remove-item'],
    'drive deleted',
  ],
  [
    /\bvssadmin(?:\.exe)?\s+delete\s+shadows\b|\bwmic\s+shadowcopy\s+delete\b|\bwbadmin\s+delete\s+catalog\b/i,
    ['vssadmin', 'wmic', 'wbadmin'],
    'backups deleted',
  ],
  [/\bbcdedit\b[^\n]{0,100}?recoveryenabled\s+no\b/i, ['bcdedit'], 'recovery disabled'],
  [/\bkill\s+-(?:9|KILL)\s+-1\b/, ['kill'], 'every process killed'],
  [/\becho\s+[a-z]\s*>\s*\/proc\/sysrq-trigger/, ['sysrq-trigger'], 'kernel sysrq triggered'],
  [/(?<![<>&\d])>\s*\/etc\/(?:passwd|shadow|sudoers)\b/, ['/etc/'], 'system account file overwritten'],
  [/\bcrontab\s+-r\b/, ['crontab'], 'all cron jobs removed'],
  [
    /\bhistory\s+-c\b|\bunset\s+HISTFILE\b|\bHISTFILE=\/dev\/null|\b(?:rm|shred)\b[^\n;&|]{0,100}?_history\b|\bwevtutil(?:\.exe)?\s+cl\b|\bclear-eventlog\b/i,
    ['history', 'histfile', 'wevtutil', 'clear-eventlog'],
    'history or event log wiped',
  ],
  [/\bdropdb\s+\S/, ['dropdb'], 'database dropped'],
];

/** `shutdown`, `reboot` and friends in the command position: fine for an admin, an outage from an agent. */
const POWER =
  /(?:^|[;&|]\s*|\n\s*)((?:sudo\s+)?(?:systemctl\s+)?(?:shutdown|poweroff|halt|reboot|init\s+[06])\b)/g;

/** Every destructive command in text; power commands only when the text is a shell command. */
export function findDestructive(text: string, shell: boolean): ShellHit[] {
  const hits = recursiveOnRoot(text);
  const lower = text.toLowerCase();
  for (const [pattern, hints, detail] of PATTERNS) {
    if (!hints.some((hint) => lower.includes(hint))) continue;
    const m = pattern.exec(text);
    if (m) hits.push({ start: m.index, end: m.index + m[0].length, detail });
  }
  if (shell) {
    for (const m of matchesIn(POWER, text)) {
      const start = m.index + m[0].length - m[1]!.length;
      hits.push({ start, end: m.index + m[0].length, detail: 'system shut down' });
    }
  }
  return hits;
}
