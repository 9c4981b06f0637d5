import type { KqlDiagnostic } from './kql-types.js';
import type { KNode, KustoLibrary } from './kusto-library.js';
import { diagnosticAt } from './positions.js';
import { items, prop } from './translate/syntax.js';

/** How many times a query may read its `let` names once they are expanded. */
export const MAX_LET_EXPANSION = 256;

/**
 * Refuses, before semantic analysis, a query whose `let` names expand exponentially
 * (`let b = a | union a; let c = b | union b; ...`): the official analyser's time, like our SQL,
 * doubles with each such let, so 30 of them would block the process for hours.
 */
export function letExpansionDiagnostic(lib: KustoLibrary, query: string): KqlDiagnostic | null {
  // Fewer than four lets cannot expand past 2^3 = 8 reads: skip the extra parse.
  if ((query.match(/\blet\b/g) ?? []).length < 4) return null;
  const root = lib.parse(query).Syntax;
  const weights = new Map<string, number>();
  for (const statement of items(prop(root, 'Statements'))) {
    const isLet = lib.kindName(statement) === 'LetStatement';
    const body = isLet ? prop(statement, 'Expression') : statement;
    const weight = 1 + referencedWeight(lib, body, weights);
    if (weight > MAX_LET_EXPANSION) {
      return diagnosticAt(
        query,
        'KQL_UNSUPPORTED',
        `this query reads its let names more than ${MAX_LET_EXPANSION} times once they are expanded; Sentinel hunting does not run it`,
        statement.TextStart,
        Math.max(1, statement.Width),
      );
    }
    const name = isLet ? prop(statement, 'Name') : null;
    if (name) weights.set(name.ToString().trim(), weight);
  }
  return null;
}

function referencedWeight(
  lib: KustoLibrary,
  node: KNode | null,
  weights: ReadonlyMap<string, number>,
): number {
  if (!node || node.IsToken) return 0;
  if (lib.kindName(node) === 'NameReference') {
    const name = (node as unknown as { SimpleName?: string }).SimpleName ?? '';
    return weights.get(name) ?? 0;
  }
  let total = 0;
  for (let i = 0; i < node.ChildCount; i++) {
    total += referencedWeight(lib, node.GetChild(i), weights);
    if (total > MAX_LET_EXPANSION) return total;
  }
  return total;
}
