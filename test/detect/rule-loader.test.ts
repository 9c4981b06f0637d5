import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ValidationError } from '../../src/core/index.js';
import { loadRuleFiles, parseRuleDocument } from '../../src/detect/index.js';

const RULE = `- id: ACME-001
  title: Internal host name
  description: A host name of the internal network.
  category: custom
  severity: medium
  action: alert
  fields: [response, argument]
  match: { pattern: 'corp\\.acme\\.internal', flags: i }
`;

function details(run: () => unknown): readonly { path?: string; message: string }[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return error.details;
  }
  assert.fail('expected the rules to be rejected');
}

describe('parseRuleDocument', () => {
  it('reads a YAML list of rules with defaults for enabled, mappings and builtin', () => {
    const [rule] = parseRuleDocument(RULE, 'acme.yaml');
    assert.deepEqual(rule, {
      id: 'ACME-001',
      title: 'Internal host name',
      description: 'A host name of the internal network.',
      category: 'custom',
      severity: 'medium',
      action: 'alert',
      fields: ['response', 'argument'],
      match: { pattern: 'corp\\.acme\\.internal', flags: 'i' },
      mappings: { atlas: [], owasp: [] },
      enabled: true,
      builtin: false,
    });
  });

  it('reads a JSON file in the {rules: [...]} form', () => {
    const json = JSON.stringify({
      rules: [
        {
          id: 'ACME-002',
          title: 'GitHub token',
          description: 'A GitHub token.',
          category: 'secrets',
          severity: 'high',
          action: 'redact',
          fields: ['response'],
          detector: 'secrets.github-token',
        },
      ],
    });
    assert.equal(parseRuleDocument(json, 'acme.json')[0]?.detector, 'secrets.github-token');
  });

  it('a bad severity names file, line and field', () => {
    const text = `${RULE}- id: ACME-002\n  title: t\n  description: d\n  category: custom\n  severity: severe\n  action: alert\n  fields: [prompt]\n  match: { pattern: x }\n`;
    const [detail] = details(() => parseRuleDocument(text, 'acme.yaml'));
    assert.equal(detail?.path, 'acme.yaml:13 rules[1].severity');
    assert.match(detail?.message ?? '', /informational|critical/);
  });

  it('a misspelt field names the line of the unknown key', () => {
    const text = RULE.replace('severity: medium', 'severty: medium');
    const paths = details(() => parseRuleDocument(text, 'acme.yaml')).map((d) => d.path);
    assert.ok(paths.includes('acme.yaml:5 rules[0].severty'), paths.join(', '));
  });

  it('an unknown detector is rejected at load time', () => {
    const text = RULE.replace(/ {2}match: .*\n/, '  detector: secrets.no-such-thing\n');
    const [detail] = details(() => parseRuleDocument(text, 'acme.yaml'));
    assert.deepEqual(detail, {
      path: 'acme.yaml:8 rules[0].detector',
      message: 'unknown detector "secrets.no-such-thing"',
    });
  });

  it('a rule with both detector and match, or neither, is rejected', () => {
    const neither = RULE.replace(/ {2}match: .*\n/, '');
    assert.match(
      details(() => parseRuleDocument(neither, 'a.yaml'))[0]?.message ?? '',
      /exactly one of detector or match/,
    );
  });

  it('a duplicate id is rejected, also against rules loaded before', () => {
    const twice = `${RULE}${RULE}`;
    assert.deepEqual(
      details(() => parseRuleDocument(twice, 'acme.yaml')),
      [{ path: 'acme.yaml:9 rules[1].id', message: 'duplicate rule id "ACME-001"' }],
    );
    const existing = parseRuleDocument(RULE, 'first.yaml');
    assert.equal(
      details(() => parseRuleDocument(RULE, 'second.yaml', { existing }))[0]?.path,
      'second.yaml:1 rules[0].id',
    );
  });

  it('an invalid regex is rejected with the engine message', () => {
    const text = RULE.replace("'corp\\.acme\\.internal'", "'(unclosed'");
    const [detail] = details(() => parseRuleDocument(text, 'acme.yaml'));
    assert.equal(detail?.path, 'acme.yaml:8 rules[0].match.pattern');
    assert.match(detail?.message ?? '', /^invalid regular expression: /);
  });

  it('a catastrophic regex (a+)+$ is rejected with the reason', () => {
    const text = RULE.replace("'corp\\.acme\\.internal'", () => "'(a+)+$'");
    const [detail] = details(() => parseRuleDocument(text, 'acme.yaml'));
    assert.equal(detail?.path, 'acme.yaml:8 rules[0].match.pattern');
    assert.match(detail?.message ?? '', /^nested quantifier "\+" at position 4/);
  });

  it('YAML syntax errors carry the line', () => {
    const [detail] = details(() => parseRuleDocument('- id: [unclosed\n  title: x\n', 'broken.yaml'));
    assert.match(detail?.path ?? '', /^broken\.yaml:\d+$/);
  });

  it('builtin is set by Sentinel, not by a file', () => {
    const text = `${RULE}  builtin: true\n`;
    assert.equal(
      details(() => parseRuleDocument(text, 'acme.yaml'))[0]?.path,
      'acme.yaml:9 rules[0].builtin',
    );
  });

  it('a file that is not a list of rules says so', () => {
    assert.match(details(() => parseRuleDocument('id: x\n', 'x.yaml'))[0]?.message ?? '', /list of rules/);
  });
});

describe('loadRuleFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-rules-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every .yaml/.yml/.json file in name order and ignores others', () => {
    writeFileSync(join(dir, 'b.yml'), RULE.replace('ACME-001', 'ACME-00B'));
    writeFileSync(join(dir, 'a.yaml'), RULE);
    writeFileSync(join(dir, 'notes.txt'), 'not a rule');
    assert.deepEqual(
      loadRuleFiles(dir).map((rule) => rule.id),
      ['ACME-001', 'ACME-00B'],
    );
  });

  it('reports errors of all files, each with its file name', () => {
    writeFileSync(
      join(dir, 'c.yaml'),
      RULE.replace('ACME-001', 'ACME-00C').replace('action: alert', 'action: explode'),
    );
    writeFileSync(join(dir, 'd.yaml'), RULE);
    const paths = details(() => loadRuleFiles(dir)).map((d) => d.path);
    assert.deepEqual(paths, ['c.yaml:6 rules[0].action', 'd.yaml:1 rules[0].id']);
  });

  it('a missing directory is a ValidationError naming it', () => {
    assert.throws(
      () => loadRuleFiles(join(dir, 'missing')),
      (error: unknown) => {
        return error instanceof ValidationError && error.message.includes('missing');
      },
    );
  });
});
