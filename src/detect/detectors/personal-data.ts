import type { Detector, DetectorMatch, FieldRole } from '../detector.js';
import { findEmails, findPhones } from './text/contact-details.js';
import { scanWindow } from './text/find-phrases.js';
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

function piiDetector(
  id: string,
  roles: readonly FieldRole[],
  find: (text: string) => DetectorMatch[],
): Detector {
  return { id, roles, detect: (field) => find(scanWindow(field.value)) };
}

export const personalDataDetectors: readonly Detector[] = [
  piiDetector('personal-data.email', CONTENT_ROLES, findEmails),
  piiDetector('personal-data.phone', CONTENT_ROLES, findPhones),
  piiDetector('personal-data.payment-card', ALL_ROLES, findCardNumbers),
  piiDetector('personal-data.us-ssn', ALL_ROLES, findUsSsns),
  piiDetector('personal-data.uk-nino', ALL_ROLES, findUkNinos),
  piiDetector('personal-data.iban', ALL_ROLES, findIbans),
];
