import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type McpEvent, newId } from '../../src/core/index.js';
import { GroupCommit } from '../../src/ingest/group-commit.js';
import type { EventRepository, EventToStore, Store } from '../../src/store/index.js';
import { createSqliteDatabase, type TestDatabase } from '../support/test-stores.js';

function event(serverId: string): McpEvent {
  return {
    id: newId(),
    serverId,
    timestamp: '2026-11-01T10:30:00.000Z',
    receivedAt: '2026-11-01T10:30:01.000Z',
    source: 'webhook',
    externalId: null,
    sessionId: null,
    user: 'alice@example.com',
    agent: 'claude-3',
    client: null,
    tool: 'filesystem',
    method: 'tools/call',
    prompt: 'Read the configuration file',
    response: null,
    arguments: { path: '/etc/config.json' },
    metadata: {},
    toolDescription: null,
    isError: false,
    durationMs: 3,
  };
}

function toStore(serverId: string, dedupeKey: string | null = null): EventToStore {
  return { event: event(serverId), dedupeKey };
}

function many(serverId: string, count: number): EventToStore[] {
  return Array.from({ length: count }, () => toStore(serverId));
}

describe('GroupCommit (SQLite)', () => {
  let database: TestDatabase;
  let store: Store;

  before(async () => {
    database = createSqliteDatabase();
    store = await database.open();
  });

  after(async () => {
    await store?.close();
    await database?.drop();
  });

  it('commits many concurrent writes of one tick in fewer transactions than calls', async () => {
    const serverId = newId();
    const commits: Array<{ events: number; seconds: number }> = [];
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 5000, {
      onCommit: (events, seconds) => commits.push({ events, seconds }),
    });
    const calls = Array.from({ length: 50 }, (_, i) => writer.write(many(serverId, (i % 3) + 1)));
    const results = await Promise.all(calls);

    const total = results.reduce((sum, inserted) => sum + inserted.length, 0);
    assert.equal(total, 99);
    assert.ok(commits.length < calls.length, `${commits.length} commits for ${calls.length} calls`);
    assert.equal(commits.length, 1, 'writes of one tick share one transaction');
    assert.equal(commits[0]?.events, total);
    assert.ok((commits[0]?.seconds ?? -1) >= 0);
    assert.equal(await store.events.count({ serverId }), total);
  });

  it('gives each caller its own inserted/duplicate flags, in the order of its events', async () => {
    const serverId = newId();
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items));
    assert.deepEqual(await writer.write([toStore(serverId, 'stored-before')]), [true]);

    const [a, b, c, d] = await Promise.all([
      writer.write([toStore(serverId, 'a1'), toStore(serverId, 'stored-before'), toStore(serverId, 'a2')]),
      writer.write([toStore(serverId, 'a1'), toStore(serverId, null)]),
      writer.write([toStore(serverId, 'c'), toStore(serverId, 'c')]),
      writer.write([toStore(serverId, null), toStore(serverId, null), toStore(serverId, 'a2')]),
    ]);
    assert.deepEqual(a, [true, false, true], 'a: duplicate of an earlier commit');
    assert.deepEqual(b, [false, true], 'b: duplicate of a in the same batch; no key always stores');
    assert.deepEqual(c, [true, false], 'c: duplicate inside one call');
    assert.deepEqual(d, [true, true, false], 'd');
    assert.equal(await store.events.count({ serverId }), 7);
  });

  it('keeps dedupe keys per server', async () => {
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items));
    const [first, second] = await Promise.all([
      writer.write([toStore(newId(), 'same-key')]),
      writer.write([toStore(newId(), 'same-key')]),
    ]);
    assert.deepEqual([first, second], [[true], [true]]);
  });

  it('splits a queue larger than maxBatch into several transactions', async () => {
    const serverId = newId();
    const commits: number[] = [];
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 10, {
      onCommit: (events) => commits.push(events),
    });
    const results = await Promise.all(Array.from({ length: 25 }, () => writer.write(many(serverId, 1))));
    assert.deepEqual(commits, [10, 10, 5]);
    assert.ok(results.every((inserted) => inserted.length === 1 && inserted[0] === true));
    assert.equal(await store.events.count({ serverId }), 25);
  });

  it('commits one write larger than maxBatch whole, never splitting a caller', async () => {
    const serverId = newId();
    const commits: number[] = [];
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 10, {
      onCommit: (events) => commits.push(events),
    });
    const [small, big] = await Promise.all([
      writer.write(many(serverId, 3)),
      writer.write(many(serverId, 15)),
    ]);
    assert.equal(small.length, 3);
    assert.equal(big.length, 15);
    assert.deepEqual(commits, [3, 15]);
  });

  it('answers an empty write at once, without a transaction', async () => {
    const commits: number[] = [];
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 5000, {
      onCommit: (events) => commits.push(events),
    });
    assert.deepEqual(await writer.write([]), []);
    await writer.drain();
    assert.deepEqual(commits, []);
  });

  it('resolves a caller only once its events can be read back', async () => {
    const serverId = newId();
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items));
    const item = toStore(serverId);
    await writer.write([item]);
    assert.equal((await store.events.findById(item.event.id))?.id, item.event.id);
  });

  it('drain() resolves at once when nothing is queued', async () => {
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items));
    await writer.drain();
  });

  it('drain() waits until every queued write is committed and answered', async () => {
    const serverId = newId();
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 7);
    const answered: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      void writer.write(many(serverId, 2)).then(() => {
        answered[i] = true;
      });
    }
    await writer.drain();
    assert.equal(await store.events.count({ serverId }), 40);
    assert.equal(answered.filter(Boolean).length, 20);
  });

  it('merges writes that arrive during a commit into the next transaction, and drain() waits for them', async () => {
    const serverId = newId();
    const commits: number[] = [];
    let late: Array<Promise<boolean[]>> = [];
    const writer: GroupCommit<EventToStore> = new GroupCommit<EventToStore>(
      (items) => store.events.insertBatch(items),
      5000,
      {
        onCommit: (events) => {
          commits.push(events);
          // Still inside the first flush: these are queued while a commit is in flight.
          if (commits.length === 1) late = [writer.write(many(serverId, 2)), writer.write(many(serverId, 3))];
        },
      },
    );
    const first = writer.write(many(serverId, 1));
    await writer.drain();
    assert.deepEqual(commits, [1, 5]);
    assert.equal(await store.events.count({ serverId }), 6);
    assert.deepEqual(await first, [true]);
    assert.deepEqual(await Promise.all(late), [
      [true, true],
      [true, true, true],
    ]);
  });

  it('with concurrency 2, starts a second commit while one is in flight, and drain() waits for both', async () => {
    const serverId = newId();
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const writer = new GroupCommit<EventToStore>(
      async (items) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        const inserted = await store.events.insertBatch(items);
        inFlight--;
        return inserted;
      },
      5000,
      {},
      2,
    );
    const first = writer.write(many(serverId, 2));
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.write(many(serverId, 3));
    await new Promise((resolve) => setImmediate(resolve));
    const third = writer.write(many(serverId, 1));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(release.length, 2, 'the third write waits for a free slot');
    let drained = false;
    const draining = writer.drain().then(() => {
      drained = true;
    });
    while (release.length > 0) {
      assert.equal(drained, false, 'drain() resolved while a commit was still open');
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await draining;
    assert.equal(most, 2);
    assert.deepEqual(await Promise.all([first, second, third]), [[true, true], [true, true, true], [true]]);
    assert.equal(await store.events.count({ serverId }), 6);
  });

  it('does not reject callers whose events were committed when the stats callback throws', async () => {
    const serverId = newId();
    const writer = new GroupCommit<EventToStore>((items) => store.events.insertBatch(items), 5000, {
      onCommit: () => {
        throw new Error('metrics backend down');
      },
    });
    const item = toStore(serverId);
    const outcome = await writer.write([item]).then(
      (inserted) => inserted,
      (error: unknown) => error,
    );
    assert.notEqual(await store.events.findById(item.event.id), null, 'the event was committed');
    assert.deepEqual(outcome, [true]);
  });
});

describe('GroupCommit with a failing store', () => {
  /** Fails any batch holding a poisoned event; the other methods are never called by the writer. */
  function failingRepository(
    poisoned: ReadonlySet<string>,
    error: Error,
    batches: number[],
  ): Pick<EventRepository, 'insertBatch'> {
    return {
      insertBatch: async (events) => {
        batches.push(events.length);
        if (events.some((item) => poisoned.has(item.event.id))) throw error;
        return events.map(() => true);
      },
    };
  }

  it('rejects the callers of the failing batch only', async () => {
    const poison = toStore('srv');
    const diskFull = new Error('disk I/O error');
    const batches: number[] = [];
    const commits: number[] = [];
    const writer = new GroupCommit<EventToStore>(
      commitOf(failingRepository(new Set([poison.event.id]), diskFull, batches)),
      2,
      {
        onCommit: (events) => commits.push(events),
      },
    );

    const settled = await Promise.allSettled([
      writer.write([toStore('srv')]),
      writer.write([poison]),
      writer.write([toStore('srv')]),
      writer.write([toStore('srv')]),
    ]);

    assert.deepEqual(batches, [2, 2]);
    assert.deepEqual(commits, [2], 'only the successful batch is counted as a commit');
    assert.deepEqual(
      settled.map((result) => result.status),
      ['rejected', 'rejected', 'fulfilled', 'fulfilled'],
    );
    for (const result of settled.slice(0, 2)) {
      assert.equal(result.status === 'rejected' ? result.reason : undefined, diskFull);
    }
    for (const result of settled.slice(2)) {
      assert.deepEqual(result.status === 'fulfilled' ? result.value : undefined, [true]);
    }
  });

  it('keeps working after a failed batch, and drain() still resolves', async () => {
    const poison = toStore('srv');
    const writer = new GroupCommit<EventToStore>(
      commitOf(failingRepository(new Set([poison.event.id]), new Error('boom'), [])),
    );
    const failed = writer.write([poison]);
    await writer.drain();
    await assert.rejects(failed, { message: 'boom' });
    assert.deepEqual(await writer.write([toStore('srv'), toStore('srv')]), [true, true]);
  });
});

function commitOf(
  repository: Pick<EventRepository, 'insertBatch'>,
): (items: readonly EventToStore[]) => Promise<boolean[]> {
  return (items) => repository.insertBatch(items);
}
