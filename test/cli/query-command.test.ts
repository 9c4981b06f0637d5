import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { startRuntime } from '../../src/cli/runtime.js';
import { seedHuntData } from '../query/hunt-fixture.js';
import { captureIo } from '../support/cli-io.js';

describe('mcp-sentinel query', () => {
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentinel-query-'));
    env = { SENTINEL_DATA_DIR: dir, SENTINEL_LOG_LEVEL: 'silent' };
    const app = await startRuntime(env);
    await seedHuntData(app.store);
    await app.store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a table of the rows and exits 0', async () => {
    const io = captureIo(env);
    const code = await main(
      ['query', 'McpEvents | summarize Calls = count() by Agent | sort by Agent asc'],
      io,
    );
    assert.equal(code, 0, io.err());
    assert.equal(
      io.out(),
      [
        'Agent     Calls',
        '--------  -----',
        '          1',
        'claude-3  5',
        'gpt-4     2',
        '(3 rows)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --format json, restricted by --timespan', async () => {
    const io = captureIo(env);
    const code = await main(
      [
        'query',
        '--format',
        'json',
        '--timespan',
        'P3650D',
        'Findings | project RuleId, Severity | sort by RuleId asc',
      ],
      io,
    );
    assert.equal(code, 0, io.err());
    const result = JSON.parse(io.out());
    assert.deepEqual(result.rows, [
      ['command-injection', 'high'],
      ['sql-injection', 'medium'],
    ]);
    assert.deepEqual(result.columns[1], { name: 'Severity', type: 'string' });
  });

  it('shows diagnostics under the query text and exits 2 for a wrong query', async () => {
    const io = captureIo(env);
    const code = await main(['query', 'McpEvents | where Tol == "x"'], io);
    assert.equal(code, 2);
    assert.equal(io.out(), '');
    assert.match(io.err(), /error KS142 at line 1, column 19: .*Tol/);
    assert.match(io.err(), /\n {2}McpEvents \| where Tol == "x"\n {20}\^\^\^\n/);
  });

  it('exits 2 for valid KQL that hunting does not support, naming it', async () => {
    const io = captureIo(env);
    assert.equal(await main(['query', 'McpEvents | evaluate bag_unpack(Metadata)'], io), 2);
    assert.match(io.err(), /the evaluate operator is not supported/);
  });

  it('exits 64 on usage mistakes', async () => {
    const io = captureIo(env);
    assert.equal(await main(['query'], io), 64);
    assert.equal(await main(['query', '--format', 'xml', 'McpEvents'], io), 64);
  });
});
