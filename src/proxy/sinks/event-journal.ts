import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ProxyEvent } from '../proxy-event.js';

/** `jrn-<ms>-<pid>-<hex>.jsonl`: the same shape as a buffer segment, so a dead process's journal becomes one by a rename. */
export const JOURNAL = /^jrn-(\d+-(\d+)-[0-9a-f]+\.jsonl)$/;

/** Journals this process has open. Process-wide: a journal named with our pid may be a dead namesake's. */
const OPEN = new Set<string>();

/** Whether a journal file is being written by this process (and so is not an orphan). */
export function journalOpenHere(name: string): boolean {
  return OPEN.has(name);
}

/**
 * Write-ahead journal of the events a sink holds in memory: each event is appended synchronously
 * before the call it records is answered, so a proxy killed with SIGKILL (the agent's host quit,
 * the OOM killer) leaves its queued events in the journal, not lost. The next proxy on the same
 * buffer folder turns an orphaned journal into a buffer segment and sends it; events delivered just
 * before the kill are sent again, which their ids make harmless. No fsync: the journal survives the
 * process, not a crash of the machine (the disk buffer fsyncs what it keeps).
 */
export class EventJournal {
  private fd: number | null = null;
  private name: string | null = null;
  private failed = false;

  constructor(
    readonly dir: string,
    private readonly log?: (message: string) => void,
  ) {}

  /** Appends one event. A failing disk is logged once and never fails the call. */
  record(event: ProxyEvent): void {
    if (this.failed) return;
    try {
      writeSync(this.open(), `${JSON.stringify(event)}\n`);
    } catch (error) {
      this.failed = true;
      this.log?.(
        `event journal unavailable (${(error as Error).message}); queued events are held in memory only`,
      );
    }
  }

  /** Every event recorded so far was delivered or kept elsewhere: start the journal empty again. */
  settled(): void {
    if (this.fd === null || this.failed) return;
    try {
      ftruncateSync(this.fd, 0);
    } catch (error) {
      this.failed = true;
      this.log?.(
        `event journal unavailable (${(error as Error).message}); queued events are held in memory only`,
      );
    }
  }

  /** Closes and removes the journal; call only once everything recorded has settled. */
  close(): void {
    if (this.fd === null || this.name === null) return;
    closeSync(this.fd);
    try {
      unlinkSync(join(this.dir, this.name));
    } catch {
      // Already gone: nothing was left to keep.
    }
    OPEN.delete(this.name);
    this.fd = null;
    this.name = null;
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    // Journaled events hold arguments and results as captured (secrets included): owner-only.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const name = `jrn-${String(Date.now()).padStart(15, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`;
    // 'a': after a truncate, the next write starts at the beginning again.
    this.fd = openSync(join(this.dir, name), 'a', 0o600);
    this.name = name;
    OPEN.add(name);
    return this.fd;
  }
}
