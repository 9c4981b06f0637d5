import type { Detector, DetectorMatch, FieldRole, ScanField } from '../detector.js';
import { findAwsSecretKeys } from './secrets/aws-secret-key.js';
import { findAzureKeys, findAzureSasTokens } from './secrets/azure-key.js';
import { findBasicCredentials } from './secrets/basic-auth.js';
import { findUrlCredentials } from './secrets/connection-string.js';
import { scanText } from './secrets/find-secrets.js';
import { findServiceAccountKeys } from './secrets/gcp-service-account.js';
import { findSecretAssignments } from './secrets/generic-assignment.js';
import { findJwts } from './secrets/jwt.js';
import { findPrivateKeys } from './secrets/private-key.js';
import { findTokens, TOKEN_KINDS } from './secrets/provider-tokens.js';

/**
 * Credentials in any value of an event: a secret is a leak wherever it sits, in a prompt, a tool
 * result, an argument or a name. Every match is marked `secret`, so the engine masks it in
 * evidence and fingerprints it; placeholders and documented example keys never match.
 */

const ANY_ROLE: readonly FieldRole[] = [
  'prompt',
  'response',
  'tool_description',
  'argument',
  'metadata',
  'identity',
];

/** `minLength`: the shortest value that can hold this kind of secret; shorter ones are skipped. */
function secretDetector(
  id: string,
  minLength: number,
  find: (text: string, field: ScanField) => DetectorMatch[],
): Detector {
  return {
    id,
    roles: ANY_ROLE,
    detect: (field) => (field.value.length < minLength ? [] : find(scanText(field.value), field)),
  };
}

export const secretsDetectors: readonly Detector[] = [
  ...TOKEN_KINDS.map((kind) => secretDetector(kind.id, kind.minLength, (text) => findTokens(kind, text))),
  secretDetector('secrets.aws-secret-access-key', 40, findAwsSecretKeys),
  secretDetector('secrets.gcp-service-account-key', 100, findServiceAccountKeys),
  secretDetector('secrets.azure-storage-key', 50, findAzureKeys),
  secretDetector('secrets.azure-sas-token', 40, findAzureSasTokens),
  secretDetector('secrets.private-key', 100, findPrivateKeys),
  secretDetector('secrets.jwt', 50, findJwts),
  secretDetector('secrets.connection-string-password', 10, findUrlCredentials),
  secretDetector('secrets.basic-auth', 12, findBasicCredentials),
  secretDetector('secrets.generic-assignment', 8, (text, field) => findSecretAssignments(field, text)),
];
