import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../src/core/index.js';
import { decodeBody } from '../../src/ingest/decode-body.js';

const LIMIT = 1024 * 1024;
const BODY = Buffer.from('{"timestamp":"2026-11-01T10:30:00Z","user":"user@example.com","prompt":"héllo"}');

describe('decodeBody', () => {
  it('returns the raw body untouched without Content-Encoding or with identity', () => {
    for (const encoding of [undefined, 'identity', 'IDENTITY', ' identity ', '']) {
      assert.equal(decodeBody(BODY, encoding, LIMIT), BODY, String(encoding));
    }
  });

  it('gunzips gzip and x-gzip, in any case', () => {
    const compressed = gzipSync(BODY);
    for (const encoding of ['gzip', 'GZIP', ' gzip ', 'x-gzip']) {
      assert.deepEqual(decodeBody(compressed, encoding, LIMIT), BODY, encoding);
    }
  });

  it('gunzips a body of several gzip members', () => {
    const compressed = Buffer.concat([gzipSync('{"a":1}\n'), gzipSync('{"b":2}\n')]);
    assert.equal(decodeBody(compressed, 'gzip', LIMIT).toString(), '{"a":1}\n{"b":2}\n');
  });

  it('accepts a decompressed body of exactly the limit', () => {
    const body = Buffer.alloc(4096, 'a');
    assert.equal(decodeBody(gzipSync(body), 'gzip', 4096).length, 4096);
  });

  it('rejects a decompressed body one byte over the limit with a 413', () => {
    const body = Buffer.alloc(4097, 'a');
    assert.throws(
      () => decodeBody(gzipSync(body), 'gzip', 4096),
      (error: unknown) =>
        error instanceof PayloadTooLargeError &&
        error.status === 413 &&
        error.code === 'payload_too_large' &&
        error.message === 'body exceeds the limit of 4096 bytes',
    );
  });

  it('stops a zip bomb at the limit', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    assert.ok(bomb.length < 128 * 1024, `bomb is ${bomb.length} bytes compressed`);
    const started = performance.now();
    assert.throws(() => decodeBody(bomb, 'gzip', LIMIT), PayloadTooLargeError);
    assert.ok(performance.now() - started < 2000, 'rejected without inflating everything');
  });

  it('rejects a body that is not gzip with a 400', () => {
    assert.throws(
      () => decodeBody(BODY, 'gzip', LIMIT),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.status === 400 &&
        /^body is not valid gzip: /.test(error.message),
    );
  });

  it('rejects corrupt and truncated gzip with a 400', () => {
    const compressed = gzipSync(Buffer.alloc(10_000, 'event '));
    const corrupt = Buffer.from(compressed);
    corrupt.fill(0xff, 10, 30);
    const truncated = compressed.subarray(0, compressed.length - 10);
    for (const body of [corrupt, truncated, Buffer.alloc(0)]) {
      assert.throws(() => decodeBody(body, 'gzip', LIMIT), ValidationError);
    }
  });

  it('rejects encodings it does not speak with a 415', () => {
    for (const encoding of ['br', 'deflate', 'compress', 'zstd', 'gzip, br', 'gzip;q=1']) {
      assert.throws(
        () => decodeBody(BODY, encoding, LIMIT),
        (error: unknown) =>
          error instanceof UnsupportedMediaTypeError &&
          error.status === 415 &&
          error.code === 'unsupported_media_type' &&
          error.message.includes('use gzip or none'),
        encoding,
      );
    }
  });
});
