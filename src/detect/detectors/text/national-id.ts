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

/** US SSNs: dashed anywhere, undashed after "SSN" or "social security number" or in an SSN field. */
export function findUsSsns(text: string, key = ''): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  if (!/\d{3}/.test(text)) return out;
  if (isSsnKey(key)) ssnMatches(text, new RegExp(WHOLE_SSN.source, 'dg'), out);
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
