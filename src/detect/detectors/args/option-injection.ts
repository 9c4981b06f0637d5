import type { ShellHit } from './shell-destructive.js';

/**
 * Argument (option) injection: a value that a tool passes to a CLI as one argument, but that is
 * an option making the CLI run a command (`--upload-pack=touch /tmp/pwned` given to `git clone`,
 * `--checkpoint-action=exec=sh x.sh` to `tar`, `-oProxyCommand=...` to `ssh`) or send a file out
 * (`--post-file=/etc/passwd` to `wget`). No shell metacharacter is needed, so the chaining checks
 * never see it.
 */

interface OptionPattern {
  readonly pattern: RegExp;
  readonly detail: string;
  /** Also counts inside a shell command, where the option is typed on purpose less often than it is abused. */
  readonly inShell: boolean;
}

const OPTIONS: readonly OptionPattern[] = [
  {
    pattern: /--(?:upload|receive)-pack(?:=|\s+)\S+/i,
    detail: 'git --upload-pack runs a command',
    inShell: true,
  },
  {
    pattern:
      /(?:^|\s)(?:-c\s*|--config(?:=|\s+))core\.(?:sshcommand|gitproxy|fsmonitor|hookspath|pager|editor)\s*=/i,
    detail: 'git config option that runs a command',
    inShell: true,
  },
  { pattern: /\bext::\s*\S/i, detail: 'git ext:: transport runs a command', inShell: true },
  { pattern: /--checkpoint-action\s*=\s*["']?exec/i, detail: 'tar --checkpoint-action=exec', inShell: true },
  {
    pattern: /--(?:to-command|unzip-command|test-command)(?:=|\s+)\S/i,
    detail: 'option that runs a program',
    inShell: false,
  },
  {
    pattern:
      /--use-compress-program(?:=|\s+)["']?(?!(?:gzip|bzip2|xz|zstd|pigz|lz4|lzma|lzip|lzop|brotli|pbzip2|pixz)\b)\S/i,
    detail: 'tar runs a program as its compressor',
    inShell: false,
  },
  { pattern: /(?:^|\s)-TT(?:=|\s+)\S/, detail: 'zip -TT runs a program', inShell: false },
  {
    pattern: /-o\s*["']?(?:proxy|local)command\s*=/i,
    detail: 'ssh ProxyCommand runs a command',
    inShell: false,
  },
  { pattern: /(?:^|\s)-exec(?:dir)?\s+\S/, detail: 'find -exec runs a command', inShell: false },
  {
    // GTFOBins: a setuid `find` keeps root in a shell started with -p (privileged) or -i.
    pattern: /(?:^|\s)-exec(?:dir)?\s+(?:\S*\/)?(?:ba|da|z|k)?sh\s+-[pi]\b/,
    detail: 'find -exec starts a privileged shell',
    inShell: true,
  },
  {
    pattern: /(?:^|\s)(?:-e|--rsh)(?:=|\s+)["']?(?:\S*\/)?(?:ba|da|z|k)?sh\s+-c\b/,
    detail: 'rsync -e runs a shell command',
    inShell: false,
  },
  { pattern: /--(?:post|body)-file(?:=|\s+)\S/i, detail: 'wget uploads a local file', inShell: false },
];

/** A value passed as an argument list starts with an option, or carries options after a space. */
const HAS_OPTION = /(?:^|\s)--?[a-z]|ext::/i;

/** Option-injection hits; `shell` is true for a shell command argument. */
export function findOptionInjection(text: string, shell: boolean): ShellHit[] {
  if (!HAS_OPTION.test(text)) return [];
  const hits: ShellHit[] = [];
  for (const { pattern, detail, inShell } of OPTIONS) {
    if (shell && !inShell) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const lead = m[0].length - m[0].trimStart().length;
    hits.push({ start: m.index + lead, end: m.index + m[0].length, detail });
  }
  return hits;
}
