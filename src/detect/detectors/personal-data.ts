import type { Detector, DetectorMatch, FieldRole, ScanField } from '../detector.js';
import { findEmails, findPhones } from './text/contact-details.js';
import { scanWindow } from './text/find-phrases.js';
import { findHealthRecords } from './text/health-record.js';
import { findIbans } from './text/iban.js';
import { findUkNinos, findUsSsns } from './text/national-id.js';
import { findCardNumbers } from './text/payment-card.js';

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
  'to cc bcc from sender reply_to recipient recipients attendees participants invitees members assignee assignees reviewers owner email emails phone phone_number'.split(
    ' ',
  ),
);

type Find = (text: string, field: ScanField) => DetectorMatch[];

function piiDetector(id: string, roles: readonly FieldRole[], find: Find): Detector {
  return { id, roles, detect: (field) => find(scanWindow(field.value), field) };
}

function contactDetector(id: string, find: (text: string) => DetectorMatch[]): Detector {
  return piiDetector(id, CONTENT_ROLES, (text, field) => (ADDRESS_KEYS.has(field.key) ? [] : find(text)));
}

export const personalDataDetectors: readonly Detector[] = [
  contactDetector('personal-data.email', findEmails),
  contactDetector('personal-data.phone', findPhones),
  piiDetector('personal-data.payment-card', ALL_ROLES, findCardNumbers),
  piiDetector('personal-data.us-ssn', ALL_ROLES, (text, field) => findUsSsns(text, field.key)),
  piiDetector('personal-data.uk-nino', ALL_ROLES, findUkNinos),
  piiDetector('personal-data.iban', ALL_ROLES, findIbans),
  piiDetector('personal-data.health-record', CONTENT_ROLES, findHealthRecords),
];
