import type { DetectorMatch } from '../../detector.js';
import { matchesIn } from '../text/regex-matches.js';

/** Three base64url parts; the header must decode to a JSON object naming an `alg`. */
const JWT = /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,2000}(?![A-Za-z0-9_-])/g;

export function findJwts(text: string): DetectorMatch[] {
  if (!text.includes('eyJ')) return [];
  const matches: DetectorMatch[] = [];
  for (const m of matchesIn(JWT, text)) {
    const [header, payload] = m[0].split('.');
    const alg = algOf(header!);
    if (alg === null || alg.toLowerCase() === 'none' || !isRealPayload(payload!)) continue;
    matches.push({
      start: m.index,
      end: m.index + m[0].length,
      secret: true,
      detail: `JSON Web Token (${alg})`,
    });
  }
  return matches;
}

function algOf(part: string): string | null {
  const header = decode(part);
  if (typeof header !== 'object' || header === null) return null;
  const alg = (header as { alg?: unknown }).alg;
  return typeof alg === 'string' && alg.length <= 20 ? alg : null;
}

/** A JSON object, and not jwt.io's documented example (`"sub": "1234567890", "name": "John Doe"`). */
function isRealPayload(part: string): boolean {
  const value = decode(part);
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as { sub?: unknown; name?: unknown };
  return !(claims.sub === '1234567890' && claims.name === 'John Doe');
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
