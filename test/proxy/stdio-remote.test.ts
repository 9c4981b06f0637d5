// Issue 4 part 6: events to a remote Sentinel's webhook; when it is down they wait on disk and are
// sent later with backoff, nothing lost; permanent refusals go to the dead-letter file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bufferDirFor } from '../../src/proxy/index.js';
import { freePort } from '../support/sentinel-process.js';
import { createTestApp, registerServer, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';
import { connectThroughProxy, eventually, TEST_SERVER, tempDir } from './fixtures/proxy-client.js';

/** A TCP gate in front of the remote Sentinel: closing it (and its connections) is "the remote is down". */
class Gate {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: number,
  ) {}
  open(): Promise<void> {
    this.server = createServer((socket) => {
      const upstream = createConnection(this.target, '127.0.0.1');
      for (const end of [socket, upstream]) {
        this.sockets.add(end);
        end.on('close', () => this.sockets.delete(end));
        end.on('error', () => end.destroy());
      }
      socket.pipe(upstream).pipe(socket);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`stdio proxy to a remote Sentinel (${backend.name})`, { skip }, () => {
    let t: TestApp;
    let server: { id: string; apiKey?: string };
    let gate: Gate;
    const dataDir = tempDir();

    before(async () => {
      t = await createTestApp(backend);
      server = await registerServer(t, { name: 'remote-files', type: 'filesystem' });
      await t.http.listen({ host: '127.0.0.1', port: 0 });
      const address = t.http.server.address();
      gate = new Gate(await freePort(), typeof address === 'object' && address ? address.port : 0);
    });
    after(async () => {
      await gate?.close();
      await t?.close();
    });

    const connect = (key = server.apiKey!) =>
      connectThroughProxy({
        server: [process.execPath, TEST_SERVER],
        env: { SENTINEL_DATA_DIR: dataDir },
        proxyArgs: [
          '--server',
          server.id,
          '--sentinel-url',
          `http://127.0.0.1:${gate.port}`,
          '--sentinel-key',
          key,
        ],
      });
    const echo = (proxied: Awaited<ReturnType<typeof connect>>, text: string) =>
      proxied.client.callTool({ name: 'echo', arguments: { text } });
    const storedTexts = async () =>
      (await t.app.store.events.list({ serverId: server.id, tool: 'echo' }, { limit: 100 })).items
        .map((event) => event.response)
        .sort();
    const buffered = () => {
      const dir = bufferDirFor(dataDir, server.id);
      return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('seg-')) : [];
    };

    it('keeps events on disk while the remote is down, verdicts still applied locally', async () => {
      const proxied = await connect();
      await echo(proxied, 'one');
      await echo(proxied, 'two');
      const blocked = await proxied.client.callTool({
        name: 'read_note',
        arguments: { path: '/etc/shadow' },
      });
      await proxied.close();
      assert.equal(blocked.isError, true, 'detection runs in the proxy, not at the remote');
      assert.ok(buffered().length >= 1, 'a buffer segment was written');
      const lines = buffered().flatMap((name) =>
        readFileSync(join(bufferDirFor(dataDir, server.id), name), 'utf8')
          .trim()
          .split('\n'),
      );
      assert.ok(lines.length >= 4, `buffered ${lines.length} events`);
    });

    it('delivers the buffer when the remote is back, then new events as they come', async () => {
      await gate.open();
      const proxied = await connect();
      await echo(proxied, 'three');
      // The earlier run's buffer is sent at start; this run's events follow.
      const texts = await eventually(async () => {
        const found = await storedTexts();
        return found.length >= 3 ? found : undefined;
      });
      assert.deepEqual(texts, ['one', 'three', 'two']);
      await proxied.close();
      assert.deepEqual(buffered(), [], 'the buffer is empty once delivered');
      const read = await t.app.store.events.list({ serverId: server.id, tool: 'read_note' }, { limit: 5 });
      const findings = await t.app.store.findings.list({ eventId: read.items[0]!.id }, { limit: 10 });
      assert.ok(
        findings.items.some((finding) => finding.ruleId.startsWith('MCP-PT-')),
        'the remote detects too',
      );
    });

    it('recovers within a session: backoff retries deliver what failed while the remote was down', async () => {
      await gate.close();
      const proxied = await connect();
      await echo(proxied, 'four');
      await eventually(async () => (buffered().length > 0 ? true : undefined));
      await gate.open();
      const texts = await eventually(async () => {
        const found = await storedTexts();
        return found.includes('four') ? found : undefined;
      }, 15_000);
      assert.ok(texts.includes('four'));
      await proxied.close();
    });

    it('sends what the remote refuses for good (401) to the dead-letter file, not back into the buffer', async () => {
      const proxied = await connect(`mss_${'x'.repeat(40)}`);
      await echo(proxied, 'refused');
      await proxied.close();
      const deadLetter = join(bufferDirFor(dataDir, server.id), 'dead-letter.jsonl');
      const lines = readFileSync(deadLetter, 'utf8').trim().split('\n');
      assert.ok(lines.some((line) => line.includes('"refused"') && line.includes('answered 401')));
      assert.deepEqual(buffered(), []);
    });
  });
}
