import type { DetectorMatch } from '../../detector.js';
import { matchesIn } from '../text/regex-matches.js';

/**
 * A Google Cloud service account key file: JSON with `"type": "service_account"` and a
 * `"private_key"`. The private key value is the secret (the PEM rule also sees the block; this
 * rule says whose key it is).
 */
const PRIVATE_KEY_VALUE = /"private_key"\s*:\s*"(-----BEGIN [A-Z ]*PRIVATE KEY-----[^"]{64,16384})(?=")/g;

export function findServiceAccountKeys(text: string): DetectorMatch[] {
  if (!text.includes('service_account') || !text.includes('"private_key"')) return [];
  if (!/"type"\s*:\s*"service_account"/.test(text)) return [];
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(PRIVATE_KEY_VALUE, text)) {
    const key = m[1]!;
    if (/\.\.\.|xxxx|your|example/i.test(key)) continue;
    const end = m.index + m[0].length;
    matches.push({ start: end - key.length, end, secret: true, detail: 'GCP service account private key' });
  }
  return matches;
}
