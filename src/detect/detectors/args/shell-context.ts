import { matchesIn } from '../text/regex-matches.js';

/**
 * What a shell command does with one of its words. `ssh -i ~/.ssh/id_rsa host` uses a key where
 * it lies; `cat ~/.ssh/id_rsa` or `curl -d @~/.ssh/id_rsa` moves it into the transcript or out
 * of the machine. Only the second is an attack on the file.
 */

/** Commands that read a file's bytes out (to the output, an archive, a copy or the network). */
const READERS = new Set(
  (
    'cat tac less more head tail strings xxd od hexdump base64 base32 nl type get-content gc tee cp scp ' +
    'rsync curl wget nc ncat netcat tar zip gzip 7z openssl awk sed grep egrep rg jq sort uniq dd ' +
    'python python3 perl ruby node php vi vim nano code'
  ).split(' '),
);

const SEGMENT_START = /[;&|\n(`]|\$\(/g;

/** True when the word at `start` in a shell command is read out, written, or sent somewhere. */
export function isReadOrWritten(command: string, start: number): boolean {
  // The verb sits within the same simple command, so a bounded look back is enough (and keeps this linear).
  const before = command.slice(Math.max(0, start - 300), start);
  const last = before.trimEnd().at(-1);
  if (last === '<' || last === '>' || last === '@' || last === '=') return true;
  let segmentStart = 0;
  for (const m of matchesIn(SEGMENT_START, before)) segmentStart = m.index + m[0].length;
  const words = before.slice(segmentStart).trim().split(/\s+/);
  const verb = words.find((word) => word !== 'sudo' && !word.includes('=') && !word.startsWith('-'));
  return verb !== undefined && READERS.has(verb.replace(/^.*[/\\]/, '').toLowerCase());
}

const SEPARATOR = /[;&|`]|\$\(|\n/g;

/** Skips blanks and a `sudo ` prefix from `at`. */
function commandWord(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text.startsWith('sudo ', i)) return commandWord(text, i + 5);
  return i;
}

/**
 * Where commands may start in a value that is not a shell command: its start, and after a
 * separator or substitution opener (`;`, `&`, `|`, backtick, `$(`; a newline only in a
 * token-like value, since prose has line breaks). Prose that mentions `rm -rf /` does not run
 * it; `x; rm -rf /` does.
 */
export function commandStarts(text: string, tokenLike: boolean): number[] {
  const starts = [commandWord(text, 0)];
  for (const m of matchesIn(SEPARATOR, text)) {
    if (m[0] === '\n' && !tokenLike) continue;
    starts.push(commandWord(text, m.index + m[0].length));
    if (starts.length >= 100) break;
  }
  return starts;
}
