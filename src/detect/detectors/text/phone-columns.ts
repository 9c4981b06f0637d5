import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { columnCells } from './table-columns.js';

/**
 * Phone numbers a result names by column rather than by format: a bare `4155550132` under a
 * `phone` header, or anywhere in the result of a query that selects `mobile`. Written without
 * separators or `+`, a number only says it is a phone through its column.
 */

/** Column names (lowercased, spaces as `_`) whose values are phone numbers. */
const PHONE_COLUMN =
  /^(?:phones?|phone_?(?:number|no|nr)|mobile|mobile_?(?:phone|number|no)|cell|cell_?(?:phone|number)|tel|telephone|telefon|telefono|msisdn|whatsapp)$/;
/**
 * Caseless literals every such header holds, for the engine's prefilter: each alternative of
 * PHONE_COLUMN starts with one of them.
 */
export const PHONE_COLUMN_TRIGGERS: readonly string[] = [
  'phone',
  'mobile',
  'cell',
  'tel',
  'msisdn',
  'whatsapp',
];
/**
 * The lines that can head a phone column (columnCells' hint): a column name starts with one of
 * the trigger words, never after a letter (`hotel`, `excellent` head nothing).
 */
const PHONE_HEADER_HINT = new RegExp(`(?<![a-z])(?:${PHONE_COLUMN_TRIGGERS.join('|')})`, 'gi');
/** A cell that is one phone number: digits with light separators, 10 to 15 digits. */
const PHONE_CELL = /^\+?[\d ().-]{10,24}$/;
/** A bare number in a queried result: 10 to 15 digits, not part of a longer number or a decimal. */
const BARE_PHONE = /(?<![\w.+-])\+?[1-9]\d{9,14}(?![\w-]|\.\d)/g;

export function isPhoneColumn(name: string): boolean {
  return PHONE_COLUMN.test(name);
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/**
 * Phone numbers in the cells of a column headed as one and, when the query that asked for this
 * result selected a phone column (`queried`), bare 10-15 digit numbers anywhere in it.
 */
export function findPhoneColumns(text: string, queried: boolean): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  for (const [start, end] of columnCells(text, isPhoneColumn, PHONE_HEADER_HINT)) {
    const cell = text.slice(start, end);
    const digits = digitCount(cell);
    if (!PHONE_CELL.test(cell) || digits < 10 || digits > 15) continue;
    out.push({ start, end, detail: 'phone number (by its column)' });
    if (out.length >= MAX_MATCHES) return out;
  }
  if (!queried) return out;
  for (const m of matchesIn(BARE_PHONE, text)) {
    const end = m.index + m[0].length;
    if (out.some((prior) => prior.start < end && m.index < prior.end)) continue;
    out.push({ start: m.index, end, detail: 'phone number (its query selects a phone column)' });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}
