import type { DetectorMatch } from '../../detector.js';
import { findSecrets } from './find-secrets.js';
import { looksRandom } from './secret-value.js';

/**
 * Azure storage account keys (88 base64 chars in `AccountKey=`), Service Bus / Event Hubs
 * `SharedAccessKey=` values, and the `sig=` of a storage SAS token (next to its `sv=` version).
 */
const ACCOUNT_KEY = /\b(?:AccountKey|SharedAccessKey)\s*=\s*([A-Za-z0-9+/]{42,86}={0,2})(?![A-Za-z0-9+/=])/g;
const SAS_SIGNATURE = /[?&;]sig=([A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})(?![A-Za-z0-9%+/=])/gi;

function isKey(secret: string): boolean {
  return looksRandom(secret, { minEntropy: 4.0, minKinds: 3 });
}

export function findAzureKeys(text: string): DetectorMatch[] {
  if (!text.includes('AccountKey') && !text.includes('SharedAccessKey')) return [];
  return findSecrets(text, ACCOUNT_KEY, 'Azure storage or Service Bus key', isKey);
}

export function findAzureSasTokens(text: string): DetectorMatch[] {
  if (!text.includes('sig=') || !/[?&;]sv=\d{4}-\d{2}-\d{2}/.test(text)) return [];
  return findSecrets(text, SAS_SIGNATURE, 'Azure shared access signature', (secret) =>
    isKey(decodeURIComponentSafe(secret)),
  );
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
