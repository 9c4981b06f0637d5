/** The scalar types of KQL columns and expressions that hunting supports. */
export type KqlType =
  | 'string'
  | 'long'
  | 'int'
  | 'real'
  | 'bool'
  | 'datetime'
  | 'timespan'
  | 'dynamic'
  | 'guid';

/** One problem in a query, positioned as Azure Data Explorer positions it (1-based line and column). */
export interface KqlDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}

export interface HuntColumn {
  readonly name: string;
  readonly type: KqlType;
}

/** What a trailing `render` asked for; the query's rows are unaffected. */
export interface RenderHint {
  readonly visualization: string;
  readonly properties: Record<string, string>;
}

/** A query compiled for one dialect: run `sql` with `params`, then decode rows with `columns`. */
export interface CompiledHunt {
  readonly sql: string;
  readonly params: unknown[];
  readonly columns: HuntColumn[];
  readonly render: RenderHint | null;
}

export interface CompileOptions {
  readonly dialect: 'sqlite' | 'postgres';
  /** The instant `now()` and `ago()` refer to. */
  readonly now: Date;
  /** ISO bounds (inclusive) that restrict TimeGenerated of every table the query reads. */
  readonly timespan?: { readonly from: string; readonly to: string };
  /** The compiled SQL returns at most maxRows + 1 rows, so the runner can tell truncation. */
  readonly maxRows: number;
}
