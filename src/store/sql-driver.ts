/** A value the drivers accept as a bound parameter. */
/** Arrays bind only on PostgreSQL (for `unnest`). */
export type SqlValue = string | number | boolean | null | Date | readonly string[] | readonly number[];

export type Row = Record<string, unknown>;

/** How one SQL dialect differs from the other; repositories write SQL with `?` placeholders. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Converts an ISO time to the column's bound value. */
  time(iso: string): SqlValue;
  /** Converts a stored time back to ISO. */
  readTime(value: unknown): string;
  json(value: unknown): SqlValue;
  readJson(value: unknown): unknown;
  bool(value: boolean): SqlValue;
  /** A case-insensitive LIKE of `column` against a bound pattern (escape character `\`). */
  ilike(column: string): string;
}

/** The small surface repositories need from a database driver. */
export interface SqlDriver {
  readonly dialect: Dialect;
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Inserts rows, skipping those that hit the unique constraint; returns which were inserted. */
  insertIgnoringConflicts(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
  ): Promise<boolean[]>;
  transaction<T>(work: (driver: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
