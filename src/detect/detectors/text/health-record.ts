import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * Health records (PHI): labelled fields such as "DOB:", "MRN:", "Diagnosis:". One label alone is
 * common ("Date of birth" on a form); a record ties an identifier to health information, so a
 * match needs a medical identifier or a clinical field together with one other kind of field.
 */

/** One pass for all labels; the named group says which kind of field matched. */
const LABEL = new RegExp(
  [
    '(?<identity>\\bpatient(?:\\s+name)?)',
    '(?<birth>\\b(?:DOB|D\\.O\\.B\\.|date\\s+of\\s+birth|birth\\s*date))',
    '(?<medicalId>\\b(?:MRN|medical\\s+record\\s+(?:number|no\\.?|#)|(?:insurance|health\\s+plan|medicare|medicaid)\\s+(?:member\\s+)?(?:id|number|no\\.?)|member\\s+id|NHS\\s+(?:number|no\\.?)))',
    '(?<clinical>\\b(?:diagnos[ie]s|dx|ICD-?10(?:\\s+codes?)?|medications?|prescriptions?|allerg(?:y|ies)|treatment|conditions?))',
  ]
    .map((group) => `${group}\\s*[:#]`)
    .join('|'),
  'gi',
);
const LABEL_PROBE = new RegExp(LABEL.source, 'i');
type Kind = 'identity' | 'birth' | 'medicalId' | 'clinical';
const KINDS: readonly Kind[] = ['identity', 'birth', 'medicalId', 'clinical'];

/** The value of a labelled field runs to the end of its line, at most this far. */
const MAX_VALUE = 120;

/** Labelled health-record fields, when `text` holds a record and not a stray label. */
export function findHealthRecords(text: string): DetectorMatch[] {
  if (!LABEL_PROBE.test(text)) return [];
  const found: { kind: Kind; match: DetectorMatch }[] = [];
  for (const m of matchesIn(LABEL, text)) {
    const kind = KINDS.find((name) => m.groups?.[name] !== undefined) ?? 'identity';
    const valueStart = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', valueStart);
    const end = Math.min(lineEnd === -1 ? text.length : lineEnd, valueStart + MAX_VALUE);
    if (text.slice(valueStart, end).trim() === '') continue;
    found.push({ kind, match: { start: m.index, end, detail: `health record field (${kind})` } });
    if (found.length >= MAX_MATCHES) break;
  }
  const kinds = new Set(found.map((f) => f.kind));
  const anchored = kinds.has('medicalId') || kinds.has('clinical');
  if (!anchored || kinds.size < 2) return [];
  return found.map((f) => f.match).sort((a, b) => a.start - b.start);
}
