import type { DetectorMatch } from '../../detector.js';
import { dropOverlaps, findSecrets } from './find-secrets.js';
import { isPlaceholder } from './secret-value.js';

/**
 * HTTP Basic credentials: an `Authorization: Basic <base64 user:password>` header (any case of
 * the scheme, as in git's `extraheader = AUTHORIZATION: basic ...`), a registry login, or a password
 * given to curl/wget on the command line (`-u user:pass`, `--user=user:pass`, `--password=...`).
 */
const BASIC_HEADER = /\b(?:Basic|basic|BASIC)\s+([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g;
/**
 * Docker's `config.json` keeps each registry login as `"auth": "<base64 user:password>"`; parsed
 * JSON reaches the detector as a field named `auth` holding the base64 alone.
 */
const DOCKER_AUTH = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,400}={0,2})(?=")/g;
const AUTH_KEYS: ReadonlySet<string> = new Set(['auth', 'basic_auth', 'basicauth']);
const WHOLE_BASE64 = /^([A-Za-z0-9+/]{8,400}={0,2})$/g;
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

/** True when base64 text decodes to `user:password` with a real password. */
function encodesPassword(encoded: string): boolean {
  const password = basicPassword(encoded);
  return password !== null && password.length >= 3 && isPassword(password);
}

/** True for a field name whose value is a base64 `user:password` pair (`auth` in Docker's config). */
export function isBasicAuthKey(key: string): boolean {
  return AUTH_KEYS.has(key);
}

export function findBasicCredentials(text: string, key = ''): DetectorMatch[] {
  const matches: DetectorMatch[] = [];
  if (/basic/i.test(text)) {
    matches.push(...findSecrets(text, BASIC_HEADER, 'HTTP Basic credentials', encodesPassword));
  }
  if (text.includes('"auth"')) {
    matches.push(...findSecrets(text, DOCKER_AUTH, 'registry login (base64 user:password)', encodesPassword));
  }
  if (isBasicAuthKey(key)) {
    matches.push(
      ...findSecrets(text, WHOLE_BASE64, 'registry login (base64 user:password)', encodesPassword),
    );
  }
  if (/-u|--user|password/.test(text)) {
    matches.push(...findSecrets(text, CLI_USER, 'password on a command line', isPassword));
    matches.push(...findSecrets(text, CLI_PASSWORD, 'password on a command line', isPassword));
  }
  return dropOverlaps(matches);
}
