/**
 * Splits a byte stream into newline-delimited lines (MCP stdio transport: one JSON-RPC message per
 * line, no embedded newlines). Chunks are joined only when a line spans them.
 */
export class LineSplitter {
  private partial: Buffer[] = [];

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      if (this.partial.length > 0) {
        this.partial.push(piece);
        this.emit(Buffer.concat(this.partial));
        this.partial = [];
      } else {
        this.emit(piece);
      }
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  /** Emits a last line that had no newline. */
  end(): void {
    if (this.partial.length > 0) this.emit(Buffer.concat(this.partial));
    this.partial = [];
  }

  private emit(bytes: Buffer): void {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    if (end === 0) return;
    this.onLine(bytes.toString('utf8', 0, end));
  }
}
