import { KqlError } from '../errors.js';
import type { CompileOptions, KqlType, RenderHint } from '../kql-types.js';
import type { KNode, KustoLibrary } from '../kusto-library.js';
import { diagnosticAt } from '../positions.js';
import type { HuntDialect } from '../sql-dialect.js';
import type { Relation, SqlExpr } from './sql-expr.js';
import { SqlParams } from './sql-params.js';

/** The largest SQL a query may expand to. */
export const MAX_SQL_LENGTH = 1_000_000;

/** What a `let` name stands for. */
export type LetBinding =
  | { readonly kind: 'scalar'; readonly expr: SqlExpr }
  | { readonly kind: 'table'; readonly relation: Relation };

/** Column names visible to an expression, each with the SQL that reads it. */
export type Scope = ReadonlyMap<string, SqlExpr>;

/** The state of one translation: the query text, the dialect, bound values, `let` names. */
export class TranslateContext {
  readonly params = new SqlParams();
  readonly lets = new Map<string, LetBinding>();
  render: RenderHint | null = null;
  private counter = 0;

  constructor(
    readonly lib: KustoLibrary,
    readonly text: string,
    readonly dialect: HuntDialect,
    readonly options: CompileOptions,
  ) {}

  readonly marker = (value: unknown): string => this.params.marker(value);

  /** A fresh SQL identifier (`c12`); identifiers never come from the query text. */
  alias(prefix = 'c'): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** A bound constant of a type. */
  constant(value: unknown, type: KqlType): SqlExpr {
    return { sql: this.dialect.value(this.marker, value, type), type, constant: { value } };
  }

  /** The query text of a node (for messages), cut at `max` characters. */
  source(node: KNode, max = 80): string {
    const text = this.text.slice(node.TextStart, node.TextStart + node.Width).trim();
    return text.length > max ? `${text.slice(0, max)}...` : text;
  }

  kind(node: KNode): string {
    return this.lib.kindName(node);
  }

  /**
   * Refuses SQL past a size limit: `let` names are expanded in place, so a chain of lets that each
   * use the previous one twice would double the SQL at every step.
   */
  checkSize(sql: string, node: KNode): void {
    if (sql.length > MAX_SQL_LENGTH) {
      this.unsupported(
        node,
        `a query this large once its let names are expanded (over ${MAX_SQL_LENGTH} characters of SQL)`,
      );
    }
  }

  /** Valid KQL that hunting does not translate: a positioned `kql_unsupported` naming it. */
  unsupported(node: KNode, what: string): never {
    throw new KqlError('kql_unsupported', [
      diagnosticAt(
        this.text,
        'KQL_UNSUPPORTED',
        `${what} is not supported by Sentinel hunting yet`,
        node.TextStart,
        Math.max(1, node.Width),
      ),
    ]);
  }

  /** A query the analyser accepted but that cannot run as written (e.g. a non-constant `take`). */
  invalid(node: KNode, message: string): never {
    throw new KqlError('kql_invalid', [
      diagnosticAt(this.text, 'KQL_INVALID', message, node.TextStart, Math.max(1, node.Width)),
    ]);
  }
}

/** The scope of a relation read through the SQL alias `qualifier`. */
export function scopeOf(relation: Relation, qualifier: string): Map<string, SqlExpr> {
  const scope = new Map<string, SqlExpr>();
  for (const c of relation.columns) scope.set(c.name, { sql: `${qualifier}.${c.alias}`, type: c.type });
  return scope;
}
