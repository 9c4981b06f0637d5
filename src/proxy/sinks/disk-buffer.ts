import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProxyEvent } from '../proxy-event.js';
import { JOURNAL, journalOpenHere } from './event-journal.js';

const SEGMENT = /^seg-(\d+)-(\d+)-[0-9a-f]+\.jsonl$/;

/**
 * Segments some DiskBuffer of this process is still appending to. Process-wide on purpose: it is
 * a fact about this process's open files, which every buffer over the same folder must respect.
 */
const WRITING = new Set<string>();

/** A segment of buffered events taken for sending; `done` deletes it, `release` puts it back. */
export interface ClaimedSegment {
  readonly events: ProxyEvent[];
  done(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Events that could not be delivered yet, as append-only JSONL segments in one folder. Each
 * process appends to its own segment (fsynced per batch) so several proxies can share the folder;
 * a segment is sent by whoever claims it (an atomic rename), and only once its writer is done
 * with it (closed by this process, or its process is gone).
 */
export class DiskBuffer {
  private current: { name: string; handle: FileHandle } | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Appends events and fsyncs them before resolving. */
  append(events: readonly ProxyEvent[]): Promise<void> {
    if (events.length === 0) return this.writing;
    const text = events.map((event) => JSON.stringify(event)).join('\n') + '\n';
    this.writing = this.writing.then(async () => {
      const segment = await this.segment();
      await segment.handle.appendFile(text);
      await segment.handle.datasync();
    });
    return this.writing;
  }

  /** Closes the segment being written, so the next claim can send it. */
  async rotate(): Promise<void> {
    await this.writing;
    if (this.current === null) return;
    await this.current.handle.close();
    WRITING.delete(this.current.name);
    this.current = null;
  }

  /** The oldest segment ready to send, claimed for this process; null when none is. */
  async claim(): Promise<ClaimedSegment | null> {
    await this.recoverOrphans();
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => SEGMENT.test(name)).sort();
    } catch {
      return null;
    }
    for (const name of names) {
      if (name === this.current?.name || !this.ready(name)) continue;
      const claimed = `${name}.sending-${process.pid}`;
      try {
        await rename(join(this.dir, name), join(this.dir, claimed));
      } catch {
        continue; // Another process claimed it first.
      }
      const text = await readFile(join(this.dir, claimed), 'utf8');
      return {
        events: parseLines(text),
        done: () => unlink(join(this.dir, claimed)),
        release: () => rename(join(this.dir, claimed), join(this.dir, name)),
      };
    }
    return null;
  }

  /** Whether any segment (other than the one being written) waits to be sent. */
  async pending(): Promise<boolean> {
    try {
      return (await readdir(this.dir)).some((name) => SEGMENT.test(name) && name !== this.current?.name);
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.rotate();
  }

  /**
   * Segments a crashed process had claimed but not finished sending go back to the queue, and the
   * event journal of a process that died becomes a segment (see EventJournal).
   */
  private async recoverOrphans(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const journal = JOURNAL.exec(name);
      if (journal !== null) {
        const pid = Number(journal[2]);
        const orphan = pid === process.pid ? !journalOpenHere(name) : !processAlive(pid);
        if (orphan) await rename(join(this.dir, name), join(this.dir, `seg-${journal[1]}`)).catch(() => {});
        continue;
      }
      const match = /^(seg-.+\.jsonl)\.sending-(\d+)$/.exec(name);
      if (match === null || processAlive(Number(match[2]))) continue;
      await rename(join(this.dir, name), join(this.dir, match[1]!)).catch(() => {});
    }
  }

  /** Whether its writer is done: closed in this process, or written by a process that is gone. */
  private ready(name: string): boolean {
    const pid = Number(SEGMENT.exec(name)?.[2]);
    return pid === process.pid ? !WRITING.has(name) : !processAlive(pid);
  }

  private async segment(): Promise<{ name: string; handle: FileHandle }> {
    if (this.current !== null) return this.current;
    // Buffered events hold arguments and results as captured (secrets included): owner-only.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const name = `seg-${String(Date.now()).padStart(15, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`;
    WRITING.add(name);
    this.current = { name, handle: await open(join(this.dir, name), 'a', 0o600) };
    return this.current;
  }
}

/** Permanently refused events, kept for a human to look at (never retried). */
export class DeadLetterFile {
  constructor(private readonly path: string) {}

  async append(events: readonly ProxyEvent[], reason: string): Promise<void> {
    if (events.length === 0) return;
    await mkdir(join(this.path, '..'), { recursive: true, mode: 0o700 });
    const at = new Date().toISOString();
    const text = events.map((event) => JSON.stringify({ at, reason, event })).join('\n') + '\n';
    const handle = await open(this.path, 'a', 0o600);
    try {
      await handle.appendFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

function parseLines(text: string): ProxyEvent[] {
  const events: ProxyEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as ProxyEvent);
    } catch {
      // A torn last line from a crash mid-write: the events before it are intact.
    }
  }
  return events;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
