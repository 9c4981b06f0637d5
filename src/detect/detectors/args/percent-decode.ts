/**
 * Percent-decoding that remembers where each decoded character came from, so a detector can judge
 * the decoded form (`%2e%2e%2f` is `../`) and still report a span of the original text. Decodes
 * repeatedly (double encoding `%252e`), reads UTF-8 including overlong forms (`%c0%af` is `/` to
 * old decoders) and `%u002e`, and folds look-alike slashes and dots (fullwidth `．／`).
 */

/** A decoded text; decoded character i came from `value.slice(starts[i], ends[i])`. */
export interface MappedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** True when decoding changed anything. */
  readonly decoded: boolean;
}

const MAX_ROUNDS = 3;
const ENCODED = /%(?:[0-9a-f]{2}|u[0-9a-f]{4})/i;

const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['\uff0e', '.'],
  ['\uff0f', '/'],
  ['\uff3c', '\\'],
  ['\u2215', '/'],
  ['\u2044', '/'],
  ['\u29f8', '/'],
  ['\u29f9', '\\'],
  ['\ufe68', '\\'],
]);
const LOOKALIKE_RE = /[\uff0e\uff0f\uff3c\u2215\u2044\u29f8\u29f9\ufe68]/;

/** Decodes `value`, or returns it unchanged (with an identity map) when nothing is encoded. */
export function decodeMapped(value: string): MappedText {
  let text = value;
  let starts: number[] | null = null;
  let ends: number[] | null = null;
  for (let round = 0; round < MAX_ROUNDS && ENCODED.test(text); round++) {
    const next = decodeOnce(text);
    if (next.text === text) break;
    starts = next.from.map((i) => (starts ? starts[i]! : i));
    ends = next.to.map((i) => (ends ? ends[i - 1]! : i));
    text = next.text;
  }
  if (LOOKALIKE_RE.test(text)) text = [...text].map((c) => LOOKALIKES.get(c) ?? c).join('');
  if (!starts || !ends) {
    if (text === value) return identity(value);
    return { text, starts: range(value.length, 0), ends: range(value.length, 1), decoded: true };
  }
  return { text, starts, ends, decoded: true };
}

/** Maps a decoded span back to the original text. */
export function toOriginal(mapped: MappedText, start: number, end: number): [number, number] {
  if (!mapped.decoded) return [start, end];
  const last = Math.max(start, end - 1);
  return [mapped.starts[start] ?? mapped.ends.at(-1) ?? 0, mapped.ends[last] ?? mapped.ends.at(-1) ?? 0];
}

/** True when the original text behind a decoded span was encoded (it is longer or different). */
export function wasEncoded(mapped: MappedText, value: string, start: number, end: number): boolean {
  if (!mapped.decoded) return false;
  const [from, to] = toOriginal(mapped, start, end);
  return value.slice(from, to) !== mapped.text.slice(start, end);
}

function identity(value: string): MappedText {
  return { text: value, starts: [], ends: [], decoded: false };
}

function range(length: number, offset: number): number[] {
  return Array.from({ length }, (_, i) => i + offset);
}

interface Round {
  text: string;
  /** Source index of the first input character behind each output character. */
  from: number[];
  /** Source index just past the last input character behind each output character. */
  to: number[];
}

function decodeOnce(text: string): Round {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const step = text[i] === '%' ? readEscape(text, i) : null;
    const chars = step ? step.chars : text[i]!;
    const end = step ? step.end : i + 1;
    for (const unit of chars) {
      out.push(unit);
      from.push(i);
      to.push(end);
    }
    i = end;
  }
  return { text: out.join(''), from, to };
}

function hexByte(text: string, at: number): number {
  if (text[at] !== '%') return -1;
  const pair = text.slice(at + 1, at + 3);
  return /^[0-9a-f]{2}$/i.test(pair) ? Number.parseInt(pair, 16) : -1;
}

/** Reads one escape at `at`: `%uXXXX` or a UTF-8 sequence of `%XX` bytes (overlong forms included). */
function readEscape(text: string, at: number): { chars: string[]; end: number } | null {
  const unicode = /^%u([0-9a-f]{4})/i.exec(text.slice(at, at + 6));
  if (unicode) return { chars: [String.fromCharCode(Number.parseInt(unicode[1]!, 16))], end: at + 6 };
  const lead = hexByte(text, at);
  if (lead < 0) return null;
  if (lead < 0x80) return { chars: [String.fromCharCode(lead)], end: at + 3 };
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length === 0 || lead > 0xf4) return null;
  let code = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const byte = hexByte(text, at + 3 * k);
    if (byte < 0x80 || byte > 0xbf) return null;
    code = (code << 6) | (byte & 0x3f);
  }
  if (code > 0x10ffff) return null;
  return { chars: String.fromCodePoint(code).split(''), end: at + 3 * length };
}
