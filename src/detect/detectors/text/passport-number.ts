import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Passport numbers. Their formats differ by country (6 to 9 letters and digits) and carry no check
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

/** True for a field name under which a bare value is read as a passport number. */
export function isPassportKey(key: string): boolean {
  return PASSPORT_KEY.test(key);
}

/** Passport numbers after a passport label in `text`, or the whole value of a passport field. */
export function findPassportNumbers(text: string, key = ''): DetectorMatch[] {
  if (isPassportKey(key)) {
    const m = WHOLE_PASSPORT.exec(text);
    if (m) {
      const start = text.indexOf(m[1]!);
      return [{ start, end: start + m[1]!.length, detail: 'passport number' }];
    }
  }
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(LABELLED_PASSPORT, text)) {
    const value = m[1]!;
    if (!UPPER_OR_DIGITS.test(value)) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - value.length, end, detail: 'passport number' });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}
