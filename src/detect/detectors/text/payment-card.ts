import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Payment card numbers: 13–19 digits, optionally grouped by one kind of separator, with a known
 * issuer prefix for that length and a valid Luhn check digit. Order ids and timestamps rarely pass
 * all three.
 */

const CANDIDATE = /(?<!\d[ .-]?|[+\w.])\d(?:[ .-]?\d){12,18}(?![ -]?\d|\w|\.\d)/g;

interface Brand {
  readonly name: string;
  readonly prefix: RegExp;
  readonly lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];
const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { name: 'American Express', prefix: /^3[47]/, lengths: [15] },
  {
    name: 'Discover',
    prefix: /^(?:6011|64[4-9]|65|62212[6-9]|6221[3-9]\d|622[2-8]\d\d|6229[01]\d|62292[0-5])/,
    lengths: SIXTEEN_TO_NINETEEN,
  },
  { name: 'JCB', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'Diners Club', prefix: /^(?:30[0-5]|3095|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'UnionPay', prefix: /^62/, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'Mir', prefix: /^220[0-4]/, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'Maestro', prefix: /^(?:5[06-8]|6304|6759|67677[04])/, lengths: [13, 14, 15, 16, 17, 18, 19] },
];

/**
 * Card numbers that payment providers publish for testing (Stripe, Braintree, Adyen docs): they
 * belong to nobody, and documentation quotes them all the time.
 */
const TEST_CARDS: ReadonlySet<string> = new Set(
  (
    '4242424242424242 4000056655665556 4111111111111111 4012888888881881 4222222222222 5555555555554444 ' +
    '5200828282828210 5105105105105100 2223003122003222 378282246310005 371449635398431 378734493671000 ' +
    '6011111111111117 6011000990139424 6011000400000000 3056930009020004 30569309025904 38520000023237 ' +
    '3566002020360505 3530111333300000 6200000000000005 4000000000000002 4000000000009995 4000002500003155'
  ).split(' '),
);

/** True when the digits pass the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The card brand for a digit string of that length, or null. */
export function cardBrand(digits: string): string | null {
  return BRANDS.find((b) => b.prefix.test(digits) && b.lengths.includes(digits.length))?.name ?? null;
}

/**
 * Printed groupings: 4-4-4-4(-3), Amex/Diners 4-6-5 and 4-6-4, or no separators at all. Dots
 * (`4111.1111.1111.1111`, seen in logs) only in groups of four: dotted numbers are otherwise
 * versions and decimals.
 */
function wellGrouped(candidate: string): boolean {
  const groups = candidate.split(/[ .-]/);
  if (groups.length === 1) return true;
  const separators = new Set(candidate.replace(/\d/g, ''));
  if (separators.size !== 1) return false;
  const lengths = groups.map((g) => g.length).join('-');
  if (separators.has('.')) return /^(?:4-){3}4$/.test(lengths);
  return /^(?:4-)+[1-4]$/.test(lengths) || lengths === '4-6-5' || lengths === '4-6-4';
}

/**
 * Whether `text` holds 13 digits in a row, each pair at most one space, dot or dash apart: every
 * CANDIDATE match does. Timestamps, versions and ids stop short, and this costs a fraction of
 * the regex's scan.
 */
function hasDigitChain(text: string): boolean {
  let digits = 0;
  let separated = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 13) return true;
      separated = false;
    } else if ((c === 32 || c === 45 || c === 46) && digits > 0 && !separated) {
      separated = true;
    } else {
      digits = 0;
      separated = false;
    }
  }
  return false;
}

/** Card numbers in `text`; the detail names the brand but never the number. */
export function findCardNumbers(text: string): DetectorMatch[] {
  if (!hasDigitChain(text)) return [];
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(CANDIDATE, text)) {
    const digits = m[0].replace(/[ .-]/g, '');
    if (/^(\d)\1+$/.test(digits) || TEST_CARDS.has(digits) || !wellGrouped(m[0]) || !luhnValid(digits))
      continue;
    const brand = cardBrand(digits);
    if (brand === null) continue;
    matches.push({ start: m.index, end: m.index + m[0].length, detail: `${brand} card number (Luhn-valid)` });
    if (matches.length >= MAX_MATCHES) break;
  }
  return matches;
}
