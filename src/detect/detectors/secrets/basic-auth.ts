import type { DetectorMatch } from '../../detector.js';
import { dropOverlaps, findSecrets } from './find-secrets.js';
import { isPlaceholder } from './secret-value.js';

/**
 * HTTP Basic credentials: an `Authorization: Basic <base64 user:password>` header, or a password
 * given to curl/wget on the command line (`-u user:pass`, `--user=user:pass`, `--password=...`).
 */
const BASIC_HEADER = /\bBasic\s+([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g;
const CLI_USER =
  /(?:^|\s)(?:-u|--user|--proxy-user)[\s=]+["']?[^\s:"'@]{1,64}:([^\s"'@]{3,128})(?=["']?(?:\s|$))/g;
const CLI_PASSWORD = /(?:^|\s)--(?:http-|ftp-)?password[\s=]+["']?([^\s"']{3,128})(?=["']?(?:\s|$))/g;

/** A password given in clear: not a placeholder, a reference or the word "password". */
export function isPassword(password: string): boolean {
  return !isPlaceholder(password) && !/^(?:pass(?:word)?|secret|pwd|x+)$/i.test(password);
}

/** The password inside a base64 `user:password` pair, or null when it is not one. */
function basicPassword(encoded: string): string | null {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return null;
  return decoded.slice(colon + 1);
}

export function findBasicCredentials(text: string): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  if (/Basic/.test(text)) {
    matches.push(
      ...findSecrets(text, BASIC_HEADER, 'HTTP Basic credentials', (encoded) => {
        const password = basicPassword(encoded);
        return password !== null && password.length >= 3 && isPassword(password);
      }),
    );
  }
  if (/-u|--user|password/.test(text)) {
    matches.push(...findSecrets(text, CLI_USER, 'password on a command line', isPassword));
    matches.push(...findSecrets(text, CLI_PASSWORD, 'password on a command line', isPassword));
  }
  return dropOverlaps(matches);
}
