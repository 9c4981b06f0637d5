import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';
import { columnCells } from './table-columns.js';

/**
 * Dates of birth in bulk: a query result or export that lists people with their birth dates. One
 * birth date is a form, a profile or a signup; several in one value are a list of people, which is
 * what leaks in a dump. Read two ways: labelled dates ("DOB 1979-06-14", "date of birth:
 * 14/06/1979") and a table whose header names a birth-date column (CSV, TSV, pipes, markdown).
 *
 * Record labels only: "born" and "birthday" fill biographies and greeting cards, and a page about
 * famous people lists their births without leaking anyone's record.
 */

/** A birth-date label as records write it, in English and the languages of the other id labels. */
const LABEL =
  '(?:\\bDOB|\\bD\\.O\\.B\\.?|\\bdate\\s+of\\s+birth|\\bbirth[\\s_-]?date|\\bgeburtsdatum|\\bdate\\s+de\\s+naissance|\\bfecha\\s+de\\s+nacimiento|\\bdata\\s+di\\s+nascita)';
/** ISO, day/month/year or month/day/year with `/`, `.` or `-`, or with the month written out. */
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = `(?:(?:19|20)\\d{2}-[01]?\\d-[0-3]?\\d|[0-3]?\\d[/.-][01]?\\d[/.-](?:19|20)\\d{2}|[01]?\\d/[0-3]?\\d/(?:19|20)\\d{2}|[0-3]?\\d\\s+(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}|(?:${MONTHS})\\.?\\s+[0-3]?\\d,?\\s+(?:19|20)\\d{2})`;
// One optional separator between two runs of spaces: two adjacent `\s*` would be quadratic on a run of spaces.
const LABELLED = new RegExp(`${LABEL}\\s*(?:[:#=|-]\\s*)?(${DATE})(?![\\d/.-]\\d)`, 'gi');
const DATE_CELL = new RegExp(`^\\s*${DATE}\\s*$`, 'i');
const BARE_DATE = new RegExp(`(?<![\\w/.-])${DATE}(?![\\w/-]|[.,]\\d)`, 'gi');
/** A header cell naming a birth-date column (`dob`, `date_of_birth`, `Birth Date`). */
const COLUMN =
  /^\s*(?:dob|d\.o\.b\.?|date[\s_-]?of[\s_-]?birth|birth[\s_-]?date|birthdate|geburtsdatum|fecha[\s_-]de[\s_-]nacimiento|date[\s_-]de[\s_-]naissance)\s*$/i;

/** Distinct birth dates, in one value, that make it a list of people. */
export const BULK_BIRTH_DATES = 3;

/** True for a query column that holds birth dates (`dob`, `date_of_birth`). */
export function isBirthDateColumn(name: string): boolean {
  return COLUMN.test(name);
}

/**
 * Birth dates when `text` lists at least BULK_BIRTH_DATES people's; otherwise none. `queried`: the
 * text answers a query that selects a birth-date column, so its dates are read as birth dates.
 */
export function findBirthDates(text: string, queried = false): DetectorMatch[] {
  if (queried) {
    const dates: DetectorMatch[] = [];
    for (const m of matchesIn(BARE_DATE, text)) {
      dates.push({ start: m.index, end: m.index + m[0].length, detail: 'date of birth' });
      if (dates.length >= MAX_MATCHES) break;
    }
    if (enough(text, dates)) return described(dates);
  }
  const labelled: DetectorMatch[] = [];
  for (const m of matchesIn(LABELLED, text)) {
    const date = m[1]!;
    const start = m.index + m[0].length - date.length;
    labelled.push({ start, end: start + date.length, detail: 'date of birth' });
    if (labelled.length >= MAX_MATCHES) break;
  }
  return described(enough(text, labelled) ? labelled : tableBirthDates(text));
}

function described(found: readonly DetectorMatch[]): DetectorMatch[] {
  return found.map((match) => ({ ...match, detail: `date of birth, one of ${found.length} in this value` }));
}

function enough(text: string, matches: readonly DetectorMatch[]): boolean {
  return new Set(matches.map((m) => text.slice(m.start, m.end))).size >= BULK_BIRTH_DATES;
}

/** The cells of a birth-date column that hold dates. */
function tableBirthDates(text: string): DetectorMatch[] {
  const cells: DetectorMatch[] = [];
  for (const [start, end] of columnCells(text, (cell) => COLUMN.test(cell))) {
    if (!DATE_CELL.test(text.slice(start, end))) continue;
    cells.push({ start, end, detail: 'date of birth' });
    if (cells.length >= MAX_MATCHES) break;
  }
  return enough(text, cells) ? cells : [];
}
