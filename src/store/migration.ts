/** One versioned schema change; versions are applied in order, each once, inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
