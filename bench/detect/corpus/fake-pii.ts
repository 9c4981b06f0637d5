import { type Person, person } from './people.js';
import { DIGITS, type Rng, UPPER } from './rng.js';

/**
 * Made-up personal data in valid formats: card numbers pass Luhn, IBANs pass mod-97, SSNs avoid
 * the never-issued ranges. Detectors that validate checksums are tested on valid values.
 */

function luhnDigit(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';

export function cardNumber(rng: Rng, brand: CardBrand): string {
  const prefix = {
    visa: '4',
    mastercard: String(rng.int(51, 55)),
    amex: rng.pick(['34', '37']),
    discover: '6011',
  }[brand];
  const length = brand === 'amex' ? 15 : 16;
  const partial = prefix + rng.chars(DIGITS, length - 1 - prefix.length);
  return partial + luhnDigit(partial);
}

/** Groups a card number the way people type it. */
export function formatCard(rng: Rng, digits: string): string {
  const style = rng.int(0, 2);
  if (style === 0) return digits;
  const sep = style === 1 ? ' ' : '-';
  if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
  return digits.match(/.{4}/g)!.join(sep);
}

export function ssn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
}

function mod97(numeric: string): number {
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

const IBAN_FORMATS: Record<string, (rng: Rng) => string> = {
  DE: (r) => r.chars(DIGITS, 18),
  GB: (r) => r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + r.chars(DIGITS, 14),
  FR: (r) => r.chars(DIGITS, 23),
  NL: (r) => r.pick(['ABNA', 'INGB', 'RABO']) + r.chars(DIGITS, 10),
  ES: (r) => r.chars(DIGITS, 20),
  IT: (r) => r.pick(UPPER.split('')) + r.chars(DIGITS, 22),
};

/** A valid IBAN, printed in groups of four. */
export function iban(rng: Rng, country?: string): string {
  const code = country ?? rng.pick(Object.keys(IBAN_FORMATS));
  const bban = IBAN_FORMATS[code]!(rng);
  const numeric = (bban + code + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  return `${code}${check}${bban}`.match(/.{1,4}/g)!.join(' ');
}

export function phone(rng: Rng): string {
  return rng.pick([
    `+1 (${rng.pick(['212', '312', '415', '617', '206', '512'])}) ${rng.int(201, 989)}-${rng.chars(DIGITS, 4)}`,
    `+44 7${rng.chars(DIGITS, 3)} ${rng.chars(DIGITS, 6)}`,
    `+49 15${rng.int(1, 9)} ${rng.chars(DIGITS, 8)}`,
    `+33 6 ${rng.chars(DIGITS, 2)} ${rng.chars(DIGITS, 2)} ${rng.chars(DIGITS, 2)} ${rng.chars(DIGITS, 2)}`,
    `(${rng.int(201, 989)}) ${rng.int(201, 989)}-${rng.chars(DIGITS, 4)}`,
  ]);
}

export function birthDate(rng: Rng): string {
  return `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

const STREETS = [
  'Maple Avenue',
  'Oak Street',
  'Rue de la Paix',
  'Hauptstraße',
  'Calle Mayor',
  'High Street',
  'Elm Drive',
];
const CITIES = [
  'Springfield, IL 62704',
  '75002 Paris',
  '10115 Berlin',
  '28013 Madrid',
  'Leeds LS1 4AP',
  'Austin, TX 78701',
];

export function address(rng: Rng): string {
  return `${rng.int(1, 240)} ${rng.pick(STREETS)}, ${rng.pick(CITIES)}`;
}

/** UK National Insurance number (valid prefix letters). */
export function nino(rng: Rng): string {
  const first = 'ABCEGHJKLMNPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  return `${rng.chars(first, 1)}${rng.chars(second, 1)} ${rng.chars(DIGITS, 2)} ${rng.chars(DIGITS, 2)} ${rng.chars(DIGITS, 2)} ${rng.pick(['A', 'B', 'C', 'D'])}`;
}

/** A customer with personal details, personal email (not a work address). */
export interface Customer extends Person {
  readonly phone: string;
  readonly address: string;
  readonly birthDate: string;
}

export function customer(rng: Rng): Customer {
  const base = person(
    rng,
    rng.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'proton.me', 'web.de', 'icloud.com']),
  );
  return { ...base, phone: phone(rng), address: address(rng), birthDate: birthDate(rng) };
}
