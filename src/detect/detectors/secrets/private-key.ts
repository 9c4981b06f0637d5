import type { DetectorMatch } from '../../detector.js';
import { matchesIn } from '../text/regex-matches.js';

/**
 * PEM private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP), with real or JSON-escaped
 * line breaks (`\n`, or `\\n` when the JSON sits in a string of other JSON). The whole block is the
 * secret, so redaction removes it all; a block cut off before its END line still counts when
 * enough key material follows the header.
 */
const BEGIN =
  /-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----/g;
/** Key material between the lines: base64 plus line breaks (real or escaped) and PEM headers. */
const MIN_KEY_CHARS = 64;
const MAX_BLOCK_CHARS = 16_384;

export function findPrivateKeys(text: string): DetectorMatch[] {
  if (!text.includes('PRIVATE KEY')) return [];
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(BEGIN, text)) {
    const bodyStart = m.index + m[0].length;
    const footer = `-----END ${m[1]}-----`;
    const endAt = text.indexOf(footer, bodyStart);
    const limit = Math.min(text.length, bodyStart + MAX_BLOCK_CHARS);
    const bodyEnd = endAt !== -1 && endAt <= limit ? endAt : materialEnd(text, bodyStart, limit);
    if (!isKeyMaterial(text.slice(bodyStart, bodyEnd))) continue;
    const end = endAt === bodyEnd ? endAt + footer.length : bodyEnd;
    matches.push({ start: m.index, end, secret: true, detail: `PEM ${m[1]!.toLowerCase()} block` });
  }
  return matches;
}

/** Where base64 key material stops when the END line is missing. */
function materialEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[A-Za-z0-9+/=\s\\:,-]/.test(text[i]!)) {
    if (text.startsWith('-----', i)) break;
    i++;
  }
  return i;
}

function isKeyMaterial(body: string): boolean {
  // `\\+[nr]`: a line break escaped once (`\n`) or more (`\\n`, a JSON string inside a JSON string).
  const material = body.replace(/\\+[nr]|\s|Proc-Type:[^\n\\]*|DEK-Info:[^\n\\]*/g, '');
  if (material.length < MIN_KEY_CHARS || /\.\.\.|xxxx|<|>|your|example/i.test(material)) return false;
  return /^[A-Za-z0-9+/=]+$/.test(material.slice(0, 200));
}
