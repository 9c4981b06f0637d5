import type { DetectorMatch, ScanField } from '../../detector.js';

/**
 * NoSQL operator injection (MongoDB and look-alikes). A login or lookup field that arrives as an
 * operator (`{"password": {"$ne": ""}}`, `password[$ne]=x`) matches every record instead of one;
 * a `$where`/`$function` clause runs JavaScript on the server (`sleep(5000) || true` is the
 * time-based probe). Tools that accept a MongoDB filter as such take `$gt` on a date every day,
 * so an operator counts only under a credential or identity key.
 */

/** Operators that turn an equality on a value into "anything but" or "anything like". */
const MATCH_ANY = new Set(['$ne', '$gt', '$gte', '$lt', '$lte', '$regex', '$nin', '$exists', '$in', '$not']);
/** Operators whose value is JavaScript the database runs. */
const SERVER_JS = new Set(['$where', '$function', '$accumulator']);
/** Keys that name one account or secret: an operator there is an authentication bypass. */
const LOGIN_KEY =
  /^(?:password|passwd|pass|pwd|passcode|pin|otp|token|secret|api_?key|username|user_?name|user|login|email|e-mail|account|user_?id)$/i;
/** JavaScript a query never needs: delays, loops, or a clause forced true. */
const JS_PROBE = /\bsleep\s*\(|\bwhile\s*\(|\bfor\s*\(|\bfunction\s*\(|=>|\|\|\s*(?:true|1)\b|;\s*return\b/i;
/** `user[$ne]=` / `password[$regex]=` in a query string or form body. */
const BRACKET_OPERATOR = /\b([\w-]{1,40})\[\$(ne|gt|gte|lt|lte|regex|nin|exists|in|not|where)\]/gi;

/** The key above `field` in its path (`arguments.filter.password.$ne` gives `password`). */
function parentKey(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 2] ?? '';
}

export function findNoSqlOperators(field: ScanField): DetectorMatch[] {
  const { key, value, path } = field;
  const operator = key.toLowerCase();
  if (SERVER_JS.has(operator)) {
    const probe = JS_PROBE.exec(value);
    if (probe) return [{ start: 0, end: value.length, detail: `JavaScript in a ${key} clause` }];
  }
  if (MATCH_ANY.has(operator) && LOGIN_KEY.test(parentKey(path))) {
    return [{ start: 0, end: value.length, detail: `${key} operator in the ${parentKey(path)} field` }];
  }
  const matches: DetectorMatch[] = [];
  if (!value.includes('[$')) return matches;
  for (const m of value.matchAll(BRACKET_OPERATOR)) {
    const name = m[1] ?? '';
    if (m[2]?.toLowerCase() !== 'where' && !LOGIN_KEY.test(name)) continue;
    matches.push({ start: m.index, end: m.index + m[0].length, detail: `${m[0]} operator in a form field` });
  }
  return matches;
}
