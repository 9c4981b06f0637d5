import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runScanCommand, SCAN_EXIT } from '../../src/cli/scan-command.js';

const TOKEN = ['ghp', 'R8x2Kq9LmZ4vT7wN1bC5dF3hJ6pS0yU2aE4g'].join('_');

async function run(lines: string[], rulesDir?: string) {
  const output = new PassThrough();
  const errors = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  output.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  errors.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const input = Readable.from([lines.join('\n')]);
  const code = await runScanCommand({ input, output, errors, ...(rulesDir ? { rulesDir } : {}) });
  const records = out
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, records, errors: err.join('') };
}

const event = (fields: object) => JSON.stringify({ timestamp: '2026-11-01T10:30:00Z', ...fields });

describe('mcp-sentinel scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-scan-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an allowed event gives verdict allow and exit 0; id is the line number without an id', async () => {
    const result = await run([event({ tool: 'filesystem', prompt: 'Read the configuration file' })]);
    assert.equal(result.code, SCAN_EXIT.clean);
    assert.deepEqual(result.records, [{ id: 1, verdict: 'allow', findings: [] }]);
  });

  it('a secret gives a redact verdict with masked evidence and exit 1', async () => {
    const result = await run([event({ id: 'evt-7', response: `here: ${TOKEN} done` })]);
    assert.equal(result.code, SCAN_EXIT.findings);
    assert.deepEqual(result.records, [
      {
        id: 'evt-7',
        verdict: 'redact',
        findings: [
          {
            rule: 'MCP-SEC-007',
            severity: 'critical',
            category: 'secrets',
            field: 'response',
            evidence: 'here: ghp_************ done',
          },
        ],
      },
    ]);
  });

  it('invalid lines are reported on output with their line number, blank lines skipped, exit 3', async () => {
    const result = await run([
      '{not json',
      '',
      event({ prompt: 'hi' }),
      '[1,2]',
      '{"prompt": "no time", "timestamp": "yesterday"}',
    ]);
    assert.equal(result.code, SCAN_EXIT.invalidInput);
    assert.deepEqual(
      result.records.map((r) => r['line'] ?? r['id']),
      [1, 3, 4, 5],
    );
    assert.match(String(result.records[0]?.['error']), /^invalid JSON: /);
    assert.equal(result.records[2]?.['error'], 'event must be a JSON object');
    assert.match(String(result.records[3]?.['error']), /^timestamp: /);
  });

  it('an event without a timestamp is still scanned', async () => {
    const result = await run([JSON.stringify({ prompt: 'hello' })]);
    assert.deepEqual(result.records, [{ id: 1, verdict: 'allow', findings: [] }]);
  });

  it('--rules adds user rules; a block verdict exits 2', async () => {
    writeFileSync(
      join(dir, 'acme.yaml'),
      `- id: ACME-001
  title: Internal host
  description: Internal host names must not reach tools.
  category: custom
  severity: high
  action: block
  fields: [argument]
  match: { pattern: 'corp\\.acme\\.internal', flags: i }
`,
    );
    const result = await run([event({ arguments: { url: 'http://db.CORP.acme.internal/x' } })], dir);
    assert.equal(result.code, SCAN_EXIT.blocked);
    // The built-in SSRF rules also see the .internal host; the user rule must be there beside them.
    const findings = result.records[0]?.['findings'] as { rule: string }[];
    assert.deepEqual(
      findings.filter((finding) => finding.rule === 'ACME-001'),
      [
        {
          rule: 'ACME-001',
          severity: 'high',
          category: 'custom',
          field: 'arguments.url',
          evidence: 'http://db.CORP.acme.internal/x',
        },
      ],
    );
  });

  it('an invalid rule file exits 64 and names file, line and field on errors', async () => {
    const badDir = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(
      join(badDir, 'r.yaml'),
      '- id: B-1\n  title: t\n  description: d\n  category: custom\n  severity: severe\n  action: alert\n  fields: [prompt]\n  match: { pattern: x }\n',
    );
    const result = await run([event({ prompt: 'x' })], badDir);
    assert.equal(result.code, SCAN_EXIT.usage);
    assert.deepEqual(result.records, []);
    assert.match(result.errors, /r\.yaml:5 rules\[0\]\.severity: /);
  });

  it('a missing rules directory exits 64', async () => {
    const result = await run([], join(dir, 'nope'));
    assert.equal(result.code, SCAN_EXIT.usage);
    assert.match(result.errors, /cannot read rules directory/);
  });
});
