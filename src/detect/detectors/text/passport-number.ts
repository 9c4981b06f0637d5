import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { columnCells } from './table-columns.js';

/**
 * Passport and driver's licence numbers: document numbers with no check digit. Passport numbers: their formats differ by country (6 to 9 letters and digits) and carry no check
 * digit outside the machine-readable zone, so a value counts only right after a passport label
 * (`Passport No: 533401372`, `"passport_number": "K8734521"`, `pasaporte X1234567`) or as the whole
 * value of a field named for one; it must hold a digit, so `passport: valid until 2030` and
 * `passport photo requirements` stay quiet.
 */

const LABEL =
  '(?:passport|passeport|pasaporte|passaporto|reisepass)(?:[ _-]?(?:number|nummer|num[ée]ro|numero|num|no\\.?|n[º°]|nr\\.?|#|id))?';
/** The label, one to four separators (quotes, `:`, `=`, `#`), then the value, which holds a digit. */
const LABELLED_PASSPORT = new RegExp(
  `\\b${LABEL}["']?[\\s:=#]{1,4}["']?((?=[a-z]{0,8}\\d)[a-z0-9]{6,9})(?![a-z0-9-]|[./]\\d)`,
  'gi',
);
const PASSPORT_KEY =
  /^(?:passport|passeport|pasaporte|passaporto|reisepass)(?:_?(?:number|nummer|numero|num|no|nr|id))?$/;
const WHOLE_PASSPORT = /^\s*((?=[A-Z]{0,8}\d)[A-Z0-9]{6,9})\s*$/;
/** Passport numbers are written in capitals; `k8734521` after a label is more likely something else. */
const UPPER_OR_DIGITS = /^[A-Z0-9]+$/;
const UPPER_OR_DIGITS_OR_DASH = /^[A-Z0-9-]+$/;

/**
 * Driver's licence numbers differ by state and country (5 to 20 letters, digits and dashes): only
 * right after a licence label, holding four digits at least, so `driver's license required`,
 * `license: MIT` and `license number of seats` stay quiet. A bare `license` names software
 * licences, so it counts only followed by "number"/"no.". The label is written without free
 * spacing so that DRIVING_LICENCE_TRIGGERS stay literals every match holds.
 */
const DRIVING_LICENCE_LABEL =
  "(?:\\bdriver(?:'s|’s|s)?[ _-]?licen[cs]e(?:[ _-]?(?:number|no\\.?|nr\\.?|#|id))?|\\blicen[cs]e[ _]?(?:number|no\\.?)|\\bDL(?: ?#| no\\.?| number)|f(?:ü|ue|u)hrerschein(?:[ -]?(?:nummer|nr\\.?))?|\\bpermis de conduire(?: (?:n[º°o]\\.?|num[ée]ro))?)";
const LABELLED_LICENCE = new RegExp(
  `${DRIVING_LICENCE_LABEL}["']?[\\s:=#]{1,4}["']?((?=(?:[A-Z-]{0,19}\\d){4})[A-Z0-9][A-Z0-9-]{3,18}[A-Z0-9])(?![A-Za-z0-9-]|[./]\\d)`,
  'gi',
);
/** Not `license_number`: as a field name it also holds software licence keys. */
const LICENCE_KEY =
  /^(?:drivers?_?licen[cs]e(?:_?(?:number|no|nr|num|id))?|dl_?(?:number|no|num)|f(?:ue|u)hrerschein(?:_?(?:nummer|nr))?|permis_?de_?conduire)$/;
const WHOLE_LICENCE = /^\s*((?=(?:[A-Z-]{0,19}\d){4})[A-Z0-9][A-Z0-9-]{3,18}[A-Z0-9])\s*$/;
/**
 * Caseless literals every licence label holds, for the engine's prefilter: each alternative of
 * DRIVING_LICENCE_LABEL starts with one of them.
 */
export const DRIVING_LICENCE_TRIGGERS: readonly string[] = [
  "driver's",
  'driver’s',
  'drivers',
  'driver l',
  'driver_l',
  'driver-l',
  'driverl',
  'license n',
  'licence n',
  'license_n',
  'licence_n',
  'licensen',
  'licencen',
  'dl#',
  'dl #',
  'dl no',
  'dl number',
  'hrerschein',
  'permis de conduire',
];

/** A document number: read after its label, or as the whole value of a field named for it. */
interface DocumentNumber {
  readonly labelled: RegExp;
  readonly key: RegExp;
  readonly whole: RegExp;
  /** What a labelled value must look like (capitals, digits, maybe dashes). */
  readonly shape: RegExp;
  readonly detail: string;
}

const PASSPORT: DocumentNumber = {
  labelled: LABELLED_PASSPORT,
  key: PASSPORT_KEY,
  whole: WHOLE_PASSPORT,
  shape: UPPER_OR_DIGITS,
  detail: 'passport number',
};
const DRIVING_LICENCE: DocumentNumber = {
  labelled: LABELLED_LICENCE,
  key: LICENCE_KEY,
  whole: WHOLE_LICENCE,
  shape: UPPER_OR_DIGITS_OR_DASH,
  detail: "driver's licence number",
};

/** True for a field name under which a bare value is read as a passport number. */
export function isPassportKey(key: string): boolean {
  return PASSPORT.key.test(key);
}

/** True for a field name under which a bare value is read as a driver's licence number. */
export function isDrivingLicenceKey(key: string): boolean {
  return DRIVING_LICENCE.key.test(key);
}

/** Driver's licence numbers after a licence label in `text`, or the whole value of a licence field. */
export function findDrivingLicenceNumbers(text: string, key = ''): DetectorMatch[] {
  return findDocumentNumbers(text, key, DRIVING_LICENCE);
}

/** Passport numbers after a passport label in `text`, or the whole value of a passport field. */
export function findPassportNumbers(text: string, key = ''): DetectorMatch[] {
  return findDocumentNumbers(text, key, PASSPORT);
}

function findDocumentNumbers(text: string, key: string, document: DocumentNumber): DetectorMatch[] {
  if (document.key.test(key)) {
    const m = document.whole.exec(text);
    if (m) {
      const start = text.indexOf(m[1]!);
      return [{ start, end: start + m[1]!.length, detail: document.detail }];
    }
  }
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(document.labelled, text)) {
    const value = m[1]!;
    if (!document.shape.test(value)) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - value.length, end, detail: document.detail });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}

/**
 * Licence column headers (lowercased, spaces and dashes as `_`): LICENCE_KEY without `dl_number`,
 * whose header holds no literal of DRIVING_LICENCE_TRIGGERS (the query may still name it).
 */
const LICENCE_HEADER =
  /^(?:drivers?_?licen[cs]e(?:_?(?:number|no|nr|num|id))?|f(?:ue|u|ü)hrerschein(?:_?(?:nummer|nr))?)$/;
/** The lines that can head a passport or a licence column (columnCells' hint): a name's first word. */
const PASSPORT_HEADER_HINT = /(?<![a-z])(?:passport|passeport|pasaporte|passaporto|reisepass)/gi;
const LICENCE_HEADER_HINT = /(?<![a-z])(?:driver|f(?:ü|ue|u)hrerschein)/gi;
/** Bare document numbers in a result whose query selects their column: capitals and digits only. */
const PASSPORT_TOKEN = /(?<![A-Za-z0-9-])(?=[A-Z]{0,8}\d)[A-Z0-9]{6,9}(?![A-Za-z0-9-])/g;
/** No dashes: `2024-05-01` in another column is a date, not a licence. */
const LICENCE_TOKEN = /(?<![A-Za-z0-9-])(?=(?:[A-Z]{0,19}\d){4})[A-Z0-9]{5,20}(?![A-Za-z0-9-])/g;

/** Which document numbers a query selects by column name (`select name, passport_no from ...`). */
export interface QueriedDocuments {
  readonly passport: boolean;
  readonly licence: boolean;
}

export const NO_DOCUMENTS: QueriedDocuments = { passport: false, licence: false };

/** What the query's identifiers name, from `names` (lowercased identifiers). */
export function documentsNamed(names: Iterable<string>): QueriedDocuments {
  let passport = false;
  let licence = false;
  for (const name of names) {
    passport ||= PASSPORT_KEY.test(name);
    licence ||= LICENCE_KEY.test(name);
  }
  return passport || licence ? { passport, licence } : NO_DOCUMENTS;
}

/**
 * Document numbers named by their column rather than a label: the cells under a passport or
 * licence header, and bare document-shaped values in a result whose query selects that column.
 */
export function findDocumentColumns(text: string, queried: QueriedDocuments): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  const columns: readonly [RegExp, RegExp, RegExp, string, boolean, RegExp][] = [
    [PASSPORT_KEY, PASSPORT_HEADER_HINT, WHOLE_PASSPORT, PASSPORT.detail, queried.passport, PASSPORT_TOKEN],
    [
      LICENCE_HEADER,
      LICENCE_HEADER_HINT,
      WHOLE_LICENCE,
      DRIVING_LICENCE.detail,
      queried.licence,
      LICENCE_TOKEN,
    ],
  ];
  for (const [header, hint, whole, detail, byQuery, token] of columns) {
    const cells = columnCells(text, (cell) => header.test(cell), hint);
    for (const [start, end] of cells) {
      const m = whole.exec(text.slice(start, end));
      if (m === null) continue;
      const at = start + text.slice(start, end).indexOf(m[1]!);
      out.push({ start: at, end: at + m[1]!.length, detail: `${detail} (by its column)` });
    }
    if (cells.length === 0 && byQuery) {
      for (const m of matchesIn(token, text)) {
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          detail: `${detail} (its query selects the column)`,
        });
        if (out.length >= MAX_MATCHES) break;
      }
    }
  }
  return out.slice(0, MAX_MATCHES);
}
