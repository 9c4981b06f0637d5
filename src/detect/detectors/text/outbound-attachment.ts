import type { DetectorMatch } from '../../detector.js';
import { SENSITIVE_PATH } from './sensitive-data.js';

/**
 * A file attached to something the agent sends out (an email, a chat message, an upload) that is
 * either a credential file or a whole export of people: `customers_full.csv`,
 * `payroll_all_employees.xlsx`, `all_contacts_export.vcf`. The recipient sits in another field, so
 * the file name alone must say "everyone's records": a word naming people and a word saying
 * "all of them" (or a database dump format), on a data file. A report or a single contact card is
 * not matched.
 */

/** Argument keys holding files to attach or upload (the key of `attachments.0` is `attachments`). */
export const ATTACHMENT_KEY =
  /^(?:attach\w*|files?|file_?paths?|file_?names?|paths?|documents?|local_?path)$/;

/** Words in a file name that name a population of people. */
const PEOPLE =
  /^(?:customers?|clients?|contacts?|employees?|staff|payroll|salar(?:y|ies)|users?|patients?|members?|subscribers?|leads?|students?|applicants?|candidates?|donors?|cardholders?|crm|hr|pii|ssns?|personnel|accounts?)$/;
/** Words in a file name that say the file holds all of them. */
const WHOLE = /^(?:full|all|complete|entire|export(?:ed)?|dump|backup|master|database|db|everyone)$/;
/** Data formats that hold rows of records. */
const DATA_EXTENSION =
  /\.(?:csv|tsv|xlsx?|json|jsonl|ndjson|sql|vcf|db|sqlite3?|parquet|bak|dump|zip|gz|tgz|7z|mdb|accdb)$/i;
/** Formats that are a database or address book whole, whatever the name adds. */
const DUMP_EXTENSION = /\.(?:sql|vcf|db|sqlite3?|bak|dump|mdb|accdb)$/i;

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Why the file at `path` should not leave in a message, or null. */
function attachmentRisk(path: string): string | null {
  const sensitive = SENSITIVE_PATH.exec(path);
  if (sensitive) return `credential file ${sensitive[0]} attached to an outgoing message`;
  const name = baseName(path.trim());
  if (!DATA_EXTENSION.test(name)) return null;
  const words = name
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .split(/[^a-z]+/);
  if (!words.some((word) => PEOPLE.test(word))) return null;
  if (!DUMP_EXTENSION.test(name) && !words.some((word) => WHOLE.test(word))) return null;
  return `bulk personal data (${name}) attached to an outgoing message`;
}

/** A credential file or a bulk export of people in an attachment argument, spanning the value. */
export function findRiskyAttachment(text: string): DetectorMatch[] {
  if (text.length > 1024 || text.includes('\n')) return [];
  const detail = attachmentRisk(text);
  return detail ? [{ start: 0, end: text.length, detail }] : [];
}
