import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileKql, HUNTING_SCHEMA, KqlError, validateKql } from '../../src/query/index.js';
import { NOW } from './hunt-fixture.js';

const options = { dialect: 'sqlite' as const, now: NOW, maxRows: 100 };

async function compileError(query: string): Promise<KqlError> {
  try {
    await compileKql(query, options);
  } catch (error) {
    if (error instanceof KqlError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('KQL validation with the official parser', () => {
  it('accepts a valid query with no diagnostics', async () => {
    assert.deepEqual(await validateKql('McpEvents | where Tool has "exec" | take 10'), []);
  });

  it('positions an unknown column on its line and column, with its length', async () => {
    const [d, ...rest] = await validateKql('McpEvents\n| where Foo == 1\n| take 10');
    assert.equal(rest.length, 0);
    assert.equal(d?.code, 'KS142');
    assert.equal(d?.severity, 'error');
    assert.match(d?.message ?? '', /Foo/);
    assert.deepEqual([d?.line, d?.column, d?.offset, d?.length], [2, 9, 18, 3]);
  });

  it('reports an unknown table and a syntax error', async () => {
    const unknownTable = await validateKql('SecurityEvent | take 1');
    assert.equal(unknownTable[0]?.severity, 'error');
    assert.deepEqual([unknownTable[0]?.line, unknownTable[0]?.column], [1, 1]);
    const syntax = await validateKql('McpEvents | where');
    assert.ok(syntax.some((d) => d.severity === 'error' && d.line === 1));
  });

  it('reports a type error on its operand', async () => {
    const [d] = await validateKql('McpEvents | where TimeGenerated > "yesterday" + 1');
    assert.equal(d?.severity, 'error');
    assert.equal(d?.line, 1);
  });

  it('refuses empty and overlong queries with a diagnostic', async () => {
    assert.equal((await validateKql('  '))[0]?.code, 'KQL0001');
    assert.equal((await validateKql(`McpEvents | take 1 ${' '.repeat(20_001)}`))[0]?.code, 'KQL0002');
  });

  it('refuses exponential let expansion before the analyser (which would take hours)', async () => {
    const lets = Array.from({ length: 40 }, (_, i) => `let t${i + 1} = t${i} | union t${i};`).join('\n');
    const started = Date.now();
    const [d, ...rest] = await validateKql(`let t0 = McpEvents | take 1;\n${lets}\nt40 | count`);
    assert.equal(rest.length, 0);
    assert.equal(d?.code, 'KQL_UNSUPPORTED');
    assert.equal(d?.line, 9); // t8 = 2^9 - 1 reads, the first past 256
    assert.ok(Date.now() - started < 5000);
    // A few lets used a few times each are fine.
    assert.deepEqual(
      await validateKql(
        'let a = McpEvents; let b = a | union a; let c = b | union b; let d = c | union c; d | count',
      ),
      [],
    );
  });

  it('compileKql throws kql_invalid with the diagnostics', async () => {
    const error = await compileError('McpEvents | where Usr == "a"');
    assert.equal(error.code, 'kql_invalid');
    assert.equal(error.status, 400);
    assert.equal(error.diagnostics[0]?.column, 19);
    assert.match(error.message, /Usr.*line 1, column 19/);
  });

  for (const [query, named, column] of [
    ['McpEvents | parse Prompt with * "x" rest', 'the parse operator', 13],
    ['McpEvents | getschema', 'the getschema operator', 13],
    ['McpEvents | extend h = hash(Tool)', 'the function hash()', 24],
    ['McpEvents | summarize stdev(DurationMs)', 'the aggregation function stdev()', 23],
    ['McpEvents | lookup Findings on EventId', 'the lookup operator', 13],
    [
      'McpEvents | join kind=inner Findings on EventId | where TimeGenerated > ago(1d) | join withsource=T Alerts on AlertId',
      'the join parameter withsource',
      88,
    ],
    ['let f = (x: long) { x + 1 }; McpEvents | extend y = f(1)', 'the user-defined function f', 1],
    ['McpEvents | mv-expand Metadata.tags, Arguments.list', 'mv-expand of several columns at once', 13],
  ] as const) {
    it(`names unsupported KQL with its position: ${named}`, async () => {
      const error = await compileError(query);
      assert.equal(error.code, 'kql_unsupported', error.message);
      assert.match(error.diagnostics[0]?.message ?? '', new RegExp(named.replace(/[()]/g, '\\$&')));
      assert.equal(error.diagnostics[0]?.column, column);
    });
  }

  it('exposes the hunting schema without credential columns', () => {
    assert.deepEqual(
      HUNTING_SCHEMA.map((t) => t.table),
      ['McpEvents', 'Findings', 'Alerts', 'Servers', 'AuditLogs'],
    );
    const servers = HUNTING_SCHEMA.find((t) => t.table === 'Servers');
    const names = servers?.columns.map((c) => c.name.toLowerCase()) ?? [];
    assert.ok(names.length > 0);
    for (const name of names) assert.doesNotMatch(name, /key|hash|secret|hmac|allowlist/);
    const events = HUNTING_SCHEMA.find((t) => t.table === 'McpEvents');
    assert.deepEqual(
      events?.columns.find((c) => c.name === 'Metadata'),
      { name: 'Metadata', type: 'dynamic' },
    );
  });
});
