/**
 * Delivers the outcomes of concurrent work in arrival order (`initialize` must reach the server
 * before `notifications/initialized`), except that work still pending `releaseMs` after its turn
 * came (a call held for approval) stops holding up the messages behind it.
 */
export class OrderedDelivery<T> {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly releaseMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(work: Promise<T>, deliver: (value: T) => void): void {
    let settled = false;
    work.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    void previous.then(async () => {
      // No timer in the common case: the work is done by the time its turn comes.
      const timer = settled ? undefined : setTimeout(release, this.releaseMs);
      try {
        deliver(await work);
      } catch (error) {
        this.onError(error);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        release();
      }
    });
  }

  /** Resolves once everything pushed so far was delivered or released. */
  idle(): Promise<void> {
    return this.tail;
  }
}
