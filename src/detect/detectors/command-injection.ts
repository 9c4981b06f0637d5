import type { Detector, DetectorMatch, ScanField } from '../detector.js';
import { decodeMapped, type MappedText, toOriginal } from './args/percent-decode.js';
import { findArgumentChains, findShellChains } from './args/shell-chain.js';
import { atCommandPosition } from './args/shell-context.js';
import { findDestructive, type ShellHit } from './args/shell-destructive.js';
import { DOWNLOAD_EXECUTE, findPayloads, REVERSE_SHELLS } from './args/shell-payloads.js';
import { ARG_ROLES, fieldKind, MAX_MATCHES, scanText, type ValueKind } from './args/value-kind.js';

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

function commandView(field: ScanField, prefilter: RegExp, documents: boolean): CommandView | null {
  const kind = fieldKind(field);
  if (!kind || (kind === 'document' && !documents)) return null;
  const value = scanText(field.value);
  const decodable = kind !== 'shell' && kind !== 'document' && /%[0-9a-f]{2}/i.test(value);
  const mapped: MappedText = decodable
    ? decodeMapped(value)
    : { text: value, starts: [], ends: [], decoded: false };
  return prefilter.test(mapped.text) ? { kind, mapped } : null;
}

/** Maps hits back to the original value, dropping duplicates and spans inside another. */
function toMatches(view: CommandView, hits: readonly ShellHit[]): DetectorMatch[] {
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

function shellDetector(
  id: string,
  prefilter: RegExp,
  find: (text: string, kind: ValueKind) => ShellHit[],
  documents = false,
): Detector {
  return {
    id,
    roles: ARG_ROLES,
    detect(field: ScanField): DetectorMatch[] {
      const view = commandView(field, prefilter, documents);
      return view ? toMatches(view, find(view.mapped.text, view.kind)) : [];
    },
  };
}

const CHAIN_PREFILTER = /[;&|`\n$<]/;
const DOWNLOAD_PREFILTER =
  /curl|wget|fetch|iwr|invoke-|irm\b|\biex\b|download|powershell|pwsh|certutil|bitsadmin|mshta|regsvr32|rundll32|exec\s*\(|eval\s*\(/i;
const REVERSE_PREFILTER =
  /\/dev\/|\bnc|netcat|mkfifo|mknod|-i\b|telnet|socat|socket|fsockopen|tcpclient|\bnet\.|\/inet\/|xterm/i;
const DESTRUCTIVE_PREFILTER =
  /\b(?:rm|ch(?:mod|own|grp)|mkfs|dd|shred|wipefs|blkdiscard|fork|find|format|del|erase|rd|rmdir|remove-item|vssadmin|wmic|wbadmin|bcdedit|kill|echo|crontab|dropdb|shutdown|poweroff|halt|reboot|init)\b|:\s*\(|%0|>\s*\/(?:dev|etc)\//i;

/** Outside a shell argument, a payload counts only where a command would start. */
function inCommandPosition(hits: ShellHit[], text: string, kind: ValueKind): ShellHit[] {
  return kind === 'shell' ? hits : hits.filter((hit) => atCommandPosition(text, hit.start));
}

export const commandInjectionDetectors: readonly Detector[] = [
  shellDetector('command-injection.chaining', CHAIN_PREFILTER, (text, kind) =>
    kind === 'shell' ? findShellChains(text) : findArgumentChains(text, kind),
  ),
  shellDetector('command-injection.download-execute', DOWNLOAD_PREFILTER, (text, kind) =>
    inCommandPosition(findPayloads(text, DOWNLOAD_EXECUTE), text, kind),
  ),
  shellDetector(
    'command-injection.reverse-shell',
    REVERSE_PREFILTER,
    (text) => findPayloads(text, REVERSE_SHELLS),
    true,
  ),
  shellDetector('command-injection.destructive', DESTRUCTIVE_PREFILTER, (text, kind) =>
    inCommandPosition(findDestructive(text, kind === 'shell'), text, kind),
  ),
];
