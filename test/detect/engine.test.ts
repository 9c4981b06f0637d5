import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type McpEvent, ValidationError } from '../../src/core/index.js';
import {
  createEngine,
  type Detector,
  type DetectorMatch,
  type FieldRole,
  fingerprintSecret,
  type Rule,
  redactText,
  walkEvent,
} from '../../src/detect/index.js';
import { mcpEvent } from '../support/mcp-event.js';

const ALL: FieldRole[] = ['prompt', 'response', 'tool_description', 'argument', 'metadata', 'identity'];

function findAll(value: string, pattern: RegExp, secret = false): DetectorMatch[] {
  return [...value.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, secret }));
}

const detectors = new Map<string, Detector>([
  ['test.needle', { id: 'test.needle', roles: ALL, detect: (f) => findAll(f.value, /needle/g) }],
  ['test.token', { id: 'test.token', roles: ALL, detect: (f) => findAll(f.value, /TOK-[A-Z0-9]{8}/g, true) }],
  [
    'test.overlap',
    {
      id: 'test.overlap',
      roles: ALL,
      detect: () => [
        { start: 0, end: 4 },
        { start: 2, end: 6 },
        { start: 6, end: 8 },
      ],
    },
  ],
  [
    'test.prompt-only',
    { id: 'test.prompt-only', roles: ['prompt'], detect: (f) => findAll(f.value, /needle/g) },
  ],
]);

function rule(id: string, overrides: Partial<Rule> = {}): Rule {
  return {
    id,
    title: `rule ${id}`,
    description: 'test rule',
    category: 'custom',
    severity: 'medium',
    action: 'alert',
    fields: ALL,
    detector: 'test.needle',
    mappings: { atlas: ['AML.T0051'], owasp: ['LLM01'] },
    enabled: true,
    builtin: false,
    ...overrides,
  };
}

const scan = (rules: Rule[], e: McpEvent) => createEngine(rules, { detectors }).scan(e);
const fieldsOf = (rules: Rule[], e: McpEvent) => scan(rules, e).findings.map((f) => f.field);

describe('engine: which rules run where', () => {
  it('a disabled rule does not run', () => {
    const result = scan([rule('R1', { enabled: false })], mcpEvent({ prompt: 'a needle' }));
    assert.deepEqual(result, { findings: [], verdict: 'allow' });
  });

  it('a rule runs only on the roles in its fields', () => {
    const e = mcpEvent({ prompt: 'needle', response: 'needle', toolDescription: 'needle' });
    assert.deepEqual(fieldsOf([rule('R1', { fields: ['response'] })], e), ['response']);
  });

  it("a detector's own roles narrow the rule's fields", () => {
    const e = mcpEvent({ prompt: 'needle', response: 'needle' });
    assert.deepEqual(fieldsOf([rule('R1', { detector: 'test.prompt-only' })], e), ['prompt']);
  });

  it('minMatches: findings only when enough distinct matched values exist across the event', () => {
    const r = rule('R1', {
      detector: undefined,
      match: { pattern: '[a-z]+@acme\\.test', flags: '' },
      minMatches: 3,
    });
    const twoDistinct = mcpEvent({ prompt: 'ann@acme.test and ann@acme.test', response: 'bob@acme.test' });
    assert.equal(scan([r], twoDistinct).findings.length, 0);
    const three = mcpEvent({
      prompt: 'ann@acme.test',
      response: 'bob@acme.test',
      arguments: { to: 'cy@acme.test' },
    });
    assert.deepEqual(fieldsOf([r], three), ['prompt', 'response', 'arguments.to']);
  });

  it('overlapping matches of one rule in one field are de-duplicated', () => {
    const result = scan([rule('R1', { detector: 'test.overlap' })], mcpEvent({ prompt: 'abcdefghij' }));
    assert.deepEqual(
      result.findings.map((f) => [f.start, f.end]),
      [
        [0, 4],
        [6, 8],
      ],
    );
  });

  it('unknown detectors, unsafe regexes and duplicate ids fail engine creation', () => {
    const bad = [
      rule('R1', { detector: 'test.missing' }),
      rule('R2', { detector: undefined, match: { pattern: '(a+)+$', flags: '' } }),
      rule('R2'),
    ];
    assert.throws(
      () => createEngine(bad, { detectors }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.details.map((d) => d.path).join(',') === 'R1.detector,R2.match.pattern,R2.id',
    );
  });
});

describe('engine: the field walker', () => {
  it('finds metadata.arguments.path as an argument keyed path', () => {
    const e = mcpEvent({ metadata: { arguments: { path: '../../needle' } } });
    const field = walkEvent(e).find((f) => f.path === 'metadata.arguments.path');
    assert.deepEqual(field, {
      path: 'metadata.arguments.path',
      key: 'path',
      role: 'argument',
      value: '../../needle',
    });
    assert.deepEqual(fieldsOf([rule('R1', { fields: ['argument'] })], e), ['metadata.arguments.path']);
  });

  it('walks JSON held in an argument string one level deep', () => {
    const e = mcpEvent({
      arguments: { payload: '{"path":"../../etc/needle","nested":"{\\"x\\":\\"needle\\"}"}' },
    });
    const fields = walkEvent(e).map((f) => [f.path, f.key, f.role, f.value]);
    assert.deepEqual(fields, [
      ['arguments.payload.path', 'path', 'argument', '../../etc/needle'],
      ['arguments.payload.nested', 'nested', 'argument', '{"x":"needle"}'],
    ]);
  });

  it('walks the text parts of an MCP result in response, and tools/list descriptions as tool_description', () => {
    const response = JSON.stringify({
      content: [{ type: 'text', text: 'result with needle' }],
      tools: [{ name: 'read', description: 'needle in the description' }],
    });
    const roles = walkEvent(mcpEvent({ response })).map((f) => [f.path, f.role]);
    assert.deepEqual(roles, [
      ['response.content.0.type', 'response'],
      ['response.content.0.text', 'response'],
      ['response.tools.0.name', 'response'],
      ['response.tools.0.description', 'tool_description'],
    ]);
  });

  it('classifies metadata by key: result -> response, description -> tool_description, identity fields', () => {
    const e = mcpEvent({
      metadata: { result: 'r', tool_description: 'd', operation: 'read', args: ['a'] },
      user: 'ann',
      sessionId: 's-1',
    });
    assert.deepEqual(
      walkEvent(e).map((f) => [f.path, f.key, f.role]),
      [
        ['metadata.result', 'result', 'response'],
        ['metadata.tool_description', 'tool_description', 'tool_description'],
        ['metadata.operation', 'operation', 'metadata'],
        ['metadata.args.0', 'args', 'argument'],
        ['user', 'user', 'identity'],
        ['sessionId', 'sessionid', 'identity'],
      ],
    );
  });

  it('scans a value only up to maxFieldChars', () => {
    const e = mcpEvent({ prompt: `${'x'.repeat(100)}needle` });
    assert.equal(createEngine([rule('R1')], { detectors, maxFieldChars: 100 }).scan(e).findings.length, 0);
    assert.equal(createEngine([rule('R1')], { detectors, maxFieldChars: 106 }).scan(e).findings.length, 1);
  });
});

describe('engine: findings, secrets and verdict', () => {
  it('evidence shows the match with context', () => {
    const [finding] = scan(
      [rule('R1')],
      mcpEvent({ prompt: 'please find the needle in this haystack' }),
    ).findings;
    assert.equal(finding?.evidence, 'please find the needle in this haystack');
    assert.equal(finding?.fingerprint, null);
    assert.deepEqual(finding?.mappings, { atlas: ['AML.T0051'], owasp: ['LLM01'] });
  });

  it('a secret is masked in evidence, fingerprinted, and stable across events', () => {
    const r = rule('S1', { detector: 'test.token', category: 'secrets', action: 'redact' });
    const a = scan([r], mcpEvent({ prompt: 'key TOK-AB12CD34 here' })).findings[0];
    const b = scan([r], mcpEvent({ arguments: { k: 'TOK-AB12CD34' } })).findings[0];
    assert.equal(a?.evidence, 'key TOK************ here');
    assert.equal(a?.fingerprint, fingerprintSecret('TOK-AB12CD34'));
    assert.match(a?.fingerprint ?? '', /^[0-9a-f]{16}$/);
    assert.equal(b?.fingerprint, a?.fingerprint);
    assert.ok(!JSON.stringify([a, b]).includes('AB12CD34'));
  });

  it("a neighbouring secret is masked in another finding's evidence", () => {
    const rules = [rule('R1'), rule('S1', { detector: 'test.token', category: 'secrets' })];
    const result = scan(rules, mcpEvent({ prompt: 'needle TOK-ZZ99YY88' }));
    const needle = result.findings.find((f) => f.ruleId === 'R1');
    assert.equal(needle?.evidence, 'needle TOK************');
  });

  it('a user regex rule in the secrets category masks its matches', () => {
    const r = rule('U1', {
      detector: undefined,
      category: 'secrets',
      match: { pattern: 'acme_[a-z0-9]{10}', flags: '' },
    });
    const [finding] = scan([r], mcpEvent({ response: 'token acme_q1w2e3r4t5 ok' })).findings;
    assert.equal(finding?.evidence, 'token acm************ ok');
    assert.equal(finding?.fingerprint, fingerprintSecret('acme_q1w2e3r4t5'));
  });

  it('verdict is the strongest action: block > redact > alert > allow', () => {
    const e = mcpEvent({ prompt: 'needle TOK-AB12CD34' });
    const alert = rule('A', { action: 'alert' });
    const redact = rule('R', { detector: 'test.token', action: 'redact' });
    const block = rule('B', { action: 'block' });
    assert.equal(scan([alert], e).verdict, 'alert');
    assert.equal(scan([alert, redact], e).verdict, 'redact');
    assert.equal(scan([redact, block, alert], e).verdict, 'block');
    assert.equal(scan([block], mcpEvent({ prompt: 'hay' })).verdict, 'allow');
  });

  it('findings come in field order, then position', () => {
    const e = mcpEvent({ prompt: 'needle TOK-AB12CD34 needle', response: 'needle' });
    const result = scan([rule('S', { detector: 'test.token' }), rule('N')], e);
    assert.deepEqual(
      result.findings.map((f) => `${f.field}:${f.start}:${f.ruleId}`),
      ['prompt:0:N', 'prompt:7:S', 'prompt:20:N', 'response:0:N'],
    );
  });
});

describe('redactText', () => {
  it('replaces spans with rule-named markers, merging overlaps', () => {
    const value = 'key=TOK-AB12CD34 and TOK-ZZ99YY88!';
    const spans = [
      { start: 4, end: 16, ruleId: 'MCP-SEC-001' },
      { start: 21, end: 33, ruleId: 'MCP-SEC-002' },
      { start: 25, end: 30 },
    ];
    assert.equal(redactText(value, spans), 'key=[REDACTED:MCP-SEC-001] and [REDACTED:MCP-SEC-002]!');
  });

  it('uses a bare marker without a rule and ignores empty or out-of-range spans', () => {
    assert.equal(
      redactText('abcdef', [
        { start: 2, end: 4 },
        { start: 5, end: 5 },
        { start: 9, end: 12 },
      ]),
      'ab[REDACTED]ef',
    );
  });
});
