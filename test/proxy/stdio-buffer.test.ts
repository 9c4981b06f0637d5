// The stdio relay's building blocks: line splitting, ordered delivery, the on-disk buffer with
// backoff and dead letter, and naming a server from its command line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  BufferedSink,
  DeadLetterFile,
  type DeliveryResult,
  DiskBuffer,
  EventJournal,
  guessServerType,
  OrderedDelivery,
  type ProxyEvent,
  serverNameFor,
} from '../../src/proxy/index.js';
import { LineSplitter } from '../../src/proxy/stdio/line-splitter.js';
import { tempDir } from './fixtures/proxy-client.js';
import { echoEvent } from './fixtures/proxy-events.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds (a loaded machine may take far longer than the backoff), failing after 10 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (const start = Date.now(); !done(); await sleep(10)) {
    if (Date.now() - start > 10_000) assert.fail(`timed out waiting for ${what}`);
  }
}

describe('LineSplitter', () => {
  it('emits one line per newline, across chunk boundaries, without CR and empty lines', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push(Buffer.from('{"a":1}\n{"b":'));
    splitter.push(Buffer.from('2}\r\n\n{"c":"é'));
    splitter.push(Buffer.from('"}'));
    assert.deepEqual(lines, ['{"a":1}', '{"b":2}']);
    splitter.end();
    assert.deepEqual(lines, ['{"a":1}', '{"b":2}', '{"c":"é"}']);
  });
});

describe('OrderedDelivery', () => {
  it('delivers in arrival order even when later work finishes first', async () => {
    const out: string[] = [];
    const order = new OrderedDelivery<string>(1000, () => {});
    order.push(
      sleep(30).then(() => 'first'),
      (value) => out.push(value),
    );
    order.push(Promise.resolve('second'), (value) => out.push(value));
    await order.idle();
    await sleep(40);
    assert.deepEqual(out, ['first', 'second']);
  });

  it('lets later messages overtake one held longer than the release time (a call awaiting approval)', async () => {
    const out: string[] = [];
    const order = new OrderedDelivery<string>(20, () => {});
    order.push(
      sleep(200).then(() => 'held'),
      (value) => out.push(value),
    );
    order.push(Promise.resolve('next'), (value) => out.push(value));
    await sleep(100);
    assert.deepEqual(out, ['next']);
    await sleep(150);
    assert.deepEqual(out, ['next', 'held']);
  });
});

describe('BufferedSink with the disk buffer', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const setup = (deliver: (events: readonly ProxyEvent[]) => Promise<DeliveryResult>) => {
    const dir = tempDir('sentinel-buffer-');
    dirs.push(dir);
    const logs: string[] = [];
    const sink = new BufferedSink({
      deliver,
      buffer: new DiskBuffer(dir),
      deadLetter: new DeadLetterFile(join(dir, 'dead-letter.jsonl')),
      initialBackoffMs: 20,
      flushDelayMs: 1,
      log: (line) => logs.push(line),
    });
    return { dir, sink, logs };
  };

  it('buffers while the destination is down and delivers everything, in order, once it is back', async () => {
    let up = false;
    const delivered: string[] = [];
    const { dir, sink, logs } = setup(async (events) => {
      if (!up) return { ok: false, retry: true, reason: 'connection refused' };
      delivered.push(...events.map((e) => e.record.id));
      return { ok: true };
    });
    for (let n = 0; n < 5; n++) sink.write(echoEvent(n));
    await until(() => readdirSync(dir).some((name) => name.startsWith('seg-')), 'a segment on disk');
    sink.write(echoEvent(5));
    up = true;
    await until(() => delivered.length >= 6, 'the buffered events');
    assert.deepEqual(delivered, ['evt-0', 'evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5']);
    await sink.close();
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.startsWith('seg-')),
      [],
    );
    assert.match(logs.join('\n'), /buffering to .*\n.*recovered/);
  });

  it('keeps what is left on close for the next run, which sends it at start', async () => {
    const down = setup(async () => ({ ok: false, retry: true, reason: 'down' }));
    down.sink.write(echoEvent(1));
    down.sink.write(echoEvent(2));
    await down.sink.close();
    const segments = readdirSync(down.dir).filter((name) => name.startsWith('seg-'));
    assert.equal(segments.length, 1);
    assert.equal(readFileSync(join(down.dir, segments[0]!), 'utf8').trim().split('\n').length, 2);

    const delivered: string[] = [];
    const next = new BufferedSink({
      deliver: async (events) => {
        delivered.push(...events.map((e) => e.record.id));
        return { ok: true };
      },
      buffer: new DiskBuffer(down.dir),
      deadLetter: new DeadLetterFile(join(down.dir, 'dead-letter.jsonl')),
    });
    next.start();
    await until(() => delivered.length >= 2, 'the events of the earlier run');
    await next.close();
    assert.deepEqual(delivered, ['evt-1', 'evt-2']);
    assert.ok(!readdirSync(down.dir).some((name) => name.startsWith('seg-')));
  });

  it('puts what is refused for good in the dead-letter file and never retries it', async () => {
    let attempts = 0;
    const { dir, sink } = setup(async () => {
      attempts++;
      return { ok: false, retry: false, reason: 'remote Sentinel answered 401' };
    });
    sink.write(echoEvent(9));
    await until(() => attempts >= 1, 'the delivery attempt');
    await sleep(50);
    await sink.close();
    assert.equal(attempts, 1);
    const line = JSON.parse(readFileSync(join(dir, 'dead-letter.jsonl'), 'utf8').trim());
    assert.equal(line.reason, 'remote Sentinel answered 401');
    assert.equal(line.event.record.id, 'evt-9');
    assert.ok(!existsSync(join(dir, 'seg')));
  });
});

describe('EventJournal', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dir = () => {
    const created = tempDir('sentinel-journal-');
    dirs.push(created);
    return created;
  };
  const journals = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('jrn-'));
  const collector = (folder: string, delivered: string[]) =>
    new BufferedSink({
      deliver: async (events) => {
        delivered.push(...events.map((e) => e.record.id));
        return { ok: true };
      },
      buffer: new DiskBuffer(folder),
      deadLetter: new DeadLetterFile(join(folder, 'dead-letter.jsonl')),
      journal: new EventJournal(folder),
      flushDelayMs: 1,
    });

  it('keeps the queued events of a proxy killed with SIGKILL; the next run sends them', async () => {
    const folder = dir();
    const fixture = join(import.meta.dirname, 'fixtures/journal-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, folder, '3'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(child.stdout, 'data');
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.equal(journals(folder).length, 1, 'the dead process left its journal');

    const delivered: string[] = [];
    const next = collector(folder, delivered);
    next.start();
    await until(() => delivered.length >= 3, 'the journaled events');
    await next.close();
    assert.deepEqual(delivered, ['evt-0', 'evt-1', 'evt-2']);
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.startsWith('seg-') || name.startsWith('jrn-')),
      [],
    );
  });

  it('empties once the queue is delivered, is left alone by the buffer while open, and is removed on close', async () => {
    const folder = dir();
    const delivered: string[] = [];
    const sink = collector(folder, delivered);
    sink.start();
    sink.write(echoEvent(1));
    sink.write(echoEvent(2));
    const [name] = journals(folder);
    assert.ok(name !== undefined);
    assert.equal(readFileSync(join(folder, name), 'utf8').trim().split('\n').length, 2);
    await until(() => delivered.length >= 2, 'the delivery');
    await until(() => statSync(join(folder, name)).size === 0, 'the journal to empty');
    // A claim on the folder must not take the live journal of this process as an orphan.
    assert.equal(await new DiskBuffer(folder).claim(), null);
    assert.deepEqual(journals(folder), [name]);
    sink.write(echoEvent(3));
    await sink.close();
    assert.deepEqual(delivered, ['evt-1', 'evt-2', 'evt-3']);
    assert.deepEqual(journals(folder), []);
  });
});

describe('server naming on first use', () => {
  it('names a server from its command line and guesses its type', () => {
    assert.equal(
      serverNameFor('npx', ['-y', '@modelcontextprotocol/server-filesystem', '/home/me']),
      'server-filesystem',
    );
    assert.equal(
      serverNameFor('node', ['node_modules/@modelcontextprotocol/server-everything/dist/index.js', 'stdio']),
      'server-everything',
    );
    assert.equal(serverNameFor('uvx', ['mcp-server-sqlite', '--db-path', 'x.db']), 'mcp-server-sqlite');
    assert.equal(serverNameFor('/usr/local/bin/github-mcp', []), 'github-mcp');
    assert.equal(serverNameFor('python', ['-m', 'mcp_server_fetch']), 'mcp_server_fetch');
    assert.equal(guessServerType('server-filesystem'), 'filesystem');
    assert.equal(guessServerType('mcp-server-sqlite'), 'database');
    assert.equal(guessServerType('github-mcp'), 'web_api');
    assert.equal(guessServerType('weather'), 'other');
  });
});
