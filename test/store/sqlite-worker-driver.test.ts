import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { SqliteWorkerDriver } from '../../src/store/sqlite/sqlite-worker-driver.js';
import { runChildScript } from '../support/child-script.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinel-sqlite-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const opened: SqliteWorkerDriver[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((driver) => driver.close().catch(() => {})));
});

async function start(busyTimeoutMs = 10_000): Promise<{ driver: SqliteWorkerDriver; path: string }> {
  files += 1;
  const path = join(dir, `db-${files}.db`);
  const driver = await SqliteWorkerDriver.start({ path, synchronous: 'full', busyTimeoutMs });
  opened.push(driver);
  await driver.run('CREATE TABLE items (k TEXT PRIMARY KEY, v INTEGER NOT NULL, label TEXT UNIQUE)');
  return { driver, path };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A driver whose reads outside transactions run on a connection of this thread, as the store's do. */
async function startWithReader(): Promise<{ driver: SqliteWorkerDriver; reader: Database.Database }> {
  files += 1;
  const path = join(dir, `db-${files}.db`);
  const setup = new Database(path);
  setup.pragma('journal_mode = WAL');
  setup.exec('CREATE TABLE items (k TEXT PRIMARY KEY, v INTEGER NOT NULL, label TEXT UNIQUE)');
  const driver = await SqliteWorkerDriver.start({ path, synchronous: 'full' }, setup);
  opened.push(driver);
  return { driver, reader: setup };
}

describe('SqliteWorkerDriver (SQLite on a worker thread)', () => {
  it('reads on the calling thread see every write that has resolved, and writes through all() still go to the worker', async () => {
    const { driver, reader } = await startWithReader();
    for (let i = 0; i < 50; i++) {
      await driver.run('INSERT INTO items (k, v) VALUES (?, ?)', [`k${i}`, i]);
      assert.deepEqual(await driver.all('SELECT v FROM items WHERE k = ?', [`k${i}`]), [{ v: i }]);
    }
    // INSERT ... RETURNING is not read-only: the worker runs it, and its row is then visible here.
    assert.deepEqual(await driver.all('INSERT INTO items (k, v) VALUES (?, ?) RETURNING v', ['r', 7]), [
      { v: 7 },
    ]);
    assert.deepEqual(reader.prepare('SELECT v FROM items WHERE k = ?').all('r'), [{ v: 7 }]);
    // Inside a transaction a read goes to the worker, so it sees the transaction's own writes.
    await driver.transaction(async (tx) => {
      await tx.run('INSERT INTO items (k, v) VALUES (?, ?)', ['t', 9]);
      assert.deepEqual(await tx.all('SELECT v FROM items WHERE k = ?', ['t']), [{ v: 9 }]);
    });
    await assert.rejects(driver.all('SELECT nope FROM items'), /no such column/);
    // With the worker gone, reads still answer from this thread; writes fail clearly.
    await driver.terminate();
    assert.deepEqual(await driver.all('SELECT v FROM items WHERE k = ?', ['t']), [{ v: 9 }]);
    await assert.rejects(driver.run('DELETE FROM items'), /unavailable|stopped/);
  });

  it('makes a statement issued during a transaction wait until the transaction ends', async () => {
    const { driver } = await start();
    let finishWork = () => {};
    const held = new Promise<void>((resolve) => {
      finishWork = resolve;
    });
    const transaction = driver.transaction(async (tx) => {
      await tx.run('INSERT INTO items (k, v) VALUES (?, ?)', ['a', 1]);
      await held;
      await tx.run('UPDATE items SET v = ? WHERE k = ?', [2, 'a']);
    });
    await tick(20);
    let answered = false;
    const outside = driver.all('SELECT v FROM items WHERE k = ?', ['a']).then((rows) => {
      answered = true;
      return rows;
    });
    await tick(100);
    assert.equal(answered, false, 'the outside read ran inside the open transaction');
    finishWork();
    await transaction;
    assert.deepEqual(await outside, [{ v: 2 }]);
  });

  it('rolls back when the work throws, and rethrows its error', async () => {
    const { driver } = await start();
    const failure = new Error('work failed');
    await assert.rejects(
      driver.transaction(async (tx) => {
        await tx.insertIgnoringConflicts('items', ['k', 'v'], [['a', 1]]);
        throw failure;
      }),
      (error) => error === failure,
    );
    assert.deepEqual(await driver.all('SELECT * FROM items'), []);
    await driver.run('INSERT INTO items (k, v) VALUES (?, ?)', ['b', 1]);
    assert.equal((await driver.all('SELECT k FROM items')).length, 1);
  });

  it('reports which rows insertIgnoringConflicts stored', async () => {
    const { driver } = await start();
    await driver.run('INSERT INTO items (k, v) VALUES (?, ?)', ['a', 1]);
    const inserted = await driver.insertIgnoringConflicts(
      'items',
      ['k', 'v'],
      [
        ['a', 9],
        ['b', 2],
        ['b', 3],
      ],
    );
    assert.deepEqual(inserted, [false, true, false]);
  });

  it('surfaces a constraint error with its message and code', async () => {
    const { driver } = await start();
    await driver.run('INSERT INTO items (k, v, label) VALUES (?, ?, ?)', ['a', 1, 'x']);
    await assert.rejects(driver.run('INSERT INTO items (k, v, label) VALUES (?, ?, ?)', ['b', 1, 'x']), {
      name: 'SqliteError',
      message: 'UNIQUE constraint failed: items.label',
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    await assert.rejects(driver.all('SELECT nope FROM items'), {
      code: 'SQLITE_ERROR',
      message: /no such column/,
    });
  });

  it('surfaces SQLITE_BUSY when another connection holds the write lock', async () => {
    const { driver, path } = await start(50);
    const other = new Database(path);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      await assert.rejects(driver.run('INSERT INTO items (k, v) VALUES (?, ?)', ['a', 1]), {
        code: 'SQLITE_BUSY',
      });
      other.prepare('ROLLBACK').run();
    } finally {
      other.close();
    }
  });

  it('rejects pending calls with a clear error when the worker dies, and later calls at once', async () => {
    const { driver } = await start();
    const slow = driver.all(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n',
    );
    const queued = driver.run('INSERT INTO items (k, v) VALUES (?, ?)', ['a', 1]);
    await tick(50);
    await driver.terminate();
    await assert.rejects(slow, /SQLite worker thread stopped unexpectedly.*outcome is unknown/);
    await assert.rejects(queued, /SQLite worker thread stopped unexpectedly/);
    await assert.rejects(driver.all('SELECT 1'), /SQLite store is unavailable/);
  });

  it('lets close() finish every write already sent, all of them in the file afterwards', async () => {
    const { driver, path } = await start();
    const writes = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? driver.insertIgnoringConflicts('items', ['k', 'v'], [[`k${i}`, i]])
        : driver.run('INSERT INTO items (k, v) VALUES (?, ?)', [`k${i}`, i]),
    );
    await driver.close();
    await Promise.all(writes);
    await assert.rejects(driver.run('SELECT 1'), /SQLite store is closed/);
    const reopened = new Database(path, { readonly: true });
    try {
      assert.deepEqual(reopened.prepare('SELECT count(*) AS c FROM items').get(), { c: 300 });
    } finally {
      reopened.close();
    }
  });

  it('does not keep the process alive when a store is left unclosed', async () => {
    const store = pathToFileURL(join(import.meta.dirname, '../../src/store/sqlite/sqlite-store.ts')).href;
    const { code, output } = await runChildScript(
      join(dir, 'unclosed.mts'),
      `import { openSqliteStore } from ${JSON.stringify(store)};
       const store = await openSqliteStore({ path: ${JSON.stringify(join(dir, 'unclosed.db'))}, synchronous: 'full' });
       await store.ping();
       console.log('version', await store.schemaVersion());`,
    );
    assert.equal(code, 0, 'the child did not exit by itself');
    assert.match(output, /version \d+/);
  });
});
