import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isId, MAX_EVENT_DEPTH, type McpEvent } from '../../src/core/index.js';
import { type NormalizeContext, normalizeEvent } from '../../src/ingest/normalize-event.js';

const CONTEXT: NormalizeContext = {
  serverId: 'srv-files',
  source: 'webhook',
  receivedAt: '2026-11-01T10:30:01.000Z',
};

/** The example event of ARCHITECTURE.md, "The event (webhook format)". */
const EXAMPLE = {
  timestamp: '2026-11-01T10:30:00Z',
  user: 'user@example.com',
  agent: 'claude-3',
  tool: 'filesystem',
  prompt: 'Read the configuration file',
  response: 'File contents: {...}',
  metadata: { file_path: '/etc/config.json', operation: 'read' },
};

function accept(raw: unknown, context: NormalizeContext = CONTEXT): McpEvent {
  const result = normalizeEvent(raw, context);
  assert.ok(result.ok, `expected ${JSON.stringify(raw)} to be accepted, got ${JSON.stringify(result)}`);
  return result.event;
}

function reject(raw: unknown): { reason: string; paths: Array<string | undefined> } {
  const result = normalizeEvent(raw, CONTEXT);
  assert.ok(!result.ok, `expected ${JSON.stringify(raw)} to be rejected`);
  return { reason: result.reason, paths: result.details.map((detail) => detail.path) };
}

const TIMESTAMP_MESSAGE =
  'timestamp: must be an ISO 8601 date-time with a time zone (e.g. 2026-11-01T10:30:00Z) or epoch milliseconds';

describe('normalizeEvent: the documented event', () => {
  it('normalizes the ARCHITECTURE.md example field by field', () => {
    const event = accept(EXAMPLE);
    assert.ok(isId(event.id), event.id);
    assert.deepEqual(event, {
      id: event.id,
      serverId: 'srv-files',
      timestamp: '2026-11-01T10:30:00.000Z',
      receivedAt: '2026-11-01T10:30:01.000Z',
      source: 'webhook',
      externalId: null,
      sessionId: null,
      user: 'user@example.com',
      agent: 'claude-3',
      client: null,
      tool: 'filesystem',
      method: null,
      prompt: 'Read the configuration file',
      response: 'File contents: {...}',
      arguments: null,
      metadata: { file_path: '/etc/config.json', operation: 'read' },
      toolDescription: null,
      isError: null,
      durationMs: null,
    });
  });

  it('maps every optional field Sentinel understands', () => {
    const event = accept({
      ...EXAMPLE,
      id: 'evt-1',
      session_id: 'sess-9',
      method: 'tools/call',
      arguments: { path: '/etc/config.json', recursive: false },
      tool_description: 'Reads files from disk',
      is_error: true,
      duration_ms: 12.5,
      client: 'claude-desktop',
    });
    assert.equal(event.externalId, 'evt-1');
    assert.equal(event.sessionId, 'sess-9');
    assert.equal(event.method, 'tools/call');
    assert.deepEqual(event.arguments, { path: '/etc/config.json', recursive: false });
    assert.equal(event.toolDescription, 'Reads files from disk');
    assert.equal(event.isError, true);
    assert.equal(event.durationMs, 12.5);
    assert.equal(event.client, 'claude-desktop');
    assert.deepEqual(event.metadata, EXAMPLE.metadata);
  });

  it('treats explicit nulls like missing fields', () => {
    const event = accept({
      timestamp: EXAMPLE.timestamp,
      user: null,
      agent: null,
      client: null,
      tool: null,
      prompt: null,
      response: null,
      arguments: null,
      metadata: null,
      is_error: null,
      duration_ms: null,
    });
    assert.equal(event.user, null);
    assert.equal(event.client, null);
    assert.equal(event.prompt, null);
    assert.equal(event.response, null);
    assert.equal(event.arguments, null);
    assert.deepEqual(event.metadata, {});
    assert.equal(event.isError, null);
    assert.equal(event.durationMs, null);
  });

  it('takes server, source and receivedAt from the context and gives every event a fresh id', () => {
    const context: NormalizeContext = {
      serverId: 'srv-2',
      source: 'upload',
      receivedAt: '2027-01-01T00:00:00.000Z',
    };
    const first = accept(EXAMPLE, context);
    const second = accept(EXAMPLE, context);
    assert.equal(first.serverId, 'srv-2');
    assert.equal(first.source, 'upload');
    assert.equal(first.receivedAt, '2027-01-01T00:00:00.000Z');
    assert.notEqual(first.id, second.id);
  });

  it('rejects anything that is not a JSON object', () => {
    for (const raw of [null, undefined, 42, 'event', true, [EXAMPLE]]) {
      assert.deepEqual(normalizeEvent(raw, CONTEXT), {
        ok: false,
        reason: 'event must be a JSON object',
        details: [],
      });
    }
  });
});

describe('normalizeEvent: timestamp', () => {
  it('requires a timestamp', () => {
    const { reason, paths } = reject({ user: 'alice' });
    assert.match(reason, /^timestamp: /);
    assert.deepEqual(paths, ['timestamp']);
  });

  it('converts ISO 8601 with any time zone to UTC with milliseconds', () => {
    const cases: Array<[string, string]> = [
      ['2026-11-01T10:30:00Z', '2026-11-01T10:30:00.000Z'],
      ['2026-11-01T12:30:00+02:00', '2026-11-01T10:30:00.000Z'],
      ['2026-11-01T05:30:00-05:00', '2026-11-01T10:30:00.000Z'],
      ['2026-11-01T10:30:00.123Z', '2026-11-01T10:30:00.123Z'],
      ['2026-11-01T10:30:00.123456789Z', '2026-11-01T10:30:00.123Z'],
      ['2026-11-01T10:30Z', '2026-11-01T10:30:00.000Z'],
      ['2026-11-01 10:30:00Z', '2026-11-01T10:30:00.000Z'],
      ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
      ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(accept({ timestamp: input }).timestamp, expected, input);
    }
  });

  it('reads a number as epoch milliseconds', () => {
    assert.equal(accept({ timestamp: 1793529000000 }).timestamp, '2026-11-01T10:30:00.000Z');
    assert.equal(accept({ timestamp: 0 }).timestamp, '1970-01-01T00:00:00.000Z');
    assert.equal(accept({ timestamp: 253402300799999 }).timestamp, '9999-12-31T23:59:59.999Z');
  });

  it('rejects a date-time without a time zone', () => {
    for (const timestamp of ['2026-11-01T10:30:00', '2026-11-01T10:30:00.000', '2026-11-01']) {
      assert.equal(reject({ timestamp }).reason, TIMESTAMP_MESSAGE, timestamp);
    }
  });

  it('rejects garbage', () => {
    for (const timestamp of [
      '',
      'yesterday',
      'Sun, 01 Nov 2026 10:30:00 GMT',
      '1793529000000',
      true,
      {},
      [],
    ]) {
      assert.match(reject({ timestamp }).reason, /^timestamp: /, JSON.stringify(timestamp));
    }
  });

  it('rejects dates and times out of range', () => {
    for (const timestamp of [
      '2026-13-01T10:30:00Z',
      '2026-11-32T10:30:00Z',
      '2026-11-01T25:00:00Z',
      '2026-11-01T10:60:00Z',
      '2026-11-01T10:30:60Z',
      '2026-11-01T10:30:00+25:00',
      '1969-12-31T23:59:59Z',
    ]) {
      assert.equal(reject({ timestamp }).reason, TIMESTAMP_MESSAGE, timestamp);
    }
  });

  it('rejects epoch milliseconds out of range or not finite', () => {
    for (const timestamp of [-1, 253402300800000, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.match(reject({ timestamp }).reason, /^timestamp: /, String(timestamp));
    }
  });

  it('rejects a day that does not exist in its month', () => {
    for (const timestamp of ['2026-02-30T10:00:00Z', '2026-02-29T10:00:00Z', '2026-04-31T10:00:00Z']) {
      assert.equal(reject({ timestamp }).reason, TIMESTAMP_MESSAGE, timestamp);
    }
  });
});

describe('normalizeEvent: unknown fields', () => {
  it('keeps unknown top-level fields in metadata', () => {
    const event = accept({
      ...EXAMPLE,
      region: 'eu-west-1',
      request: { bytes: 12, tags: ['a'] },
      score: 0.5,
    });
    assert.deepEqual(event.metadata, {
      file_path: '/etc/config.json',
      operation: 'read',
      region: 'eu-west-1',
      request: { bytes: 12, tags: ['a'] },
      score: 0.5,
    });
  });

  it('keeps unknown fields when there is no metadata', () => {
    assert.deepEqual(accept({ timestamp: EXAMPLE.timestamp, trace_id: 'abc' }).metadata, { trace_id: 'abc' });
  });

  it('puts an unknown field whose name metadata already uses under metadata._unknown', () => {
    const event = accept({ ...EXAMPLE, operation: 'write', region: 'eu' });
    assert.deepEqual(event.metadata, {
      file_path: '/etc/config.json',
      operation: 'read',
      region: 'eu',
      _unknown: { operation: 'write' },
    });
  });

  it('does not copy known fields into metadata', () => {
    const event = accept({ ...EXAMPLE, id: 'x', session_id: 's', method: 'tools/call', is_error: false });
    assert.deepEqual(event.metadata, EXAMPLE.metadata);
  });

  it('keeps unknown fields named like Object.prototype members at the top of metadata', () => {
    const event = accept({ timestamp: EXAMPLE.timestamp, constructor: 'x', toString: 'y' });
    assert.deepEqual(event.metadata, { constructor: 'x', toString: 'y' });
  });

  it('does not lose a value already named _unknown when another field collides', () => {
    const fromMetadata = accept({ timestamp: EXAMPLE.timestamp, metadata: { a: 1, _unknown: 'orig' }, a: 2 });
    assert.ok(
      JSON.stringify(fromMetadata.metadata).includes('"orig"'),
      JSON.stringify(fromMetadata.metadata),
    );
    const fromTop = accept({ timestamp: EXAMPLE.timestamp, metadata: { a: 1 }, a: 2, _unknown: 'top' });
    assert.ok(JSON.stringify(fromTop.metadata).includes('"top"'), JSON.stringify(fromTop.metadata));
  });
});

describe('normalizeEvent: field shapes', () => {
  it('stores a response or prompt given as an object as its JSON text', () => {
    const response = { content: [{ type: 'text', text: 'File contents: {"debug": true}' }], isError: false };
    const prompt = { role: 'user', content: 'Read the configuration file' };
    const event = accept({ ...EXAMPLE, response, prompt });
    assert.equal(event.response, JSON.stringify(response));
    assert.equal(event.prompt, JSON.stringify(prompt));
    assert.deepEqual(JSON.parse(event.response ?? ''), response);
  });

  it('stores a response given as an array or number as its JSON text', () => {
    assert.equal(accept({ ...EXAMPLE, response: [1, 'two'] }).response, '[1,"two"]');
    assert.equal(accept({ ...EXAMPLE, response: 42 }).response, '42');
  });

  it('turns a client object into name/version and keeps the object as metadata.client_info', () => {
    const client = { name: 'claude-desktop', version: '1.2.3' };
    const event = accept({ ...EXAMPLE, client });
    assert.equal(event.client, 'claude-desktop/1.2.3');
    assert.deepEqual(event.metadata['client_info'], client);
  });

  it('uses the name alone when the client has no version, and JSON when it has no name', () => {
    assert.equal(accept({ ...EXAMPLE, client: { name: 'cursor' } }).client, 'cursor');
    assert.equal(accept({ ...EXAMPLE, client: { name: 'cursor', version: 3 } }).client, 'cursor');
    assert.equal(accept({ ...EXAMPLE, client: { vendor: 'acme' } }).client, '{"vendor":"acme"}');
  });

  it('keeps a client given as a string as it is, without client_info', () => {
    const event = accept({ ...EXAMPLE, client: 'vscode/1.95' });
    assert.equal(event.client, 'vscode/1.95');
    assert.equal('client_info' in event.metadata, false);
  });

  it('requires arguments to be an object', () => {
    for (const args of [['a', 'b'], 'path=/etc', 42, true]) {
      const { reason, paths } = reject({ ...EXAMPLE, arguments: args });
      assert.match(reason, /^arguments: /, JSON.stringify(args));
      assert.deepEqual(paths, ['arguments']);
    }
    assert.deepEqual(accept({ ...EXAMPLE, arguments: {} }).arguments, {});
  });

  it('requires metadata to be an object', () => {
    assert.match(reject({ ...EXAMPLE, metadata: ['a'] }).reason, /^metadata: /);
    assert.match(reject({ ...EXAMPLE, metadata: 'a=b' }).reason, /^metadata: /);
  });

  it('turns an id given as a number or a string into the externalId string', () => {
    assert.equal(accept({ ...EXAMPLE, id: 42 }).externalId, '42');
    assert.equal(accept({ ...EXAMPLE, id: -7 }).externalId, '-7');
    assert.equal(accept({ ...EXAMPLE, id: 0 }).externalId, '0');
    assert.equal(accept({ ...EXAMPLE, id: 'evt-42' }).externalId, 'evt-42');
  });

  it('rejects an empty, fractional, too long or non-scalar id', () => {
    for (const id of ['', 1.5, 'x'.repeat(1025), { id: 1 }, true]) {
      const { reason, paths } = reject({ ...EXAMPLE, id });
      assert.match(reason, /^id: /, JSON.stringify(id).slice(0, 40));
      assert.deepEqual(paths, ['id']);
    }
  });

  it('accepts a 1024-character user and rejects a 1025-character one', () => {
    assert.equal(accept({ ...EXAMPLE, user: 'u'.repeat(1024) }).user?.length, 1024);
    const { reason, paths } = reject({ ...EXAMPLE, user: 'u'.repeat(1025) });
    assert.equal(reason, 'user: must be at most 1024 characters');
    assert.deepEqual(paths, ['user']);
  });

  it('limits the other short text fields the same way', () => {
    for (const field of ['agent', 'tool', 'method', 'session_id']) {
      assert.match(reject({ ...EXAMPLE, [field]: 'x'.repeat(1025) }).reason, new RegExp(`^${field}: `));
    }
  });

  it('rejects a non-boolean is_error and a negative or non-numeric duration_ms', () => {
    assert.match(reject({ ...EXAMPLE, is_error: 'yes' }).reason, /^is_error: /);
    assert.match(reject({ ...EXAMPLE, duration_ms: -1 }).reason, /^duration_ms: /);
    assert.match(reject({ ...EXAMPLE, duration_ms: '12' }).reason, /^duration_ms: /);
  });

  it('reports every invalid field in details, the first one in the reason', () => {
    const result = normalizeEvent({ timestamp: 'nope', user: 7, arguments: [] }, CONTEXT);
    assert.ok(!result.ok);
    assert.deepEqual(result.details.map((detail) => detail.path).sort(), ['arguments', 'timestamp', 'user']);
    assert.ok(result.reason.startsWith(`${result.details[0]?.path}: `));
  });
});

describe('normalizeEvent: nesting', () => {
  /** `levels` arrays or objects inside each other around a string. */
  function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
    let value: unknown = 'x';
    for (let i = 0; i < levels; i++) value = wrap(value);
    return value;
  }

  it('refuses an event nested deeper than serializing it can go, with a reason, instead of throwing', () => {
    // 5,000 arrays parse fine but overflowed the stack in JSON.stringify during validation.
    for (const wrap of [(inner: unknown) => [inner], (inner: unknown) => ({ a: inner })]) {
      const result = normalizeEvent({ ...EXAMPLE, response: nested(5000, wrap) }, CONTEXT);
      assert.deepEqual(result, {
        ok: false,
        reason: `event nests more than ${MAX_EVENT_DEPTH} levels of objects or arrays`,
        details: [],
      });
    }
  });

  it(`accepts ${MAX_EVENT_DEPTH} levels (the event object itself is the first)`, () => {
    const deepest = { ...EXAMPLE, metadata: nested(MAX_EVENT_DEPTH - 1, (inner) => ({ a: inner })) };
    assert.ok(normalizeEvent(deepest, CONTEXT).ok);
    const deeper = { ...EXAMPLE, metadata: nested(MAX_EVENT_DEPTH, (inner) => ({ a: inner })) };
    assert.equal(normalizeEvent(deeper, CONTEXT).ok, false);
  });
});
