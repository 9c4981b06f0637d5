import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MalformedJsonError, ValidationError } from '../../src/core/index.js';
import { type ParsedItem, parseEvents } from '../../src/ingest/parse-events.js';

const EVENT = {
  timestamp: '2026-11-01T10:30:00Z',
  user: 'user@example.com',
  agent: 'claude-3',
  tool: 'filesystem',
  prompt: 'Read the configuration file',
  response: 'File contents: {...}',
  metadata: { file_path: '/etc/config.json', operation: 'read' },
};

function malformed(text: string, contentType?: string): MalformedJsonError {
  try {
    parseEvents(text, contentType);
  } catch (error) {
    assert.ok(error instanceof MalformedJsonError, `expected MalformedJsonError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be rejected as malformed JSON`);
}

function errorOf(item: ParsedItem | undefined): string {
  assert.ok(item && 'error' in item, `expected an error item, got ${JSON.stringify(item)}`);
  return item.error;
}

describe('parseEvents: JSON bodies', () => {
  it('reads a single event object as a batch of one, without a line', () => {
    assert.deepEqual(parseEvents(JSON.stringify(EVENT), 'application/json'), [{ index: 0, value: EVENT }]);
  });

  it('reads an array of events with their indexes', () => {
    const second = { ...EVENT, user: 'bob@example.com' };
    assert.deepEqual(parseEvents(JSON.stringify([EVENT, second]), 'application/json'), [
      { index: 0, value: EVENT },
      { index: 1, value: second },
    ]);
  });

  it('keeps non-object array elements for normalization to reject one by one', () => {
    assert.deepEqual(parseEvents('[{"a":1}, 42, null]', undefined), [
      { index: 0, value: { a: 1 } },
      { index: 1, value: 42 },
      { index: 2, value: null },
    ]);
  });

  it('reads a pretty-printed object with surrounding whitespace', () => {
    const text = `\n\n  ${JSON.stringify(EVENT, null, 2)}\r\n\n`;
    assert.deepEqual(parseEvents(text, undefined), [{ index: 0, value: EVENT }]);
  });

  it('ignores charset and case in the content type', () => {
    assert.deepEqual(parseEvents('{"a":1}', 'Application/JSON; charset=utf-8'), [
      { index: 0, value: { a: 1 } },
    ]);
  });

  it('rejects an empty or whitespace-only body', () => {
    for (const text of ['', '   ', '\r\n\n\t']) {
      assert.throws(
        () => parseEvents(text, 'application/json'),
        (error: unknown) => error instanceof ValidationError && /^body is empty/.test(error.message),
      );
    }
  });

  it('rejects an empty array', () => {
    assert.throws(
      () => parseEvents(' [ ] ', undefined),
      (error: unknown) => error instanceof ValidationError && /empty array/.test(error.message),
    );
  });

  it('rejects a scalar body', () => {
    for (const text of ['42', '"an event"', 'true', 'null']) {
      assert.throws(
        () => parseEvents(text, 'application/json'),
        (error: unknown) =>
          error instanceof ValidationError &&
          !(error instanceof MalformedJsonError) &&
          error.message === 'body must be an event object, an array of events, or NDJSON',
        text,
      );
    }
  });
});

describe('parseEvents: malformed JSON', () => {
  it('reports a 400 malformed_json error with the line and column of the fault', () => {
    const text = '{"a": 1,\n "b": }';
    const error = malformed(text, 'application/json');
    assert.equal(error.code, 'malformed_json');
    assert.equal(error.status, 400);
    assert.deepEqual(error.position, { offset: text.indexOf('}'), line: 2, column: 7 });
    assert.match(error.message, /^malformed JSON at line 2, column 7: unexpected "}"/);
  });

  it('counts lines from the start of the body, leading blank lines included', () => {
    const text = '\n\n  {"a": tru}';
    const error = malformed(text);
    assert.deepEqual(error.position, { offset: text.indexOf('tru'), line: 3, column: 9 });
  });

  it('points one past the end for a truncated body', () => {
    const error = malformed('[{"a":1},\n {"b":2}');
    assert.deepEqual(error.position, { offset: 18, line: 2, column: 9 });
    assert.match(error.message, /unexpected end of input$/);
  });

  it('points at a trailing comma', () => {
    assert.deepEqual(malformed('{"a":1,}').position, { offset: 7, line: 1, column: 8 });
    assert.deepEqual(malformed('[1,2,]').position, { offset: 5, line: 1, column: 6 });
  });

  it('points at text after a complete value', () => {
    assert.deepEqual(malformed('{"a":1} x').position, { offset: 8, line: 1, column: 9 });
  });

  it('points at a single-quoted string and at an unquoted key', () => {
    assert.deepEqual(malformed("{'a': 1}").position, { offset: 1, line: 1, column: 2 });
    assert.deepEqual(malformed('{\n  a: 1\n}').position, { offset: 4, line: 2, column: 3 });
  });

  it('points at a bad escape inside a string', () => {
    const text = '{"path": "C:\\qux"}'; // \q is not a JSON escape
    assert.deepEqual(malformed(text).position, { offset: text.indexOf('q'), line: 1, column: 14 });
  });

  it('does not echo long input back in the message', () => {
    const text = `{"secret": "${'s'.repeat(500)}" oops}`;
    const error = malformed(text);
    assert.ok(error.message.length < 120, error.message);
  });

  it('treats a pretty-printed object with an error as malformed JSON, not NDJSON', () => {
    const text = '{\n  "a": 1,\n  "b": [1, 2,, 3]\n}';
    const error = malformed(text);
    assert.deepEqual(error.position, { offset: text.indexOf(',,') + 1, line: 3, column: 14 });
  });

  it('reports the column of a control character right after the opening quote', () => {
    assert.deepEqual(malformed('"\u0001"').position, { offset: 1, line: 1, column: 2 });
  });
});

describe('parseEvents: NDJSON', () => {
  const lines = [EVENT, { ...EVENT, user: 'bob@example.com' }, { ...EVENT, tool: 'shell' }];
  const ndjson = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

  for (const type of [
    'application/x-ndjson',
    'application/ndjson',
    'application/jsonl',
    'application/x-jsonlines',
    'Application/X-NDJSON; charset=utf-8',
  ]) {
    it(`reads NDJSON by content type ${type}`, () => {
      assert.deepEqual(parseEvents(ndjson, type), [
        { index: 0, line: 1, value: lines[0] },
        { index: 1, line: 2, value: lines[1] },
        { index: 2, line: 3, value: lines[2] },
      ]);
    });
  }

  it('sniffs NDJSON without a content type and when sent as application/json', () => {
    for (const type of [undefined, 'application/json', 'text/plain']) {
      assert.deepEqual(
        parseEvents(ndjson, type).map((item) => [item.index, item.line]),
        [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
        String(type),
      );
    }
  });

  it('skips blank lines, accepts CRLF, and numbers lines as they are in the body', () => {
    const text = '\r\n{"a":1}\r\n\r\n   \r\n{"b":2}\r\n';
    assert.deepEqual(parseEvents(text, undefined), [
      { index: 0, line: 2, value: { a: 1 } },
      { index: 1, line: 5, value: { b: 2 } },
    ]);
  });

  it('reports a bad line with its index and line number and keeps the lines after it', () => {
    const text = '{"a":1}\n\n{"b": }\n{"c":3}\n';
    const items = parseEvents(text, 'application/x-ndjson');
    assert.equal(items.length, 3);
    assert.deepEqual(items[0], { index: 0, line: 1, value: { a: 1 } });
    assert.equal(items[1]?.index, 1);
    assert.equal(items[1]?.line, 3);
    assert.match(errorOf(items[1]), /^malformed JSON at line 3, column 7: unexpected "}"/);
    assert.deepEqual(items[2], { index: 2, line: 4, value: { c: 3 } });
  });

  it('reports a bad line found by sniffing the same way', () => {
    const items = parseEvents('{"a":1}\nnope\n{"c":3}', undefined);
    assert.deepEqual(
      items.map((item) => [item.index, item.line, 'error' in item]),
      [
        [0, 1, false],
        [1, 2, true],
        [2, 3, false],
      ],
    );
    assert.match(errorOf(items[1]), /^malformed JSON at line 2, column 1: unexpected "n"/);
  });

  it('treats a one-line NDJSON array as one item (normalization rejects it)', () => {
    assert.deepEqual(parseEvents('[{"a":1},{"b":2}]\n', 'application/x-ndjson'), [
      { index: 0, line: 1, value: [{ a: 1 }, { b: 2 }] },
    ]);
  });

  it('rejects an NDJSON body with no lines', () => {
    for (const text of ['', '\n\n', ' \r\n ']) {
      assert.throws(
        () => parseEvents(text, 'application/x-ndjson'),
        (error: unknown) => error instanceof ValidationError && error.message === 'body holds no events',
      );
    }
  });

  it('reports the column of a bad NDJSON line as it is in the body', () => {
    const items = parseEvents('  {bad\n{"a":1}\n', 'application/x-ndjson');
    assert.match(errorOf(items[0]), /^malformed JSON at line 1, column 4:/);
  });
});
