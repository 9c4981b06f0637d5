/** A one-line progress bar on a TTY; on a pipe, a line every few seconds instead. */
export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly total: number,
  ) {}

  update(done: number, label: string): void {
    const now = Date.now();
    const interval = this.out.isTTY ? 100 : 5000;
    if (now - this.lastDraw < interval) return;
    this.lastDraw = now;
    this.draw(done, label);
  }

  finish(done: number, label: string): void {
    this.draw(done, label);
    if (this.out.isTTY) this.out.write('\n');
  }

  private draw(done: number, label: string): void {
    const ratio = this.total > 0 ? Math.min(done / this.total, 1) : 0;
    const percent = `${(ratio * 100).toFixed(1).padStart(5)}%`;
    if (!this.out.isTTY) {
      this.out.write(`${percent} ${label}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - label.length - 12));
    const filled = Math.round(ratio * width);
    this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${label}`);
  }
}
