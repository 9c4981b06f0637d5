import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ValidationError } from '../../src/core/index.js';
import { readUpload, type UploadItem } from '../../src/ingest/upload-reader.js';

interface Outcome {
  readonly items: UploadItem[];
  readonly error: unknown;
}

/** Everything the reader yields, and what it threw at the end (if anything). */
async function collect(source: AsyncIterable<Buffer | string>): Promise<Outcome> {
  const items: UploadItem[] = [];
  try {
    for await (const item of readUpload(source)) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

async function* fromChunks(chunks: readonly (Buffer | string)[]): AsyncGenerator<Buffer | string> {
  for (const chunk of chunks) yield chunk;
}

function splitEvery(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** mulberry32: a tiny seeded PRNG, so a failing random split can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function splitRandomly(bytes: Buffer, seed: number, minFirst = 1): Buffer[] {
  const random = seededRandom(seed);
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const min = chunks.length === 0 ? minFirst : 1;
    const size = min + Math.floor(random() * 23);
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/** Reads the input whole, in 1-byte chunks and in random chunks; all three must agree. */
async function readEveryWay(input: string | Buffer): Promise<Outcome> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const whole = await collect(fromChunks([bytes]));
  const splits: Array<[string, Buffer[]]> = [
    ['1-byte chunks', splitEvery(bytes, 1)],
    ['random chunks (seed 7)', splitRandomly(bytes, 7)],
    ['random chunks (seed 2026)', splitRandomly(bytes, 2026)],
  ];
  for (const [label, chunks] of splits) {
    const split = await collect(fromChunks(chunks));
    assert.deepEqual(split.items, whole.items, `${label} give the same items as the whole input`);
    assert.equal(errorText(split.error), errorText(whole.error), `${label} give the same error`);
  }
  return whole;
}

function errorText(error: unknown): string | undefined {
  return error === undefined ? undefined : `${(error as Error).name}: ${(error as Error).message}`;
}

function values(items: readonly UploadItem[]): unknown[] {
  return items.map((item) => ('value' in item ? item.value : { error: item.error }));
}

function assertValidationError(error: unknown, pattern: RegExp): void {
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${errorText(error)}`);
  assert.match(error.message, pattern);
}

const EVENTS = [
  { timestamp: '2026-11-01T10:30:00Z', user: 'alice@example.com', tool: 'filesystem' },
  { timestamp: '2026-11-01T10:31:00Z', user: 'bob@example.com', arguments: { path: '/etc/passwd' } },
  { timestamp: '2026-11-01T10:32:00Z', metadata: { nested: { deep: [1, [2, [3]]] } } },
];

/** Strings that a naive splitter would trip over: brackets, braces, commas, quotes, backslashes. */
const TRICKY = [
  { s: 'a]b', t: 'c[d{e,f}', q: 'she said "hi", then left' },
  { backslashAtEnd: 'C:\\temp\\', escapedQuoteAtEnd: 'x\\"', both: '\\\\"]' },
  '],[{',
  ['[', ']', '{', '}', ','],
  { unicodeEscape: '\u2028\u0000', newlineEscape: 'line1\nline2' },
];

describe('readUpload: JSONL', () => {
  it('yields one item per line with its index and line number', async () => {
    const input = EVENTS.map((event) => JSON.stringify(event)).join('\n') + '\n';
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.deepEqual(items, [
      { index: 0, line: 1, value: EVENTS[0] },
      { index: 1, line: 2, value: EVENTS[1] },
      { index: 2, line: 3, value: EVENTS[2] },
    ]);
  });

  it('reads a last line without a trailing newline', async () => {
    const { items } = await readEveryWay('{"a":1}\n{"b":2}');
    assert.deepEqual(items, [
      { index: 0, line: 1, value: { a: 1 } },
      { index: 1, line: 2, value: { b: 2 } },
    ]);
  });

  it('accepts CRLF line endings and skips blank lines while still counting them', async () => {
    const input = '{"a":1}\r\n\r\n{"b":2}\r\n   \r\n\n{"c":3}\r\n';
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.deepEqual(items, [
      { index: 0, line: 1, value: { a: 1 } },
      { index: 1, line: 3, value: { b: 2 } },
      { index: 2, line: 6, value: { c: 3 } },
    ]);
  });

  it('keeps strings with brackets, commas, escaped quotes and backslashes intact', async () => {
    const input = TRICKY.map((value) => JSON.stringify(value)).join('\n');
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.deepEqual(values(items), TRICKY);
  });

  it('reports a malformed line by its line number and still yields the lines after it', async () => {
    const input = '{"a":1}\n\n{"broken": \n{"c":3}\nnot json\n{"e":5}\n';
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.equal(items.length, 5);
    assert.deepEqual(items[0], { index: 0, line: 1, value: { a: 1 } });
    const broken = items[1];
    assert.ok(broken && 'error' in broken);
    assert.equal(broken.index, 1);
    assert.equal(broken.line, 3);
    assert.match(broken.error, /^line 3: malformed JSON: unexpected end of input$/);
    assert.deepEqual(items[2], { index: 2, line: 4, value: { c: 3 } });
    const notJson = items[3];
    assert.ok(notJson && 'error' in notJson);
    assert.equal(notJson.line, 5);
    assert.match(notJson.error, /^line 5: malformed JSON: unexpected "n"/);
    assert.deepEqual(items[4], { index: 4, line: 6, value: { e: 5 } });
  });

  it('yields scalar lines as values (normalization rejects them later)', async () => {
    const { items } = await readEveryWay('42\n"text"\nnull\n');
    assert.deepEqual(values(items), [42, 'text', null]);
  });

  it('treats a UTF-8 byte order mark as whitespace', async () => {
    const { items } = await readEveryWay('\uFEFF{"a":1}\n');
    assert.deepEqual(items, [{ index: 0, line: 1, value: { a: 1 } }]);
  });

  it('counts blank lines before the first event the same however the upload is chunked', async () => {
    const input = Buffer.from('\n\n{"a":1}\n');
    const whole = await collect(fromChunks([input]));
    assert.deepEqual(whole.items, [{ index: 0, line: 3, value: { a: 1 } }]);
    const split = await collect(fromChunks(splitEvery(input, 1)));
    assert.deepEqual(split.items, whole.items);
  });
});

describe('readUpload: JSON array', () => {
  it('yields each element with its index', async () => {
    const { items, error } = await readEveryWay(JSON.stringify(EVENTS));
    assert.equal(error, undefined);
    assert.deepEqual(items, [
      { index: 0, line: 1, value: EVENTS[0] },
      { index: 1, line: 1, value: EVENTS[1] },
      { index: 2, line: 1, value: EVENTS[2] },
    ]);
  });

  it('reports the line each element starts on, including elements that start on later lines', async () => {
    const input = [
      '[', //                      line 1
      '  {"a": 1},', //            line 2
      '', //                       line 3
      '  {"b":', //                line 4
      '   2},  {"c": 3}', //       line 5: "b" started on line 4, "c" starts here
      '  ,', //                    line 6
      '  {"d": 4}', //             line 7
      ']', //                      line 8
    ].join('\n');
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.deepEqual(
      items.map((item) => [item.index, item.line]),
      [
        [0, 2],
        [1, 4],
        [2, 5],
        [3, 7],
      ],
    );
  });

  it('counts lines of an array written with CRLF line endings', async () => {
    const { items } = await readEveryWay('[\r\n{"a":1},\r\n{"b":2}\r\n]\r\n');
    assert.deepEqual(items, [
      { index: 0, line: 2, value: { a: 1 } },
      { index: 1, line: 3, value: { b: 2 } },
    ]);
  });

  it('does not split on brackets, braces or commas inside strings, escaped quotes or backslashes', async () => {
    const { items, error } = await readEveryWay(JSON.stringify(TRICKY, null, 2));
    assert.equal(error, undefined);
    assert.deepEqual(values(items), TRICKY);
  });

  it('keeps nested arrays and objects as one element each', async () => {
    const nested = [[1, [2, [3, [4]]]], { a: { b: { c: [{}, [], { d: [[]] }] } } }, [], {}];
    const { items, error } = await readEveryWay(JSON.stringify(nested));
    assert.equal(error, undefined);
    assert.deepEqual(values(items), nested);
  });

  it('yields an empty array as no items and no error', async () => {
    const { items, error } = await readEveryWay(' [ \n ] \n');
    assert.equal(error, undefined);
    assert.deepEqual(items, []);
  });

  it('reports a malformed element by its line and still yields the elements after it', async () => {
    const input = '[{"a":1},\n{bad},\n{"c":3}]';
    const { items, error } = await readEveryWay(input);
    assert.equal(error, undefined);
    assert.equal(items.length, 3);
    assert.deepEqual(items[0], { index: 0, line: 1, value: { a: 1 } });
    const bad = items[1];
    assert.ok(bad && 'error' in bad);
    assert.equal(bad.index, 1);
    assert.equal(bad.line, 2);
    assert.match(bad.error, /^line 2: malformed JSON: unexpected "b"/);
    assert.deepEqual(items[2], { index: 2, line: 3, value: { c: 3 } });
  });

  it('reports a trailing comma as an empty element after the real ones', async () => {
    const { items, error } = await readEveryWay('[\n{"a":1},\n]');
    assert.equal(error, undefined);
    assert.deepEqual(items, [
      { index: 0, line: 2, value: { a: 1 } },
      { index: 1, line: 3, error: 'line 3: empty array element' },
    ]);
  });

  it('reports an empty element between two commas and keeps the rest', async () => {
    const { items } = await readEveryWay('[{"a":1},,{"b":2}]');
    assert.deepEqual(items, [
      { index: 0, line: 1, value: { a: 1 } },
      { index: 1, line: 1, error: 'line 1: empty array element' },
      { index: 2, line: 1, value: { b: 2 } },
    ]);
  });

  it('accepts whitespace after the closing bracket', async () => {
    const { items, error } = await readEveryWay('[{"a":1}]\n\r\n   \n');
    assert.equal(error, undefined);
    assert.deepEqual(values(items), [{ a: 1 }]);
  });

  it('rejects text after the closing bracket, naming its line, after yielding the elements', async () => {
    const { items, error } = await readEveryWay('[{"a":1}]\n\n{"b":2}\n');
    assert.deepEqual(values(items), [{ a: 1 }]);
    assertValidationError(error, /^unexpected text after the array at line 3$/);
  });

  it('rejects a second array after the first', async () => {
    const { items, error } = await readEveryWay('[1]\n[2]');
    assert.deepEqual(values(items), [1]);
    assertValidationError(error, /unexpected text after the array at line 2/);
  });

  it('rejects a truncated array after yielding the complete elements', async () => {
    const { items, error } = await readEveryWay('[\n{"a":1},\n{"b": "unfinished');
    assert.deepEqual(items, [{ index: 0, line: 2, value: { a: 1 } }]);
    assertValidationError(error, /^upload ends inside the JSON array \(line 3\): is the file truncated\?$/);
  });

  it('rejects an array that never closes even when every element is complete', async () => {
    const { items, error } = await readEveryWay('[{"a":1},{"b":2}');
    assert.deepEqual(values(items), [{ a: 1 }]);
    assertValidationError(error, /is the file truncated/);
  });

  it('reports the line of the first element when the array does not start on line 1', async () => {
    const { items } = await collect(fromChunks([Buffer.from('\n\n[\n{"a":1},\n{"b":2}]')]));
    assert.deepEqual(
      items.map((item) => item.line),
      [4, 5],
    );
  });

  it('rejects an array closed by "}"', async () => {
    const { error } = await collect(fromChunks([Buffer.from('[{"a":1}}')]));
    assertValidationError(error, /./);
  });
});

describe('readUpload: text encoding', () => {
  const UNICODE = [
    { text: 'café naïve', cjk: '中文字符', emoji: '😀🔥👩‍💻', rtl: 'שלום' },
    { key_é: 'value', '😀': '€' },
  ];

  it('decodes multi-byte UTF-8 cut anywhere across chunks (JSONL and array)', async () => {
    const jsonl = await readEveryWay(UNICODE.map((value) => JSON.stringify(value)).join('\n'));
    assert.deepEqual(values(jsonl.items), UNICODE);
    const array = await readEveryWay(JSON.stringify(UNICODE));
    assert.deepEqual(values(array.items), UNICODE);
  });

  it('decodes a four-byte character split after each of its first three bytes', async () => {
    const bytes = Buffer.from('{"e":"😀"}\n', 'utf8');
    const start = bytes.indexOf(0xf0);
    for (const cut of [1, 2, 3]) {
      const chunks = [bytes.subarray(0, start + cut), bytes.subarray(start + cut)];
      const { items } = await collect(fromChunks(chunks));
      assert.deepEqual(values(items), [{ e: '😀' }], `cut after byte ${cut}`);
    }
  });

  it('accepts string chunks as well as buffers', async () => {
    const { items } = await collect(fromChunks(['{"a":', '"é"}\n{"b"', ':2}']));
    assert.deepEqual(values(items), [{ a: 'é' }, { b: 2 }]);
  });
});

describe('readUpload: gzip', () => {
  const jsonl = EVENTS.map((event) => JSON.stringify(event)).join('\n') + '\n';

  it('detects gzip by its magic bytes for JSONL and for an array', async () => {
    const plainLines = await collect(fromChunks([Buffer.from(jsonl)]));
    const gzLines = await collect(fromChunks([gzipSync(jsonl)]));
    assert.equal(gzLines.error, undefined);
    assert.deepEqual(gzLines.items, plainLines.items);
    const array = JSON.stringify(EVENTS, null, 2);
    const plainArray = await collect(fromChunks([Buffer.from(array)]));
    const gzArray = await collect(fromChunks([gzipSync(array)]));
    assert.equal(gzArray.error, undefined);
    assert.deepEqual(gzArray.items, plainArray.items);
    assert.equal(gzArray.items.length, EVENTS.length);
  });

  it('gives the same items when the gzip stream arrives in random chunks', async () => {
    const compressed = gzipSync(jsonl);
    const whole = await collect(fromChunks([compressed]));
    // The first chunk keeps both magic bytes here; the 1-byte case is the test below.
    for (const seed of [1, 99, 4242]) {
      const split = await collect(fromChunks(splitRandomly(compressed, seed, 2)));
      assert.deepEqual(split.items, whole.items, `seed ${seed}`);
      assert.equal(split.error, undefined);
    }
  });

  it('detects gzip when the upload arrives in 1-byte chunks', async () => {
    const compressed = gzipSync(jsonl);
    const whole = await collect(fromChunks([compressed]));
    const split = await collect(fromChunks(splitEvery(compressed, 1)));
    assert.deepEqual(split.items, whole.items);
  });

  it('rejects corrupt gzip with a ValidationError', async () => {
    const compressed = gzipSync(jsonl);
    const corrupt = Buffer.concat([compressed.subarray(0, 10), Buffer.from('this is not deflate data')]);
    const { error } = await collect(fromChunks([corrupt]));
    assertValidationError(error, /^upload is not valid gzip: /);
  });

  it('rejects truncated gzip after yielding what it could decompress', async () => {
    const compressed = gzipSync(jsonl);
    const { items, error } = await collect(fromChunks([compressed.subarray(0, compressed.length - 8)]));
    assert.ok(items.length <= EVENTS.length);
    assertValidationError(error, /^upload is not valid gzip: /);
  });

  it('rejects gzip of nothing as an empty upload', async () => {
    const { error } = await collect(fromChunks([gzipSync('')]));
    assertValidationError(error, /^upload is empty$/);
  });
});

describe('readUpload: empty uploads', () => {
  it('rejects a source that yields nothing', async () => {
    const { items, error } = await collect(fromChunks([]));
    assert.deepEqual(items, []);
    assertValidationError(error, /^upload is empty$/);
  });

  it('rejects empty chunks and whitespace only', async () => {
    for (const chunks of [[Buffer.alloc(0)], [' \n', '\r\n\t', ''], ['\n\n\n']]) {
      const { error } = await collect(fromChunks(chunks));
      assertValidationError(error, /^upload is empty$/);
    }
  });
});

describe('readUpload: streaming', () => {
  const LINES = 100_000;

  it('reads a 100k-line JSONL generator, yielding items before the source is exhausted', async () => {
    let produced = 0;
    async function* generate(): AsyncGenerator<string> {
      for (let i = 0; i < LINES; i++) {
        produced += 1;
        yield `{"timestamp":"2026-11-01T10:30:00Z","i":${i}}\n`;
      }
    }
    let count = 0;
    let producedAtFirstItem = -1;
    let last: UploadItem | undefined;
    for await (const item of readUpload(generate())) {
      if (count === 0) producedAtFirstItem = produced;
      count += 1;
      last = item;
    }
    assert.equal(count, LINES);
    assert.deepEqual(last, {
      index: LINES - 1,
      line: LINES,
      value: { timestamp: '2026-11-01T10:30:00Z', i: LINES - 1 },
    });
    assert.ok(producedAtFirstItem < 10, `first item came after ${producedAtFirstItem} lines were produced`);
  });

  it('reads a 100k-element array generator, yielding items before the source is exhausted', async () => {
    let produced = 0;
    async function* generate(): AsyncGenerator<string> {
      yield '[\n';
      // 100 elements a chunk, so each chunk ends mid-way between an element and its comma.
      for (let i = 0; i < LINES; i += 100) {
        let chunk = '';
        for (let j = i; j < i + 100; j++) chunk += `${j === 0 ? '' : ',\n'}{"i":${j}}`;
        produced += 100;
        yield chunk;
      }
      yield '\n]\n';
    }
    let count = 0;
    let producedAtFirstItem = -1;
    let last: UploadItem | undefined;
    for await (const item of readUpload(generate())) {
      if (count === 0) producedAtFirstItem = produced;
      count += 1;
      last = item;
    }
    assert.equal(count, LINES);
    assert.deepEqual(last, { index: LINES - 1, line: LINES + 1, value: { i: LINES - 1 } });
    assert.ok(
      producedAtFirstItem <= 200,
      `first item came after ${producedAtFirstItem} elements were produced`,
    );
  });
});
