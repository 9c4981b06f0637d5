import type { KqlDiagnostic } from './kql-types.js';
import type { KCode } from './kusto-library.js';
import { kustoLibrary } from './kusto-library.js';
import { letExpansionDiagnostic } from './let-expansion.js';
import { diagnosticAt } from './positions.js';

/** Queries longer than this are refused before parsing (the parser's cost grows with the text). */
export const MAX_QUERY_LENGTH = 20_000;

export interface AnalysedQuery {
  readonly code: KCode;
  readonly diagnostics: KqlDiagnostic[];
}

/** Analysed queries by text: parsing dominates a hunt's translation, and the same query text comes
 * back often (scheduled rules, saved queries, an analyst re-running). The trees are immutable. */
const cache = new Map<string, AnalysedQuery>();
const CACHE_SIZE = 256;

/** Parses and analyses against the hunting schema; diagnostics are the parser's own. */
export function analyseKql(query: string): AnalysedQuery {
  const cached = cache.get(query);
  if (cached) {
    cache.delete(query);
    cache.set(query, cached);
    return cached;
  }
  const analysed = analyseUncached(query);
  cache.set(query, analysed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return analysed;
}

function analyseUncached(query: string): AnalysedQuery {
  const code = kustoLibrary().analyse(query);
  const list = code.GetDiagnostics();
  const diagnostics: KqlDiagnostic[] = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    const severity = d.Severity === 'Error' ? 'error' : 'warning';
    diagnostics.push(diagnosticAt(query, d.Code, d.Message, d.Start, d.Length, severity));
  }
  return { code, diagnostics };
}

/** The errors and warnings Azure Data Explorer would report for this query, with positions. */
export async function validateKql(query: string): Promise<KqlDiagnostic[]> {
  const tooLong = lengthDiagnostic(query);
  if (tooLong) return [tooLong];
  if (query.trim() === '') return [diagnosticAt(query, 'KQL0001', 'the query is empty', 0, 0)];
  const expansion = cache.has(query) ? null : letExpansionDiagnostic(kustoLibrary(), query);
  if (expansion) return [expansion];
  return analyseKql(query).diagnostics;
}

export function lengthDiagnostic(query: string): KqlDiagnostic | null {
  if (query.length <= MAX_QUERY_LENGTH) return null;
  return diagnosticAt(
    query,
    'KQL0002',
    `the query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`,
    MAX_QUERY_LENGTH,
    query.length - MAX_QUERY_LENGTH,
  );
}
