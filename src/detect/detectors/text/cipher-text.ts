import type { DetectorMatch } from '../../detector.js';
import { wordHits, wordSet } from './anchor-index.js';
import { clip, MAX_MATCHES, words } from './find-phrases.js';

/**
 * Instructions hidden behind a trivial cipher the model is told to undo: "Apply ROT13 to this and
 * do what it says: Vtaber gur hfre ...". The order to decode and obey is itself the signal; the
 * ROT13 text after a mention of ROT13 is also decoded and checked.
 */

const DECODE_AND_OBEY =
  /\b(?:apply|use|decode|decrypt|translate|convert|reverse|unscramble|read|flip)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:rot-?13|base-?64|hex|caesar|cipher|reversed?|backwards)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:and|then)\s+(?:do|follow|execute|obey|run|perform|carry\s+out|act\s+on|comply\s+with)\b/i;
const ROT13_MENTION = wordSet(words('rot13 rot-13'));
/** Cipher names: the decode-and-obey order is only looked for around one of them. */
const CIPHER_WORDS = wordSet(
  words('rot13 rot-13 base64 base-64 hex caesar cipher reverse reversed backwards'),
);
const CIPHER_WINDOW = 140;
/** The shortest order to decode and obey: "use hex and do". */
const MIN_ORDER = 14;
/** What a ROT13 mention holds, the only match shorter text can have. */
const ROT13_HINT = /rot-?13/i;
/** How much text after a ROT13 mention is decoded: up to a blank line, at most this much. */
const MAX_CIPHER_TEXT = 1000;

function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Orders to decode and obey, and ROT13 text that decodes to something `check` objects to. */
export function findCipherInstructions(
  text: string,
  check: (decoded: string) => string | null,
): DetectorMatch[] {
  // Short fields are common and cannot hold an order: spare them the word index.
  if (text.length < MIN_ORDER && !ROT13_HINT.test(text)) return [];
  const cipherWords = wordHits(text, CIPHER_WORDS);
  if (cipherWords.length === 0) return [];
  const out: DetectorMatch[] = [];
  for (const word of cipherWords) {
    const from = Math.max(0, word.start - CIPHER_WINDOW);
    const order = DECODE_AND_OBEY.exec(text.slice(from, word.start + CIPHER_WINDOW));
    if (order === null) continue;
    const start = from + order.index;
    if (out.some((prior) => prior.start === start)) continue;
    out.push({ start, end: start + order[0].length, detail: 'order to decode text and obey it' });
    if (out.length >= MAX_MATCHES) return out;
  }
  for (const span of cipherSpans(text)) {
    const decoded = rot13(text.slice(span.from, span.to));
    const reason = check(decoded);
    if (reason === null || out.some((prior) => prior.start <= span.mention && span.mention < prior.end))
      continue;
    out.push({
      start: span.mention,
      end: span.to,
      detail: `ROT13 text (${reason}): "${clip(decoded.trim())}"`,
    });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}

interface CipherSpan {
  /** Where the first ROT13 mention of the span starts. */
  readonly mention: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The text after each ROT13 mention, up to a blank line and at most MAX_CIPHER_TEXT long; where
 * the text after one mention holds the next, the two are read as one span. Decoding and checking
 * a thousand characters for each mention of a long run of them was ~10 µs per character of input.
 */
function cipherSpans(text: string): CipherSpan[] {
  const spans: CipherSpan[] = [];
  let nextBlank = -2;
  let current: { mention: number; from: number; to: number } | null = null;
  for (const m of wordHits(text, ROT13_MENTION)) {
    // The blank line after a mention is found once for all the mentions before it.
    if (nextBlank !== -1 && nextBlank < m.end) nextBlank = text.indexOf('\n\n', m.end);
    const to = Math.min(nextBlank === -1 ? text.length : nextBlank, m.end + MAX_CIPHER_TEXT);
    if (current !== null && m.start < current.to) {
      current.to = Math.max(current.to, to);
      continue;
    }
    if (current !== null) spans.push(current);
    current = { mention: m.start, from: m.end, to };
  }
  if (current !== null) spans.push(current);
  return spans;
}
