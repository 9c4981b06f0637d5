import type { KqlType } from '../kql-types.js';

/** A translated scalar expression: SQL text (values only as markers) and its KQL type. */
export interface SqlExpr {
  readonly sql: string;
  readonly type: KqlType;
  /**
   * Set when the value is known at compile time (literals, now(), ago(7d), let scalars): KQL
   * semantics with datetimes and timespans in milliseconds. Lets `ago(7d)` bind as one value.
   */
  readonly constant?: { readonly value: unknown };
  /**
   * A nullable text column also as its bare stored column (NULL where the KQL value is ''). A
   * filter that cannot hold for '' (`== "x"`, `has "x"`) compares this instead of `COALESCE(c, '')`,
   * so the planner sees the column (its statistics and indexes); the result is the same in WHERE.
   */
  readonly raw?: string;
}

/** A column of a relation: its KQL name and type and the SQL alias that holds it. */
export interface RelColumn {
  readonly name: string;
  readonly type: KqlType;
  readonly alias: string;
}

export interface SortKey {
  readonly alias: string;
  readonly type: KqlType;
  readonly desc: boolean;
  readonly nullsFirst: boolean;
}

/**
 * A tabular result: a SELECT whose visible columns are `columns`, plus hidden sort-key columns
 * that carry a `sort`/`top` order through order-preserving operators to the final SELECT.
 */
export interface Relation {
  readonly sql: string;
  readonly columns: readonly RelColumn[];
  readonly sortKeys: readonly SortKey[];
  /** Set while the relation is a stored table plus filters: `where` then joins its WHERE. */
  readonly base?: BaseTable;
}

/** A stored table read with its columns as KQL values, and the conditions on it so far. */
export interface BaseTable {
  /** `SELECT <columns> FROM <table>`. */
  readonly select: string;
  readonly where: readonly string[];
  /** The columns as expressions over the stored table (with `raw` for nullable text). */
  readonly scope: ReadonlyMap<string, SqlExpr>;
}
