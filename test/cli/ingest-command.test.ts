import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SYSTEM_PRINCIPAL } from '../../src/app/index.js';
import { main } from '../../src/cli/main.js';
import { startRuntime } from '../../src/cli/runtime.js';
import { captureIo } from '../support/cli-io.js';

describe('mcp-sentinel ingest', () => {
  let dir: string;
  let env: Record<string, string>;
  let serverId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentinel-cli-'));
    env = { SENTINEL_DATA_DIR: dir, SENTINEL_LOG_LEVEL: 'silent' };
    const app = await startRuntime(env);
    serverId = (await app.servers.create(SYSTEM_PRINCIPAL, { name: 'history' })).server.id;
    await app.store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        timestamp: new Date(Date.UTC(2026, 9, 1, 0, i + offset)).toISOString(),
        tool: 'read',
      }),
    );

  it('loads a gzipped JSONL file, shows progress on stderr and a summary on stdout', async () => {
    const file = join(dir, 'october.jsonl.gz');
    writeFileSync(file, gzipSync(lines(2500).join('\n')));
    const io = captureIo(env);
    assert.equal(await main(['ingest', '--server', serverId, file], io), 0, io.err());
    assert.match(io.out(), /stored 2500, already present 0, rejected 0/);
    assert.match(io.err(), /100\.0% 2500 stored/);
  });

  it('reports rejected lines by number and exits 2; a second run stores nothing twice', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, [...lines(3, 5000), 'not json', JSON.stringify({ tool: 'no timestamp' })].join('\n'));
    const io = captureIo(env);
    assert.equal(await main(['ingest', '--server', serverId, '--json', file], io), 2);
    const report = JSON.parse(io.out());
    assert.equal(report.accepted, 3);
    assert.deepEqual(
      report.rejected.map((r: { line: number }) => r.line),
      [4, 5],
    );
    const again = captureIo(env);
    await main(['ingest', '--server', serverId, '--json', file], again);
    assert.equal(JSON.parse(again.out()).duplicates, 3);
  });

  it('answers usage errors with exit 64 and a hint', async () => {
    for (const args of [
      ['ingest', 'file.jsonl'],
      ['ingest', '--server', serverId],
      ['ingest', '--server', serverId, '--bogus', 'f'],
      ['ingest', '--server', serverId, join(dir, 'missing.jsonl')],
      ['frobnicate'],
    ]) {
      const io = captureIo(env);
      assert.equal(await main(args, io), 64, args.join(' '));
      assert.match(io.err(), /mcp-sentinel: /);
    }
  });

  it('names an unknown server', async () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, lines(1).join('\n'));
    const io = captureIo(env);
    assert.equal(await main(['ingest', '--server', '01a1fc6b-0000-7000-8000-000000000000', file], io), 1);
    assert.match(io.err(), /server not found/);
  });

  it('reports a bad setting by name with exit 78', async () => {
    const io = captureIo({ ...env, SENTINEL_PORT: 'eighty' });
    assert.equal(await main(['ingest', '--server', serverId, join(dir, 'one.jsonl')], io), 78);
    assert.match(io.err(), /SENTINEL_PORT/);
  });
});
