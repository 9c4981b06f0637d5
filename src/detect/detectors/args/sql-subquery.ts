import { isPunct, isWord, skipName } from './sql-statements.js';
import type { LocalMatch, SqlMode, SqlVariant } from './sql-view.js';

/**
 * A parenthesized SELECT ... FROM inside a value that is not itself a statement: an id, a sort
 * key or a search term carrying `(SELECT password FROM users LIMIT 1)` asks the database one
 * question per request (boolean or error-based blind injection), and so does a FROM-less
 * `(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/0 END)` in an ORDER BY key. Whole statements are left
 * alone; subqueries are ordinary there.
 */
export function findSubqueries(v: SqlVariant, mode: SqlMode): LocalMatch[] {
  if (mode !== 'fragment') return [];
  const { code } = v;
  const found: LocalMatch[] = [];
  for (let i = 0; i < code.length - 3; i++) {
    if (!isPunct(code[i], '(') || !isWord(code[i + 1], 'SELECT') || isWord(code[i + 2], 'FROM')) continue;
    if (isWord(code[i + 2], 'CASE') && isWord(code[i + 3], 'WHEN')) {
      found.push({
        start: code[i]!.start,
        end: code[i + 3]!.end,
        detail: 'conditional subquery in a parameter',
      });
      continue;
    }
    let depth = 1;
    for (let k = i + 2; k < Math.min(code.length, i + 60) && depth > 0; k++) {
      const token = code[k]!;
      if (isPunct(token, '(')) depth++;
      else if (isPunct(token, ')')) depth--;
      else if (depth === 1 && isWord(token, 'FROM') && skipName(code, k + 1) > 0) {
        found.push({ start: code[i]!.start, end: code[k + 1]!.end, detail: 'subquery in a parameter' });
        break;
      }
    }
  }
  return found;
}
