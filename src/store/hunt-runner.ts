export interface HuntRunOptions {
  /** The query is stopped (and HuntTimeoutError thrown) after this long. */
  readonly timeoutMs: number;
  /** At most this many rows come back; more set `truncated`. */
  readonly maxRows: number;
}

export interface HuntRunResult {
  /** Rows as arrays in column order, as the driver returns them (decode with the query part). */
  readonly rows: unknown[][];
  readonly truncated: boolean;
}

/** Runs compiled hunting SQL read-only, with a time limit and a row limit. */
export interface HuntingRunner {
  readonly dialect: 'sqlite' | 'postgres';
  run(sql: string, params: readonly unknown[], options: HuntRunOptions): Promise<HuntRunResult>;
  close(): Promise<void>;
}
