import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { luhnValid } from './payment-card.js';
import { queryNamesAny } from './query-columns.js';
import { matchesIn } from './regex-matches.js';
import { columnCells } from './table-columns.js';

/**
 * National identity numbers whose check digit makes them precise enough for free text: India's
 * Aadhaar (12 digits, Verhoeff check digit, never starting 0 or 1), Spain's DNI and NIE (a check
 * letter from the number mod 23), Canada's Social Insurance Number (Luhn), Brazil's CPF (two mod 11
 * check digits), France's NIR, the social security number (a mod 97 key), Germany's tax id
 * (Steuer-ID, ISO 7064 MOD 11,10), the Dutch BSN (the 11-proef), Poland's PESEL, Sweden's
 * personnummer and China's resident identity number (birth date, MOD 11-2). A grouped (4-4-4)
 * Aadhaar counts in a text that names Aadhaar; the others, and a compact Aadhaar, only right
 * after their name, in a field named for them (`{"cpf": "..."}`, `{"nir": "..."}`) or in a table
 * column whose header names them.
 */

const AADHAAR_GROUPED = /(?<![\d-])([2-9]\d{3})[ -](\d{4})[ -](\d{4})(?![\d-])/g;
const AADHAAR_COMPACT = /(?<!\d)[2-9]\d{11}(?!\d)/g;
const AADHAAR_NAME = /\b(?:aadhaa?r|uidai|uid\s*(?:no\.?|number))\b/i;
/** A field named for the Aadhaar number holds it alone: `{"aadhaar": "234567890124"}`. */
const AADHAAR_KEY = /^(?:aadhaa?r(?:_?(?:no|number|num|id))?|uidai(?:_?(?:no|number))?|uid_?(?:no|number))$/;
const AADHAAR_WHOLE = /^\s*[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}\s*$/;
const DNI = /(?<![\w])([XYZ]?)(\d{7,8})[- ]?([A-HJ-NP-TV-Z])(?!\w)/gi;
const DNI_NAME = /\b(?:dni|nie|nif|documento\s+nacional)\b/i;
const SIN = /(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{3})(?![\d-])/g;
const SIN_NAME =
  /\b(?:sin|social\s+insurance(?:\s+(?:number|no\.?))?|num[ée]ro\s+d'assurance\s+sociale|nas)\b/i;
const CPF = /(?<![\d./-])(\d{3})(\.?)(\d{3})\2(\d{3})[-.]?(\d{2})(?!\d|[./-]\d)/g;
const CPF_NAME = /\bcpf\b/i;
/**
 * NIR: sex, year, month, department and commune (5 characters, `2A`/`2B` for Corsica), order
 * number, key; written compact or grouped `1 84 05 75 112 034 27`.
 */
const NIR =
  /(?<![\w.-])([1-478])[ .]?(\d{2})[ .]?(\d{2})[ .]?((?:\d{2}|2[AB])[ .]?\d{3}|\d{3}[ .]?\d{2})[ .]?(\d{3})[ .]?(\d{2})(?![\w-]|[.,]\d)/g;
const NIR_NAME =
  /\b(?:nir|insee|s[ée]curit[ée]\s+sociale|num[ée]ro\s+de\s+s[ée]cu|social\s+security\s+number)\b/i;
/** Steuer-ID: 11 digits, never starting 0, written compact or grouped `86 095 742 719`. */
const STEUER_ID = /(?<![\d.-])([1-9]\d)( ?)(\d{3})\2(\d{3})\2(\d{3})(?![\d-]|[.,]\d)/g;
const STEUER_ID_NAME = /(?:\bsteuer(?:liche)?[\s-]*(?:id|identifikationsnummer|idnr)|\bidnr)\b/i;
/** BSN: 9 digits, compact or grouped `1112.22.333` / `111 222 333`. */
const BSN =
  /(?<![\d.-])(\d{3})([ .]?)(\d{3})\2(\d{3})(?![\d-]|[.,]\d)|(?<![\d.-])(\d{4})\.(\d{2})\.(\d{3})(?![\d-]|[.,]\d)/g;
const BSN_NAME = /\b(?:bsn|burgerservicenummer|sofi[\s-]?nummer)\b/i;
/** PESEL: 11 digits, birth date first (month +20 for 2000-2099), weighted check digit. */
const PESEL = /(?<![\d.-])\d{11}(?![\d-]|[.,]\d)/g;
const PESEL_NAME = /\bpesel\b/i;
/** Personnummer: birth date (YYMMDD or YYYYMMDD), `-` or `+`, four digits, Luhn over the last ten. */
const PERSONNUMMER = /(?<![\d.-])(?:\d{2})?\d{6}[-+]?\d{4}(?![\d-]|[.,]\d)/g;
const PERSONNUMMER_NAME = /\b(?:personnummer|personnr|samordningsnummer)\b/i;
/**
 * Chinese resident identity number: region (6 digits), birth date (YYYYMMDD), order (3 digits),
 * ISO 7064 MOD 11-2 check character (a digit or X).
 */
const RESIDENT_ID =
  /(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
const RESIDENT_ID_NAME =
  /身份证|公民身份号码|\bresident\s+id(?:entity)?(?:\s+(?:card|number|no\.?))?|\bid[\s_-]?card(?:\s+(?:number|no\.?))?|\bshenfenzheng|\bsfzh?\b/i;
const RESIDENT_ID_KEY =
  /^(?:id_?card(?:_?(?:no|number|num))?|resident_?id(?:_?(?:no|number|card))?|shenfenzheng(?:_?hao)?|sfzh?(?:m)?|身份证号?码?)$/;
/** Field names whose whole value is read as a CPF, a NIR, a Steuer-ID or a BSN. */
const CPF_KEY = /^(?:cpf|(?:numero|num|nr|n)_?cpf|cpf_?(?:number|numero|num|no))$/;
const NIR_KEY = /^(?:nir|numero_?(?:insee|secu(?:rite_?sociale)?)|num_?secu|insee(?:_?number)?)$/;
const STEUER_ID_KEY =
  /^(?:steuer_?id(?:_?nr)?|steuer_?identifikationsnummer|steueridentifikationsnummer|idnr|tax_?id_?de)$/;
const BSN_KEY = /^(?:bsn|burger_?service_?nummer|burgerservicenummer|sofi_?nummer)$/;
const PESEL_KEY = /^(?:pesel|numer_?pesel)$/;
const PERSONNUMMER_KEY = /^(?:personnummer|personnr|person_?nummer)$/;
const NAME_WINDOW = 40;
/** A table cell holding one id number: digits with the separators the ids are printed with. */
const CELL_NUMBER = /^\d[\d .+-]{7,16}[\dXx]$/;

// Verhoeff's dihedral-group tables (multiplication and permutation).
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when the last digit is the Verhoeff check digit of the others. */
export function verhoeffValid(digits: string): boolean {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    check = VERHOEFF_D[check]![VERHOEFF_P[i % 8]![digit]!]!;
  }
  return check === 0;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** True when the letter is the check letter of a DNI (8 digits) or NIE (X/Y/Z and 7 digits). */
export function dniValid(prefix: string, digits: string, letter: string): boolean {
  const lead = prefix === '' ? '' : String('XYZ'.indexOf(prefix.toUpperCase()));
  if (prefix === '' ? digits.length !== 8 : digits.length !== 7) return false;
  return DNI_LETTERS[Number(lead + digits) % 23] === letter.toUpperCase();
}

/** True when the last two digits are the CPF's check digits (mod 11) and not all digits are equal. */
export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const checkDigit = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += (digits.charCodeAt(i) - 48) * (length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return checkDigit(9) === digits.charCodeAt(9) - 48 && checkDigit(10) === digits.charCodeAt(10) - 48;
}

/**
 * True when a NIR's last two digits are 97 minus its first 13 mod 97, and its month can be issued
 * (01-12, 20-42 or 50-99 when unknown). Corsica's `2A`/`2B` count as 19/18, as INSEE computes them.
 */
export function nirValid(nir: string): boolean {
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(nir)) return false;
  const month = Number(nir.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const department = nir.slice(5, 7);
  const corsica = department === '2A' ? '19' : department === '2B' ? '18' : department;
  const body = nir.slice(0, 5) + corsica + nir.slice(7, 13);
  let rest = 0;
  for (let i = 0; i < body.length; i++) rest = (rest * 10 + body.charCodeAt(i) - 48) % 97;
  return 97 - rest === Number(nir.slice(13));
}

/** True when the last of 11 digits is the Steuer-ID's ISO 7064 MOD 11,10 check digit. */
export function steuerIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    const sum = (digits.charCodeAt(i) - 48 + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === digits.charCodeAt(10) - 48;
}

/** True when 9 digits pass the 11-proef: weights 9..2 and -1 for the last, sum divisible by 11. */
export function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = -(digits.charCodeAt(8) - 48);
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  return sum % 11 === 0;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** True when a PESEL's last digit is its weighted check digit and its month can be encoded. */
export function peselValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  if (month < 1 || month > 12) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * PESEL_WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(10) - 48;
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** True when an 18-character resident id's last character is its MOD 11-2 check character. */
export function residentIdValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/** True when a personnummer (10 or 12 digits) passes the Luhn check over its last ten. */
export function personnummerValid(digits: string): boolean {
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  if (ten.length !== 10) return false;
  const month = Number(ten.slice(2, 4));
  return month >= 1 && month <= 12 && luhnValid(ten);
}

function named(text: string, index: number, name: RegExp): boolean {
  return name.test(text.slice(Math.max(0, index - NAME_WINDOW), index));
}

function push(out: DetectorMatch[], start: number, end: number, detail: string): void {
  if (out.length < MAX_MATCHES && !out.some((prior) => prior.start < end && start < prior.end)) {
    out.push({ start, end, detail });
  }
}

/**
 * Numbers read after their label, or as a field named for them. One random number in a hundred
 * (CPF) or in eleven (Steuer-ID, BSN) passes its check digits, so a bare number never counts.
 */
interface LabelledId {
  readonly pattern: RegExp;
  readonly label: RegExp;
  readonly key: RegExp;
  /** Checks the number's digits (separators removed). */
  readonly valid: (digits: string) => boolean;
  readonly detail: string;
}

const LABELLED_IDS: readonly LabelledId[] = [
  { pattern: CPF, label: CPF_NAME, key: CPF_KEY, valid: cpfValid, detail: 'Brazilian CPF number' },
  {
    pattern: NIR,
    label: NIR_NAME,
    key: NIR_KEY,
    valid: nirValid,
    detail: 'French social security number (NIR)',
  },
  {
    pattern: STEUER_ID,
    label: STEUER_ID_NAME,
    key: STEUER_ID_KEY,
    valid: steuerIdValid,
    detail: 'German tax id (Steuer-ID)',
  },
  {
    pattern: BSN,
    label: BSN_NAME,
    key: BSN_KEY,
    valid: bsnValid,
    detail: 'Dutch citizen service number (BSN)',
  },
  { pattern: PESEL, label: PESEL_NAME, key: PESEL_KEY, valid: peselValid, detail: 'Polish PESEL number' },
  {
    pattern: PERSONNUMMER,
    label: PERSONNUMMER_NAME,
    key: PERSONNUMMER_KEY,
    valid: (digits) => personnummerValid(digits.replace('+', '')),
    detail: 'Swedish personal identity number',
  },
  {
    pattern: RESIDENT_ID,
    label: RESIDENT_ID_NAME,
    key: RESIDENT_ID_KEY,
    valid: residentIdValid,
    detail: 'Chinese resident identity number',
  },
];

/** True for a field name under which a bare Aadhaar, CPF, NIR, Steuer-ID or BSN is read as one. */
export function isNationalIdKey(key: string): boolean {
  return AADHAAR_KEY.test(key) || LABELLED_IDS.some((id) => id.key.test(key));
}

/** The ids whose field name is a column of a query (`select name, pesel from clients`). */
export type QueriedIds = readonly LabelledId[];
export const NO_IDS: QueriedIds = [];

let lastQuery: string | null | undefined = null;
let lastQueried: QueriedIds = NO_IDS;

/**
 * The labelled ids a query names as columns: its result prints their numbers without a label, so
 * each number there that passes its check counts as labelled. Remembered for the last query,
 * which the gate and the detector of one event both ask about.
 */
export function idsNamedByQuery(query: string | null | undefined): QueriedIds {
  if (query === lastQuery) return lastQueried;
  const queried = LABELLED_IDS.filter((id) => queryNamesAny(query, (name) => id.key.test(name)));
  lastQuery = query;
  lastQueried = queried.length === 0 ? NO_IDS : queried;
  return lastQueried;
}

/**
 * Aadhaar, DNI/NIE, SIN, CPF and NIR numbers in `text`; `key`, the field's name, may name the
 * number in place of a label in the text, and so may the query a result answers (`queried`).
 */
export function findOtherNationalIds(text: string, key = '', queried: QueriedIds = NO_IDS): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  if (AADHAAR_KEY.test(key) && AADHAAR_WHOLE.test(text) && verhoeffValid(text.replace(/\D/g, ''))) {
    const start = text.search(/\d/);
    push(out, start, text.trimEnd().length, 'Aadhaar number');
  }
  // One random 4-4-4 group in ten passes the check digit: the name must be in the text too.
  if (AADHAAR_NAME.test(text)) {
    for (const m of matchesIn(AADHAAR_GROUPED, text)) {
      if (verhoeffValid(`${m[1]}${m[2]}${m[3]}`)) push(out, m.index, m.index + m[0].length, 'Aadhaar number');
    }
    for (const m of matchesIn(AADHAAR_COMPACT, text)) {
      if (verhoeffValid(m[0]) && named(text, m.index, AADHAAR_NAME))
        push(out, m.index, m.index + m[0].length, 'Aadhaar number');
    }
  }
  if (DNI_NAME.test(text)) {
    for (const m of matchesIn(DNI, text)) {
      if (dniValid(m[1] ?? '', m[2] ?? '', m[3] ?? '') && named(text, m.index, DNI_NAME))
        push(out, m.index, m.index + m[0].length, 'Spanish DNI/NIE number');
    }
  }
  if (SIN_NAME.test(text)) {
    for (const m of matchesIn(SIN, text)) {
      const digits = `${m[1]}${m[2]}${m[3]}`;
      if (digits[0] !== '0' && digits[0] !== '8' && luhnValid(digits) && named(text, m.index, SIN_NAME))
        push(out, m.index, m.index + m[0].length, 'Canadian Social Insurance Number');
    }
  }
  for (const id of LABELLED_IDS) findLabelled(text, id, id.key.test(key), queried.includes(id), out);
  return out.sort((a, b) => a.start - b.start);
}

function findLabelled(
  text: string,
  id: LabelledId,
  keyed: boolean,
  queried: boolean,
  out: DetectorMatch[],
): void {
  if (!keyed && !queried && !id.label.test(text)) return;
  for (const m of matchesIn(id.pattern, text)) {
    if (id.valid(m[0].replace(/[ .-]/g, '')) && (keyed || queried || named(text, m.index, id.label)))
      push(out, m.index, m.index + m[0].length, id.detail);
  }
  if (keyed || queried) return;
  // A query result names the column once, in its header, and the rows run on below it.
  for (const [start, end] of columnCells(text, (cell) => id.key.test(cell))) {
    const cell = text.slice(start, end);
    if (CELL_NUMBER.test(cell) && id.valid(cell.replace(/[ .-]/g, ''))) push(out, start, end, id.detail);
  }
}
