/**
 * Serializes a driver's transactions: better-sqlite3 has one connection per driver, so while a
 * transaction is open (across its awaits) no other caller's statement may run on it.
 */
export class TransactionLock {
  private tail: Promise<void> = Promise.resolve();
  private held = false;

  /** Runs `body` once every transaction before it has ended, holding the lock until it settles. */
  async hold<T>(body: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release = () => {};
    this.tail = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.held = true;
    try {
      return await body();
    } finally {
      this.held = false;
      release();
    }
  }

  /** Resolves once no transaction is open (a statement outside one must not slip into it). */
  async free(): Promise<void> {
    while (this.held) await this.tail;
  }
}
