import type { DetectorMatch } from '../../detector.js';
import { dropOverlaps, findSecrets } from './find-secrets.js';
import { looksRandom } from './secret-value.js';

/**
 * AWS secret access keys are 40 base64 characters with no prefix, so they count only next to a
 * name that says what they are (`aws_secret_access_key = ...`, `"SecretAccessKey": "..."`), right
 * after an access key id (a credentials CSV row or `id:secret` pair), or shortly after the words
 * "aws" or "secret" ("here is my AWS secret: ...").
 */
const NAMED =
  /(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws_?secret)["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
/** A lone 40-char base64 value; it counts only when "aws" or "secret" comes shortly before it. */
const BARE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const BARE_CONTEXT = /\baws\b|secret/i;
/** Any of the contexts above, as one case-sensitive literal search. */
const PREFILTER = /aws|AWS|Aws|secret|Secret|SECRET|AKIA|ASIA/;
const AFTER_KEY_ID =
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}["']?\s*[,;:|\t ]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

function isSecretKey(secret: string): boolean {
  return looksRandom(secret, { minEntropy: 4.0, minKinds: 3 });
}

/** Whether `text` holds 40 base64 characters in a row: every key this file finds is such a run. */
function hasKeyRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a-z, A-Z, / and 0-9 (adjacent codes), +
    const base64 = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 47 && c <= 57) || c === 43;
    run = base64 ? run + 1 : 0;
    if (run >= 40) return true;
  }
  return false;
}

export function findAwsSecretKeys(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  if (!PREFILTER.test(text) || !hasKeyRun(text)) return matches;
  matches.push(...findSecrets(text, NAMED, 'AWS secret access key', isSecretKey));
  matches.push(
    ...findSecrets(
      text,
      BARE,
      'AWS secret access key after "aws" or "secret"',
      (secret, m) =>
        isSecretKey(secret) && BARE_CONTEXT.test(text.slice(Math.max(0, m.index - 100), m.index)),
    ),
  );
  if (/AKIA|ASIA/.test(text)) {
    matches.push(...findSecrets(text, AFTER_KEY_ID, 'AWS secret access key next to its key id', isSecretKey));
  }
  return dropOverlaps(matches);
}
