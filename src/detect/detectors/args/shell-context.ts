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
  const before = command.slice(0, start);
  const last = before.trimEnd().at(-1);
  if (last === '<' || last === '>' || last === '@' || last === '=') return true;
  let segmentStart = 0;
  for (const m of before.matchAll(SEGMENT_START)) segmentStart = m.index + m[0].length;
  const words = before.slice(segmentStart).trim().split(/\s+/);
  const verb = words.find((word) => word !== 'sudo' && !word.includes('=') && !word.startsWith('-'));
  return verb !== undefined && READERS.has(verb.replace(/^.*[/\\]/, '').toLowerCase());
}

/**
 * True when `start` begins a command: the start of the value, or right after a separator or a
 * substitution opener (`;`, `&`, `|`, newline, `(`, `$(`, backtick), `sudo` allowed in between.
 * Prose that mentions `rm -rf /` does not run it; `x; rm -rf /` does.
 */
export function atCommandPosition(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start).replace(/(?:\bsudo\s+)?\s*$/, '');
  return before === '' || /[;&|\n(`]$/.test(before);
}
