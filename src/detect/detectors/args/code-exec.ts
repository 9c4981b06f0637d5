import { matchesIn } from '../text/regex-matches.js';
import { findShellChains } from './shell-chain.js';
import { findDestructive, type ShellHit } from './shell-destructive.js';
import { findCredentialExfil } from './shell-exfil.js';
import { DOWNLOAD_EXECUTE, findPayloads, REVERSE_SHELLS } from './shell-payloads.js';

/**
 * Code handed to an eval tool (or written to run later) that calls the shell with a dangerous
 * command: `os.system('curl ... | sh')`, `require('child_process').execSync('cat ~/.aws/credentials
 * | nc ...')`, `shell_exec(...)`, `Runtime.getRuntime().exec(...)`. The string passed to the call
 * is judged with the shell detectors; a shell call with a harmless command is not reported.
 */

const SHELL_CALL =
  /\b(?:os\.(?:system|popen)|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput)|commands\.getoutput|execSync|execFileSync|exec|spawnSync|spawn|shell_exec|passthru|proc_open|popen|system|Runtime\.getRuntime\(\)\.exec|IO\.popen|Kernel\.(?:system|exec))\s*\(\s*\[?\s*[frb]?(['"`])/g;
const CALL_HINT = /system|popen|exec|spawn|subprocess|passthru|getoutput/;
const MAX_LITERAL = 2000;

/** The end of the string literal opened by `quote` just before `from` (a backslash escapes), or -1. */
function literalEnd(text: string, from: number, quote: string): number {
  const last = Math.min(text.length, from + MAX_LITERAL);
  for (let i = from; i < last; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function judgeCommand(command: string): string | null {
  const hits: ShellHit[] = [
    ...findPayloads(command, REVERSE_SHELLS),
    ...findPayloads(command, DOWNLOAD_EXECUTE),
    ...findDestructive(command, true),
    ...findCredentialExfil(command),
    ...findShellChains(command),
  ];
  return hits[0]?.detail ?? null;
}

export function findCodeShellCalls(text: string): ShellHit[] {
  if (!CALL_HINT.test(text)) return [];
  const hits: ShellHit[] = [];
  for (const m of matchesIn(SHELL_CALL, text)) {
    const from = m.index + m[0].length;
    const end = literalEnd(text, from, m[1]!);
    if (end < 0) continue;
    const detail = judgeCommand(text.slice(from, end));
    if (detail) hits.push({ start: m.index, end: end + 1, detail: `code runs a shell command: ${detail}` });
    if (hits.length >= 20) break;
  }
  return hits;
}
