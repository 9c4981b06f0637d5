import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * National identifiers with rules precise enough to scan free text: US Social Security numbers
 * (SSA never issues area 000, 666 or 900–999, group 00 or serial 0000) and UK National Insurance
 * numbers (HMRC prefix rules). Undashed forms only count right after their name.
 */

const SSN_DASHED = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-]|\.\d)/dg;
/** After a letter-less boundary, so `employee_ssn: ...` counts (an underscore is a word character). */
const SSN_NAMED =
  /(?<![A-Za-z0-9])(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?|ss#)\s*(?:is\s+|:\s*|#\s*|=\s*)?(\d{3})[ ]?(\d{2})[ ]?(\d{4})(?![\w-])/dgi;
/** Nine digits on their own, compact or spaced 3-2-4: an SSN only where something names it. */
const SSN_BARE = /(?<![\w.-])(\d{3})[ ]?(\d{2})[ ]?(\d{4})(?![\w-]|[.,]\d)/dg;
/** Numbers the SSA voided after they were published (a wallet insert, an advert). */
const VOIDED_SSNS = new Set(['078051120', '219099999']);

const NINO_SPACED =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) (\d{2}) (\d{2}) (\d{2}) ([A-D])(?![A-Za-z0-9])/g;
const NINO_COMPACT = /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D](?![A-Za-z0-9])/g;
const NINO_NAME = /\b(?:national\s+insurance|NI\s*(?:number|no\.?)|NINO)\b/i;
const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NAME_WINDOW = 40;

/** True when area, group and serial could have been issued. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (group === '00' || serial === '0000') return false;
  return !VOIDED_SSNS.has(area + group + serial);
}

function ssnMatches(text: string, pattern: RegExp, out: DetectorMatch[]): void {
  for (const m of matchesIn(pattern, text)) {
    const [area, group, serial] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const first = m.indices?.[1];
    const last = m.indices?.[3];
    if (!first || !last || !ssnValid(area, group, serial)) continue;
    if (out.some((prior) => prior.start === first[0])) continue;
    out.push({ start: first[0], end: last[1], detail: 'US Social Security number' });
    if (out.length >= MAX_MATCHES) return;
  }
}

/** Argument and metadata keys that hold an SSN by name (`{"tin": "572048659"}` on a W-9 form). */
const SSN_KEYS = /^(?:ssn|social_?security(?:_?(?:number|no))?|tin|taxpayer_?id|tax_?id|itin)$/;
const WHOLE_SSN = /^\s*(\d{3})[- ]?(\d{2})[- ]?(\d{4})\s*$/d;

/** True for a key that names an SSN field, where a bare nine-digit value is read as one. */
export function isSsnKey(key: string): boolean {
  return SSN_KEYS.test(key);
}

/**
 * US SSNs: dashed anywhere, undashed after "SSN" or "social security number", in an SSN field, or
 * anywhere in the result of a query that selects an SSN column (`queried`).
 */
export function findUsSsns(text: string, key = '', queried = false): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  if (!/\d{3}/.test(text)) return out;
  if (isSsnKey(key)) ssnMatches(text, new RegExp(WHOLE_SSN.source, 'dg'), out);
  if (queried) ssnMatches(text, SSN_BARE, out);
  ssnMatches(text, SSN_DASHED, out);
  if (/ss|social/i.test(text)) ssnMatches(text, SSN_NAMED, out);
  return out.sort((a, b) => a.start - b.start);
}

/** UK National Insurance numbers: "AB 12 34 56 C" anywhere, "AB123456C" after its name. */
export function findUkNinos(text: string): DetectorMatch[] {
  if (!/[A-Z]{2} ?\d{2}/.test(text)) return [];
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(NINO_SPACED, text)) {
    if (NINO_BAD_PREFIXES.has(m[1] ?? '')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, detail: 'UK National Insurance number' });
  }
  for (const m of matchesIn(NINO_COMPACT, text)) {
    if (NINO_BAD_PREFIXES.has(m[1] ?? '')) continue;
    if (!NINO_NAME.test(text.slice(Math.max(0, m.index - NAME_WINDOW), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, detail: 'UK National Insurance number' });
  }
  return out.sort((a, b) => a.start - b.start).slice(0, MAX_MATCHES);
}

/*
 * Ids whose check character lets them count without a label: a query result rarely prints the
 * column name beside each value ("Luca Romano;RMNLCU85M12H501J").
 */

/**
 * Italian codice fiscale: surname and name letters, birth year, month letter, day (+40 for
 * women), municipality code, check letter. Omocodia replaces digits of the last three groups
 * with the letters LMNPQRSTUV when two people would share a code.
 */
const CODICE_FISCALE =
  /(?<![A-Za-z0-9+/])[A-Z]{6}\d{2}[ABCDEHLMPRST][0-7LMNPQRST][\dLMNPQRSTUV][A-Z][\dLMNPQRSTUV]{3}[A-Z](?![A-Za-z0-9+/=])/g;
const OMOCODIA = 'LMNPQRSTUV';
/** Values of the odd positions (1st, 3rd, ...) in the check-letter sum, for 0-9 then A-Z. */
const CF_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
  10, 22, 25, 24, 23,
];

/** True when a codice fiscale's last letter is its check letter and its day of birth can exist. */
export function codiceFiscaleValid(code: string): boolean {
  const dayText = [...code.slice(9, 11)].map((ch) => (OMOCODIA.includes(ch) ? OMOCODIA.indexOf(ch) : ch));
  const day = Number(dayText.join('')) % 40;
  if (day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code36 = Number.parseInt(code[i]!, 36);
    sum += i % 2 === 0 ? CF_ODD[code36]! : code36 < 10 ? code36 : code36 - 10;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** Spanish NIE (X/Y/Z, 7 digits, letter) or DNI (8 digits, letter); groups: prefix, digits, letter. */
const SPANISH_ID = /(?<![A-Za-z0-9])([XYZ]-?)?(\d{7,8})-?([A-HJ-NP-TV-Z])(?![A-Za-z0-9])/g;
const SPANISH_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function spanishIdValid(prefix: string, digits: string, letter: string): boolean {
  const lead = prefix === '' ? '' : String('XYZ'.indexOf(prefix[0]!));
  if (prefix === '' ? digits.length !== 8 : digits.length !== 7) return false;
  return SPANISH_LETTERS[Number(lead + digits) % 23] === letter;
}

/**
 * Codici fiscali and Spanish NIEs anywhere (one random candidate in 26 or 23 passes, and the
 * shapes themselves are rare); a DNI, whose shape (8 digits and a letter) is common, only as the
 * whole value or beside another valid one.
 */
export function findCheckedIds(text: string): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(CODICE_FISCALE, text)) {
    if (codiceFiscaleValid(m[0]))
      out.push({ start: m.index, end: m.index + m[0].length, detail: 'Italian codice fiscale' });
  }
  const dnis: DetectorMatch[] = [];
  for (const m of matchesIn(SPANISH_ID, text)) {
    if (!spanishIdValid(m[1] ?? '', m[2] ?? '', m[3] ?? '')) continue;
    const match = {
      start: m.index,
      end: m.index + m[0].length,
      detail: m[1] ? 'Spanish NIE number' : 'Spanish DNI number',
    };
    (m[1] ? out : dnis).push(match);
  }
  const whole = dnis.length === 1 && text.trim().length === dnis[0]!.end - dnis[0]!.start;
  if (dnis.length >= 2 || whole) out.push(...dnis);
  return out.sort((a, b) => a.start - b.start).slice(0, MAX_MATCHES);
}
