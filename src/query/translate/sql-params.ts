/**
 * Bound values collected while SQL is built. Fragments carry a marker per value; `finalize`
 * numbers them in textual order, so a fragment used twice (a `let` read twice) binds twice.
 */
export class SqlParams {
  private readonly values: unknown[] = [];

  /** A marker for one bound value; never contains user text. */
  marker(value: unknown): string {
    this.values.push(value);
    return `\uE000${this.values.length - 1}\uE001`;
  }

  finalize(sql: string, placeholder: (index: number) => string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const text = sql.replace(/\uE000(\d+)\uE001/g, (_, index: string) => {
      params.push(this.values[Number(index)]);
      return placeholder(params.length);
    });
    return { sql: text, params };
  }
}
