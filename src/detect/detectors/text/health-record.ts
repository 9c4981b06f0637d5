import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Health records (PHI): labelled fields such as "DOB:", "MRN:", "Diagnosis:". One label alone is
 * common ("Date of birth" on a form); a record ties an identifier to health information, so a
 * match needs a medical identifier or a clinical field together with one other kind of field.
 */

/**
 * A birth date or medical id also counts without its colon when a number follows at once
 * ("MRN 0048291 | DOB 1975-04-02"): a number right after the label is its value.
 */
const LABEL_OR_NUMBER = '(?:\\s*[:#]|[ \\t]+(?=[A-Z]{0,4}-?\\d))';
/** One pass for all labels; the named group says which kind of field matched. */
const LABEL = new RegExp(
  [
    '(?<identity>\\bpatient(?:\\s+name)?)',
    '(?<birth>\\b(?:DOB|D\\.O\\.B\\.|date\\s+of\\s+birth|birth\\s*date))',
    '(?<medicalId>\\b(?:MRN|medical\\s+record\\s+(?:number|no\\.?|#)|(?:insurance|health\\s+plan|medicare|medicaid)\\s+(?:member\\s+)?(?:id|number|no\\.?)|member\\s+id|NHS\\s+(?:number|no\\.?)))',
    '(?<clinical>\\b(?:diagnos[ie]s|dx|ICD-?10(?:\\s+codes?)?|medications?|prescriptions?|allerg(?:y|ies)|treatment|conditions?))',
  ]
    .map((group, index) => `${group}${index === 1 || index === 2 ? LABEL_OR_NUMBER : '\\s*[:#]'}`)
    .join('|'),
  'gi',
);
const LABEL_PROBE = new RegExp(LABEL.source, 'i');
type Kind = 'identity' | 'birth' | 'medicalId' | 'clinical';
const KINDS: readonly Kind[] = ['identity', 'birth', 'medicalId', 'clinical'];

/**
 * Field names (parsed JSON, tool arguments) whose whole value is a medical record number. Only
 * MRN names: `patient_id` is as often a row id of a scheduling or billing system as a chart
 * number, and carries no label to tell them apart.
 */
const MRN_KEY =
  /^(?:(?:patient_?)?mrn(?:_?(?:number|no|id))?|medical_?record_?(?:number|no|num|id)|medicalrecordnumber)$/;
/** A record number: one token of 3 to 30 letters, digits, dashes or dots that holds a digit. */
const RECORD_NUMBER = /^\s*((?=[A-Za-z.-]{0,29}\d)[A-Za-z0-9][A-Za-z0-9.-]{1,28}[A-Za-z0-9])\s*$/;

/** The value of a labelled field runs to the end of its line, at most this far. */
const MAX_VALUE = 120;

/** True for a field name under which a bare value is read as a medical record number. */
export function isMedicalRecordKey(key: string): boolean {
  return MRN_KEY.test(key);
}

/**
 * Labelled health-record fields, when `text` holds a record and not a stray label; or, in a field
 * named for one (`{"mrn": "MRN-00482913"}`), the medical record number itself.
 *
 * The engine walks parsed JSON into one field per value, so `{"name": ..., "mrn": ...,
 * "diagnosis": ...}` never reaches this function as one record. An MRN counts alone: it points at
 * one patient's chart, as an SSN points at one person. A `diagnosis` field alone does not: without
 * an identifier beside it in the same value it is a condition, not a person's health information,
 * and such fields fill symptom checkers, medical references and test fixtures. The MRN field of the
 * same object is found, which is enough to raise the record.
 */
export function findHealthRecords(text: string, key = ''): DetectorMatch[] {
  if (isMedicalRecordKey(key)) {
    const m = RECORD_NUMBER.exec(text);
    if (m) {
      const start = text.indexOf(m[1]!);
      return [{ start, end: start + m[1]!.length, detail: 'medical record number' }];
    }
  }
  if (!LABEL_PROBE.test(text)) return [];
  const found: { kind: Kind; match: DetectorMatch }[] = [];
  for (const m of matchesIn(LABEL, text)) {
    const kind = KINDS.find((name) => m.groups?.[name] !== undefined) ?? 'identity';
    const valueStart = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', valueStart);
    const end = Math.min(lineEnd === -1 ? text.length : lineEnd, valueStart + MAX_VALUE);
    if (text.slice(valueStart, end).trim() === '') continue;
    // A label inside the previous field's value ("Patient: Ann Lee, DOB 1991-01-20") adds its
    // kind, not a second span over the same text.
    const previous = found.at(-1);
    if (previous && m.index < previous.match.end) {
      found.push({ kind, match: previous.match });
      continue;
    }
    found.push({ kind, match: { start: m.index, end, detail: `health record field (${kind})` } });
    if (found.length >= MAX_MATCHES) break;
  }
  const kinds = new Set(found.map((f) => f.kind));
  const anchored = kinds.has('medicalId') || kinds.has('clinical');
  if (!anchored || kinds.size < 2) return [];
  return [...new Set(found.map((f) => f.match))].sort((a, b) => a.start - b.start);
}
