import type { DetectorMatch } from '../../detector.js';
import { dropOverlaps, findSecrets, hasRunOf, isBase64Char } from './find-secrets.js';
import { looksRandom } from './secret-value.js';

/**
 * AWS secret access keys are 40 base64 characters with no prefix, so they count only next to a
 * name that says what they are (`aws_secret_access_key = ...`, `"SecretAccessKey": "..."`), right
 * after an access key id (a credentials CSV row or `id:secret` pair), or shortly after the words
 * "aws" or "secret" ("here is my AWS secret: ...").
 */
const NAMED =
  /(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws_?secret)["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
/**
 * A lone 40-char base64 value; it counts only when "aws" or "secret" comes shortly before it, and
 * when it is not part of a URL or a path of words (documentation links name AWS too).
 */
const BARE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const BARE_CONTEXT = /\baws\b|secret/i;
/** Any of the contexts above, as one case-sensitive literal search. */
const PREFILTER = /aws|AWS|Aws|secret|Secret|SECRET|AKIA|ASIA/;
const AFTER_KEY_ID =
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}["']?\s*[,;:|\t ]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

/** A `/`-separated part of a path: a word, maybe with a version number (`AWSEC2`, `v2`, `latest`). */
const PLAIN_WORD = /^[A-Za-z]*[0-9]*$/;
/** Characters that end a URL in text; how far back one is looked for. */
const URL_END = new Set([...' \t\n\r"\'`<>()[]{},']);
const MAX_URL_CHARS = 2048;

function isSecretKey(secret: string): boolean {
  return looksRandom(secret, { minEntropy: 4.0, minKinds: 3 });
}

/**
 * Whether a lone run at `start` is a path rather than a key: a run of plain words between slashes
 * (`com/AWSEC2/latest/UserGuide/instancedata`), or the part of a URL before its query.
 */
function isPath(run: string, text: string, start: number): boolean {
  if (run.includes('/') && run.split('/').every((part) => PLAIN_WORD.test(part))) return true;
  let from = start;
  while (from > 0 && start - from < MAX_URL_CHARS && !URL_END.has(text[from - 1]!)) from--;
  const token = text.slice(from, start);
  const scheme = token.indexOf('://');
  if (scheme === -1) return false;
  // Query values (`?secret=...`) and user info (`s3://id:secret@bucket`) may still hold a key.
  const before = token.slice(scheme + 3);
  return !/[?#=@]/.test(before) && !before.endsWith(':');
}

export function findAwsSecretKeys(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  // Every key found here is a run of 40 base64 characters.
  if (!PREFILTER.test(text) || !hasRunOf(text, 40, isBase64Char)) return matches;
  matches.push(...findSecrets(text, NAMED, 'AWS secret access key', isSecretKey));
  matches.push(
    ...findSecrets(
      text,
      BARE,
      'AWS secret access key after "aws" or "secret"',
      (secret, m) =>
        isSecretKey(secret) &&
        BARE_CONTEXT.test(text.slice(Math.max(0, m.index - 100), m.index)) &&
        !isPath(secret, text, m.index),
    ),
  );
  if (/AKIA|ASIA/.test(text)) {
    matches.push(...findSecrets(text, AFTER_KEY_ID, 'AWS secret access key next to its key id', isSecretKey));
  }
  return dropOverlaps(matches);
}
