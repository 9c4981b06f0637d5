import type {
  Detector,
  DetectorMatch,
  DetectorTriggers,
  FieldRole,
  ScanContext,
  ScanField,
} from '../detector.js';
import { findBirthDates, isBirthDateColumn } from './text/birth-dates.js';
import { findEmails, findPhones } from './text/contact-details.js';
import { scanWindow } from './text/find-phrases.js';
import { findHealthRecords, isMedicalRecordKey } from './text/health-record.js';
import { findIbans, IBAN_CONTEXT_WORDS } from './text/iban.js';
import { findCheckedIds, findUkNinos, findUsSsns, isSsnKey } from './text/national-id.js';
import { findOtherNationalIds, idsNamedByQuery, isNationalIdKey, NO_IDS } from './text/other-national-ids.js';
import {
  DRIVING_LICENCE_TRIGGERS,
  documentsNamed,
  findDocumentColumns,
  findDrivingLicenceNumbers,
  findPassportNumbers,
  isDrivingLicenceKey,
  isPassportKey,
  NO_DOCUMENTS,
} from './text/passport-number.js';
import { findCardNumbers } from './text/payment-card.js';
import { isPhoneColumn, PHONE_COLUMN_TRIGGERS } from './text/phone-columns.js';
import { queryNames, queryNamesAny } from './text/query-columns.js';

/**
 * Personal data in any value. Every match is checked (Luhn, mod 97, SSA and HMRC rules) so that
 * ids and hashes stay clean; thresholds for common contact details live in the rule data
 * (`minMatches`), not here. PII is not a secret: matches are never marked `secret`.
 */

const ALL_ROLES: readonly FieldRole[] = [
  'prompt',
  'response',
  'tool_description',
  'argument',
  'metadata',
  'identity',
];
/** A user or agent name field holding an email address is expected, not a leak. */
const CONTENT_ROLES: readonly FieldRole[] = [
  'prompt',
  'response',
  'tool_description',
  'argument',
  'metadata',
];

/**
 * Fields that route a message or an invite (`to`, `attendees`): contact details there are the
 * addressing, not data being leaked, so emails and phone numbers in them are not counted.
 */
const ADDRESS_KEYS: ReadonlySet<string> = new Set(
  'to cc bcc from sender reply_to recipient recipients attendees participants invitees members assignee assignees reviewers owner'.split(
    ' ',
  ),
);
/**
 * A tool's `email` or `phone` argument addresses one message or account; in a tool's output the
 * same keys are the columns of a contact list (`[{"name": ..., "phone": ...}, ...]`), except a
 * commit's author and committer.
 */
const CONTACT_KEYS: ReadonlySet<string> = new Set(['email', 'emails', 'phone', 'phone_number']);
const COMMIT_PERSON = /\.(?:author|committer|tagger)\./;

function isAddressing(field: ScanField): boolean {
  if (ADDRESS_KEYS.has(field.key)) return true;
  if (!CONTACT_KEYS.has(field.key)) return false;
  return field.role !== 'response' || COMMIT_PERSON.test(field.path);
}

type Find = (text: string, field: ScanField, context: ScanContext) => DetectorMatch[];

/*
 * Prefilter triggers (Detector.triggers): each is a necessary condition of its finder's own
 * patterns, on the raw value (these finders decode nothing).
 */
/** Four digits in a row: findCardNumbers' own probe (`\d{4}`) requires them; two is the shape. */
const DIGIT_PAIR = 'dd';
/**
 * Phones: international ones start `+` and a digit; North American ones end `ddd-dddd` or
 * `ddd.dddd`; national ones group digits with spaces or dots.
 */
const PHONE_TRIGGERS: DetectorTriggers = {
  minLength: 9,
  shapes: ['+d', 'd-d', 'd.d', 'd d'],
  // Bare numbers count under a phone column: its header's name, or the query's.
  caseless: PHONE_COLUMN_TRIGGERS,
  context: (context) => queryNamesAny(context.query, isPhoneColumn),
};
/**
 * SSNs: dashed ones hold `d-d`; named ones "SSN", "social security" or "SS#"; a bare number counts
 * only under an SSN key (findUsSsns).
 */
const SSN_TRIGGERS: DetectorTriggers = {
  minLength: 9,
  shapes: ['d-d'],
  caseless: ['ssn', 'social', 'ss#'],
  keys: isSsnKey,
  context: (context) => queryNamesAny(context.query, isSsnKey),
};
/**
 * An IBAN starts with its country code and two digits (a typed lowercase one needs a banking
 * word nearby); a NINO's prefix letter is followed by a digit, or by a space and a digit when
 * grouped (both case-sensitive patterns).
 */
const IBAN_TRIGGERS: DetectorTriggers = { minLength: 12, shapes: ['Ad'], caseless: [...IBAN_CONTEXT_WORDS] };
const NINO_TRIGGERS: DetectorTriggers = { minLength: 9, shapes: ['Ad', 'A d'] };
/**
 * Every match needs its name in the text, which holds one of these as a whole word (`num` of
 * "numéro": é is no word character to a RegExp without `u`; `sociale` of "sécurité sociale"), or
 * a passport or driver's licence label anywhere (`passport_number`, `Driver's License No.`), or
 * sits in a field named for it (`cpf`, `passport_no`, `drivers_license`); `sin` inside "using" opens
 * nothing. The shortest match is a 5-character licence number in its own field.
 */
const NATIONAL_ID_TRIGGERS: DetectorTriggers = {
  minLength: 5,
  words: [
    'aadhaar',
    'aadhar',
    'uidai',
    'uid',
    'dni',
    'nie',
    'nif',
    'documento',
    'sin',
    'social',
    'num',
    'nas',
    'cpf',
    'nir',
    'insee',
    'sociale',
    'numero',
    'idnr',
    'bsn',
    'burgerservicenummer',
    'sofi',
    'sofinummer',
    'pesel',
    'personnummer',
    'personnr',
    'samordningsnummer',
  ],
  // `steuer` starts every Steuer-ID label but "Steuer-ID", "Steueridentifikationsnummer" and
  // "steuerliche" are not all one word.
  caseless: [
    'passport',
    'passeport',
    'pasaporte',
    'passaporto',
    'reisepass',
    'steuer',
    // Chinese resident ids: 身份证 (identity card) and the English and pinyin labels.
    '身份',
    '公民身份',
    'id card',
    'idcard',
    'id-card',
    'id_card',
    'resident id',
    'shenfenzheng',
    'sfz',
    ...DRIVING_LICENCE_TRIGGERS,
  ],
  keys: (key) => isNationalIdKey(key) || isPassportKey(key) || isDrivingLicenceKey(key),
  context: (context) =>
    idsNamedByQuery(context.query).length > 0 || documentsNamed(queryNames(context.query)) !== NO_DOCUMENTS,
};
/**
 * A codice fiscale holds its birth year then month letter (`85M`), a NIE or DNI its digits then
 * the check letter: each a digit followed by a capital.
 */
const CHECKED_ID_TRIGGERS: DetectorTriggers = { minLength: 9, shapes: ['dA'] };
/** A health record needs a medical-id or clinical label; these words start every one of them. */
const HEALTH_ANCHORS = [
  'mrn',
  'medic',
  'insurance',
  'health',
  'member',
  'nhs',
  'diagnos',
  'dx',
  'icd',
  'prescription',
  'allerg',
  'treatment',
  'condition',
];

/** Every birth-date label and column name holds one of these (`dob`, `date_of_birth`, `Geburtsdatum`). */
const BIRTH_DATE_TRIGGERS: DetectorTriggers = {
  minLength: 30,
  caseless: ['dob', 'd.o.b', 'birth', 'geburtsdatum', 'naissance', 'nacimiento', 'nascita'],
  context: (context) => queryNamesAny(context.query, isBirthDateColumn),
};

/**
 * National identity, passport and driver's licence numbers; a field's own name may stand for
 * their label. A document number overlapping a checked national id gives way to it.
 */
function findNationalIds(text: string, field: ScanField, context: ScanContext): DetectorMatch[] {
  // A result's numbers are named by the query that asked for them.
  const response = field.role === 'response';
  const documents = withoutOverlaps([
    ...findPassportNumbers(text, field.key),
    ...findDrivingLicenceNumbers(text, field.key),
    ...findDocumentColumns(text, response ? documentsNamed(queryNames(context.query)) : NO_DOCUMENTS),
  ]);
  const queried = response ? idsNamedByQuery(context.query) : NO_IDS;
  const ids = findOtherNationalIds(text, field.key, queried);
  if (documents.length === 0) return ids;
  const kept: DetectorMatch[] = [...ids];
  for (const doc of documents) {
    if (!kept.some((other) => other.start < doc.end && doc.start < other.end)) kept.push(doc);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The matches in order, each dropped that overlaps one before it (a labelled passport in its own column). */
function withoutOverlaps(matches: DetectorMatch[]): DetectorMatch[] {
  const kept: DetectorMatch[] = [];
  for (const match of matches.sort((a, b) => a.start - b.start)) {
    if (!kept.some((other) => other.start < match.end && match.start < other.end)) kept.push(match);
  }
  return kept;
}

function piiDetector(
  id: string,
  roles: readonly FieldRole[],
  find: Find,
  triggers?: DetectorTriggers,
): Detector {
  const detect = (field: ScanField, context: ScanContext): DetectorMatch[] =>
    find(scanWindow(field.value), field, context);
  return triggers ? { id, roles, triggers, detect } : { id, roles, detect };
}

function contactDetector(
  id: string,
  find: (text: string) => DetectorMatch[],
  triggers: DetectorTriggers,
): Detector {
  return piiDetector(id, CONTENT_ROLES, (text, field) => (isAddressing(field) ? [] : find(text)), triggers);
}

export const personalDataDetectors: readonly Detector[] = [
  contactDetector('personal-data.email', findEmails, { literals: ['@'] }),
  piiDetector(
    'personal-data.phone',
    CONTENT_ROLES,
    (text, field, context) =>
      isAddressing(field)
        ? []
        : findPhones(text, field.role === 'response' && queryNamesAny(context.query, isPhoneColumn)),
    PHONE_TRIGGERS,
  ),
  piiDetector('personal-data.payment-card', ALL_ROLES, findCardNumbers, {
    minLength: 13,
    shapes: [DIGIT_PAIR],
  }),
  piiDetector(
    'personal-data.us-ssn',
    ALL_ROLES,
    (text, field, context) =>
      findUsSsns(text, field.key, field.role === 'response' && queryNamesAny(context.query, isSsnKey)),
    SSN_TRIGGERS,
  ),
  piiDetector('personal-data.uk-nino', ALL_ROLES, findUkNinos, NINO_TRIGGERS),
  piiDetector('personal-data.iban', ALL_ROLES, findIbans, IBAN_TRIGGERS),
  piiDetector('personal-data.national-id', ALL_ROLES, findNationalIds, NATIONAL_ID_TRIGGERS),
  piiDetector('personal-data.checked-id', ALL_ROLES, findCheckedIds, CHECKED_ID_TRIGGERS),
  piiDetector(
    'personal-data.health-record',
    CONTENT_ROLES,
    (text, field) => findHealthRecords(text, field.key),
    { caseless: HEALTH_ANCHORS, keys: isMedicalRecordKey },
  ),
  piiDetector(
    'personal-data.birth-dates',
    CONTENT_ROLES,
    (text, field, context) =>
      findBirthDates(text, field.role === 'response' && queryNamesAny(context.query, isBirthDateColumn)),
    BIRTH_DATE_TRIGGERS,
  ),
];
