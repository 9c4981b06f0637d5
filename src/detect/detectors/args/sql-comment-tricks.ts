import { isPunct } from './sql-statements.js';
import type { SqlToken } from './sql-tokenizer.js';
import type { LocalMatch, SqlMode, SqlVariant } from './sql-view.js';

/**
 * Comment tricks: a quote closed and the rest of the query commented away (`admin'--`,
 * `1' ORDER BY 3--`), a comment swallowing a quote in a whole statement, and empty inline block
 * comments splitting keywords to get past a filter.
 */

/** A quote closed and the rest commented away (`admin'--`), or comments used to split keywords. */
export function findCommentTricks(v: SqlVariant, mode: SqlMode, text: string): LocalMatch[] {
  const { tokens } = v;
  const found: LocalMatch[] = [];
  // Injected fragments are one line; multi-line text with comments is code or prose.
  if (mode === 'fragment' && text.trim().includes('\n')) return found;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'comment') continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const line = !token.text.startsWith('/*');
    // An unclosed /* must follow the quote at once (`admin'/*`); a line comment may follow some SQL (`' ORDER BY 3--`).
    const toEnd = line || (!token.closed && (isPunct(prev, ')') || prev?.type === 'string'));
    const opened = toEnd && mode === 'fragment' && v.prefix > 0 && !next ? prefixString(tokens, i) : null;
    if (line && mode === 'statement' && prev?.type === 'string' && prev.end === token.start) {
      found.push({ start: prev.end - 1, end: token.end, detail: 'quote closed and the rest commented out' });
    } else if (opened) {
      found.push({
        start: opened.end - 1,
        end: token.end,
        detail: 'quote closed and the rest commented out',
      });
    } else if (line && mode === 'statement' && prev && /^(?:--|#)\s*['"]/.test(token.text)) {
      found.push({ start: token.start, end: token.end, detail: 'comment swallowing a quote' });
    } else if (!line && token.text.length <= 8 && prev?.end === token.start && next?.start === token.end) {
      if (prev.type === 'word' && next.type === 'word') {
        found.push({ start: prev.start, end: next.end, detail: 'comment splitting keywords' });
      }
    }
  }
  return found;
}

/** Words that keep a quote-then-comment fragment SQL (`1' ORDER BY 3--`) rather than prose with a dash. */
const SQL_WORDS = new Set(
  (
    'ORDER BY GROUP HAVING LIMIT OFFSET AND OR NOT NULL SELECT FROM WHERE UNION ALL ASC DESC LIKE IN IS TRUE ' +
    'FALSE AS DISTINCT INTO VALUES EXEC EXECUTE DROP TABLE DELETE UPDATE SET INSERT WAITFOR DELAY CASE WHEN ' +
    'THEN ELSE END XOR DIV MOD BETWEEN EXISTS'
  ).split(' '),
);

function sqlish(tokens: readonly SqlToken[], k: number): boolean {
  const token = tokens[k]!;
  if (token.type !== 'word') return token.type !== 'comment';
  const next = tokens[k + 1];
  // A name compared or called (`username=`, `CHAR(`) is SQL; prose words are followed by words.
  return (
    SQL_WORDS.has(token.text) || token.text.startsWith('@@') || next?.type === 'op' || isPunct(next, '(')
  );
}

/** The synthetic-quote string when only SQL stands between it and the comment at index i (at most 30 tokens). */
function prefixString(tokens: readonly SqlToken[], i: number): SqlToken | null {
  if (i > 31) return null;
  for (let k = i - 1; k > 0; k--) if (!sqlish(tokens, k)) return null;
  const first = tokens[0];
  if (first?.type !== 'string' || first.start !== 0 || !first.closed) return null;
  // What the attacker typed before breaking out is a short value (`admin`, `1`), not a sentence.
  return first.text.length <= 64 && !/\s/.test(first.text) ? first : null;
}
