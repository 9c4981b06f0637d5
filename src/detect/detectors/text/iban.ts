import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/** IBANs: a country with its fixed length (ISO 13616 registry) and a mod-97 check that equals 1. */

const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Country code and total length, from the SWIFT IBAN registry. */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ' +
    'ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 ' +
    'LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 ' +
    'RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

/** True when a compact IBAN has its country's length and passes the mod-97 check. */
export function ibanValid(iban: string): boolean {
  if (IBAN_LENGTHS.get(iban.slice(0, 2)) !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/**
 * A lowercase IBAN, as people type one into a message: the country in lowercase, then digits only
 * (the BBANs of DE, BE, PL, ES, SE and most others). Read only near a banking word, so the mod-97
 * check is not the only thing between a lowercase token and a finding.
 */
const LOWERCASE_CANDIDATE = /(?<![A-Za-z0-9])[a-z]{2}\d{2}(?: ?\d{4}){2,7}(?: ?\d{1,3})?(?![A-Za-z0-9])/g;
/** Words a text around a typed account number holds; each is a trigger of the IBAN detector. */
export const IBAN_CONTEXT_WORDS = [
  'iban',
  'account',
  'acct',
  'bank',
  'wire',
  'transfer',
  'konto',
  'überweis',
  'cuenta',
  'compte',
  'conto',
  'rekening',
  'rachunek',
] as const;
const IBAN_CONTEXT = new RegExp(IBAN_CONTEXT_WORDS.join('|'), 'i');

/** Valid IBANs in `text`, printed compact or in groups of four (or typed in lowercase near a banking word). */
export function findIbans(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  if (/[A-Z]{2}\d{2}/.test(text)) collect(text, CANDIDATE, matches);
  if (matches.length < MAX_MATCHES && IBAN_CONTEXT.test(text)) collect(text, LOWERCASE_CANDIDATE, matches);
  return matches.length > 1 ? matches.sort((a, b) => a.start - b.start) : matches;
}

function collect(text: string, candidate: RegExp, matches: DetectorMatch[]): void {
  for (const m of matchesIn(candidate, text)) {
    const compact = m[0].replace(/ /g, '').toUpperCase();
    if (!ibanValid(compact)) continue;
    matches.push({
      start: m.index,
      end: m.index + m[0].length,
      detail: `IBAN (${compact.slice(0, 2)}, mod-97 valid)`,
    });
    if (matches.length >= MAX_MATCHES) return;
  }
}
