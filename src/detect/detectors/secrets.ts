import type { Detector, DetectorMatch, FieldRole, ScanField } from '../detector.js';
import { findAwsSecretKeys } from './secrets/aws-secret-key.js';
import { findAzureKeys, findAzureSasTokens } from './secrets/azure-key.js';
import { findBasicCredentials, isBasicAuthKey } from './secrets/basic-auth.js';
import { COMMAND_LINE_PASSWORD_TRIGGERS, findCommandLinePasswords } from './secrets/command-line-password.js';
import { findUrlCredentials } from './secrets/connection-string.js';
import { dropOverlaps, scanText } from './secrets/find-secrets.js';
import { findServiceAccountKeys } from './secrets/gcp-service-account.js';
import { ASSIGNMENT_TRIGGERS, findSecretAssignments } from './secrets/generic-assignment.js';
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

interface SecretGate {
  /** The shortest value that can hold this kind of secret; shorter ones are skipped. */
  readonly minLength: number;
  /**
   * Strings (case-sensitive) one of which every match's value holds: the detector's own prefilter
   * requires one. The engine checks them for all detectors in one scan (Detector.triggers).
   */
  readonly literals: readonly string[];
  /** A secret-named key (`password`, `api_token`) is enough on its own. */
  readonly orKey?: boolean;
  /** A key this accepts is enough on its own (Detector.triggers.keys). */
  readonly keys?: (key: string) => boolean;
}

function secretDetector(
  id: string,
  gate: SecretGate,
  find: (text: string, field: ScanField) => DetectorMatch[],
): Detector {
  const { minLength } = gate;
  return {
    id,
    roles: ANY_ROLE,
    triggers: gate,
    detect: (field) => (field.value.length < minLength ? [] : find(scanText(field.value), field)),
  };
}

export const secretsDetectors: readonly Detector[] = [
  ...TOKEN_KINDS.map((kind) =>
    secretDetector(kind.id, { minLength: kind.minLength, literals: kind.triggers }, (text) =>
      findTokens(kind, text),
    ),
  ),
  secretDetector(
    'secrets.aws-secret-access-key',
    { minLength: 40, literals: ['aws', 'AWS', 'Aws', 'secret', 'Secret', 'SECRET', 'AKIA', 'ASIA'] },
    findAwsSecretKeys,
  ),
  secretDetector(
    'secrets.gcp-service-account-key',
    { minLength: 100, literals: ['service_account'] },
    findServiceAccountKeys,
  ),
  secretDetector(
    'secrets.azure-storage-key',
    { minLength: 50, literals: ['AccountKey', 'SharedAccessKey'] },
    findAzureKeys,
  ),
  secretDetector('secrets.azure-sas-token', { minLength: 40, literals: ['sig='] }, findAzureSasTokens),
  secretDetector('secrets.private-key', { minLength: 100, literals: ['PRIVATE KEY'] }, findPrivateKeys),
  secretDetector('secrets.jwt', { minLength: 50, literals: ['eyJ'] }, findJwts),
  secretDetector(
    'secrets.connection-string-password',
    { minLength: 10, literals: ['://'] },
    findUrlCredentials,
  ),
  secretDetector(
    'secrets.basic-auth',
    {
      minLength: 12,
      literals: ['Basic', 'basic', 'BASIC', '"auth"', '-u', 'password', ...COMMAND_LINE_PASSWORD_TRIGGERS],
      keys: isBasicAuthKey,
    },
    (text, field) =>
      dropOverlaps([...findBasicCredentials(text, field.key), ...findCommandLinePasswords(text)]),
  ),
  secretDetector(
    'secrets.generic-assignment',
    { minLength: 8, literals: ASSIGNMENT_TRIGGERS, orKey: true },
    (text, field) => findSecretAssignments(field, text),
  ),
];
