/**
 * Percent-decoding that remembers where each decoded character came from, so a detector can judge
 * the decoded form (`%2e%2e%2f` is `../`) and still report a span of the original text. Decodes
 * repeatedly (double encoding `%252e`), reads UTF-8 including overlong forms (`%c0%af` is `/` to
 * old decoders) and `%u002e`, and folds look-alike slashes and dots (fullwidth `．／`).
 *
 * The map is kept as runs (a plain stretch, or one escape), so text with a few escapes costs
 * little more than a copy; positions map back by binary search.
 */

/** One decoding round: run r starts at `decoded[r]` in its output and `source[r]` in its input. */
interface Layer {
  readonly decoded: readonly number[];
  readonly source: readonly number[];
  /** Input end of an escape run, or -1 for a plain run (which maps one to one). */
  readonly sourceEnd: readonly number[];
}

/** A decoded text and how to map its positions back to the original value. */
export interface MappedText {
  readonly text: string;
  /** True when decoding changed anything. */
  readonly decoded: boolean;
  /** Decoding rounds, first to last. */
  readonly layers: readonly Layer[];
}

const MAX_ROUNDS = 3;
const LOOKALIKE = /[\uff0e\uff0f\uff3c\u2215\u2044\u29f8\u29f9\ufe68]/g;
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\uff0e': '.',
  '\uff0f': '/',
  '\uff3c': '\\',
  '\u2215': '/',
  '\u2044': '/',
  '\u29f8': '/',
  '\u29f9': '\\',
  '\ufe68': '\\',
};

/** The value itself, unchanged. */
export function identityMapped(value: string): MappedText {
  return { text: value, decoded: false, layers: [] };
}

const LOOKALIKE_TEST = /[\uff0e\uff0f\uff3c\u2215\u2044\u29f8\u29f9\ufe68]/;

/*
 * The last decoding, keyed by its input: the SSRF, command, path and SQL detectors each decode the
 * same field. Decoding is a pure function of the string and a MappedText is never modified, so
 * handing the same object out again changes no result.
 */
let lastInput: string | null = null;
let lastDecoded: MappedText = identityMapped('');

/** Decodes `value`, or returns it unchanged when nothing is encoded. */
export function decodeMapped(value: string): MappedText {
  if (value === lastInput) return lastDecoded;
  const decoded = decodeFresh(value);
  lastInput = value;
  lastDecoded = decoded;
  return decoded;
}

function decodeFresh(value: string): MappedText {
  if (!value.includes('%') && !LOOKALIKE_TEST.test(value)) return identityMapped(value);
  let text = value;
  const layers: Layer[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = decodeOnce(text);
    if (!next) break;
    layers.push(next.layer);
    text = next.text;
  }
  // Look-alikes are one UTF-16 unit each, like what replaces them, so positions do not move.
  const folded = text.replace(LOOKALIKE, (c) => LOOKALIKES[c] ?? c);
  return { text: folded, decoded: layers.length > 0 || folded !== value, layers };
}

/** Maps a decoded span back to the original text. */
export function toOriginal(mapped: MappedText, start: number, end: number): [number, number] {
  let from = start;
  let to = Math.max(start, end);
  for (let k = mapped.layers.length - 1; k >= 0; k--) {
    const layer = mapped.layers[k]!;
    const mappedEnd = to > from ? mapEnd(layer, to) : mapStart(layer, from);
    from = mapStart(layer, from);
    to = mappedEnd;
  }
  return [from, to];
}

/** True when the original text behind a decoded span was encoded (it is longer or different). */
export function wasEncoded(mapped: MappedText, value: string, start: number, end: number): boolean {
  if (!mapped.decoded) return false;
  const [from, to] = toOriginal(mapped, start, end);
  return value.slice(from, to) !== mapped.text.slice(start, end);
}

/** Index of the run holding output position i (the last run starting at or before it). */
function runAt(layer: Layer, i: number): number {
  let low = 0;
  let high = layer.decoded.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layer.decoded[mid]! <= i) low = mid;
    else high = mid - 1;
  }
  return low;
}

function mapStart(layer: Layer, i: number): number {
  if (layer.decoded.length === 0) return i;
  const r = runAt(layer, i);
  return layer.sourceEnd[r]! < 0 ? layer.source[r]! + (i - layer.decoded[r]!) : layer.source[r]!;
}

function mapEnd(layer: Layer, i: number): number {
  if (layer.decoded.length === 0 || i === 0) return i;
  const r = runAt(layer, i - 1);
  return layer.sourceEnd[r]! < 0 ? layer.source[r]! + (i - layer.decoded[r]!) : layer.sourceEnd[r]!;
}

/** The output of one decoding round as it is built: parts of text and the runs that map them back. */
class RoundBuilder {
  readonly parts: string[] = [];
  readonly decoded: number[] = [];
  readonly source: number[] = [];
  readonly sourceEnd: number[] = [];
  /** Length of the output so far, and how far the input is copied or decoded. */
  out = 0;
  copied = 0;

  constructor(private readonly text: string) {}

  /** Copies the input up to `until` as one plain run. */
  plain(until: number): void {
    if (until <= this.copied) return;
    this.run(this.copied, -1, this.text.slice(this.copied, until));
    this.copied = until;
  }

  /** Adds the decoded characters of the escape at `at`, ending at `end`. */
  escape(at: number, end: number, chars: string): void {
    this.run(at, end, chars);
    this.copied = end;
  }

  private run(from: number, sourceEnd: number, chars: string): void {
    this.decoded.push(this.out);
    this.source.push(from);
    this.sourceEnd.push(sourceEnd);
    this.parts.push(chars);
    this.out += chars.length;
  }
}

/**
 * One round of decoding, or null when there is nothing to decode. Escapes are read at each `%`
 * (readEscape accepts `%XX` and `%uXXXX` there, as /%(?:[0-9a-f]{2}|u[0-9a-f]{4})/gi would find
 * them, and no escape holds another `%`).
 */
function decodeOnce(text: string): { text: string; layer: Layer } | null {
  const round = new RoundBuilder(text);
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) {
    if (at < round.copied) continue;
    const run = readEscape(text, at);
    if (!run) continue;
    round.plain(at);
    round.escape(at, run.end, run.chars);
  }
  if (round.decoded.length === 0) return null;
  round.plain(text.length);
  const { decoded, source, sourceEnd } = round;
  return { text: round.parts.join(''), layer: { decoded, source, sourceEnd } };
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The byte of `%XX` at `at`, or -1. */
function hexByte(text: string, at: number): number {
  if (text.charCodeAt(at) !== 37) return -1;
  const high = hexDigit(text.charCodeAt(at + 1));
  const low = hexDigit(text.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/** Reads one escape at `at`: `%uXXXX` or a UTF-8 sequence of `%XX` bytes (overlong forms included). */
function readEscape(text: string, at: number): { chars: string; end: number } | null {
  if (text[at + 1] === 'u' || text[at + 1] === 'U') {
    const code = Number.parseInt(text.slice(at + 2, at + 6), 16);
    return /^[0-9a-f]{4}$/i.test(text.slice(at + 2, at + 6))
      ? { chars: String.fromCharCode(code), end: at + 6 }
      : null;
  }
  const lead = hexByte(text, at);
  if (lead < 0) return null;
  if (lead < 0x80) return { chars: String.fromCharCode(lead), end: at + 3 };
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length === 0 || lead > 0xf4) return null;
  let code = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const byte = hexByte(text, at + 3 * k);
    if (byte < 0x80 || byte > 0xbf) return null;
    code = (code << 6) | (byte & 0x3f);
  }
  if (code > 0x10ffff) return null;
  return { chars: String.fromCodePoint(code), end: at + 3 * length };
}
