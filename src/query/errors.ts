import { ValidationError } from '../core/index.js';
import type { KqlDiagnostic } from './kql-types.js';

/** A query that is wrong (`kql_invalid`) or valid KQL that hunting cannot run yet (`kql_unsupported`). */
export class KqlError extends ValidationError {
  readonly diagnostics: KqlDiagnostic[];

  constructor(code: 'kql_invalid' | 'kql_unsupported', diagnostics: KqlDiagnostic[]) {
    const first = diagnostics[0];
    const where = first ? ` (line ${first.line}, column ${first.column})` : '';
    super(
      `${first?.message ?? 'invalid query'}${where}`,
      diagnostics.map((d) => ({ path: `${d.line}:${d.column}`, message: d.message })),
      code,
    );
    this.diagnostics = diagnostics;
  }
}
