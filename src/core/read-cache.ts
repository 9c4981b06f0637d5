/**
 * A short-lived, bounded memo of store reads on hot paths (the key, server and credential every
 * gateway call names). A cold point read costs more than the rest of a small call's own work;
 * holding the answer for `ttlMs` keeps that off each call. The service that changes a record
 * deletes its entry, so this node sees its own changes at once; other nodes see them within
 * `ttlMs`, which is the staleness the cache buys its speed with.
 *
 * Concurrent misses share one read. A read that fails or finds nothing is not kept: a record
 * created meanwhile is seen at once, and unknown names cannot fill the memory.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { readonly value: Promise<V | null>; readonly until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, read: () => Promise<V | null>): Promise<V | null> {
    const at = this.now();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.until > at) return entry.value;
    if (entry !== undefined) this.entries.delete(key);
    const value = read();
    if (this.ttlMs <= 0) return value;
    if (this.entries.size >= this.maxEntries) this.evict(at);
    const kept = { value, until: at + this.ttlMs };
    this.entries.set(key, kept);
    const forget = () => {
      if (this.entries.get(key) === kept) this.entries.delete(key);
    };
    value.then((found) => {
      if (found === null) forget();
    }, forget);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops expired entries; if none had expired, the oldest (Map order is insertion order). */
  private evict(at: number): void {
    for (const [key, entry] of this.entries) if (entry.until <= at) this.entries.delete(key);
    if (this.entries.size < this.maxEntries) return;
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
