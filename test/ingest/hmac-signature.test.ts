import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
  verifySignature,
} from '../../src/ingest/hmac-signature.js';

const SECRET = 'whsec_2f8c1e0b9a7d4c3e';
const NOW = 1_793_529_000; // 2026-11-01T10:30:00Z in Unix seconds
const TOLERANCE = 300;
const BODY = Buffer.from(
  '{"timestamp":"2026-11-01T10:30:00Z","user":"user@example.com","tool":"filesystem"}',
);

type VerifyInput = Parameters<typeof verifySignature>[0];

function signed(overrides: Partial<VerifyInput> = {}): VerifyInput {
  const timestamp = String(NOW);
  return {
    secret: SECRET,
    timestamp,
    signature: signBody(SECRET, timestamp, BODY),
    body: BODY,
    nowSeconds: NOW,
    toleranceSeconds: TOLERANCE,
    ...overrides,
  };
}

function reasonOf(input: VerifyInput): string {
  const check = verifySignature(input);
  assert.ok(!check.ok, 'expected the signature to be refused');
  return check.reason;
}

const MALFORMED = 'X-Sentinel-Signature must be sha256=<64 hex characters>';

describe('signBody', () => {
  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">', () => {
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY.toString()}`).digest('hex');
    assert.equal(signBody(SECRET, String(NOW), BODY), `sha256=${expected}`);
    assert.match(signBody(SECRET, String(NOW), BODY), /^sha256=[0-9a-f]{64}$/);
  });

  it('signs a string body the same as its UTF-8 bytes', () => {
    const text = '{"prompt":"héllo 😀"}';
    assert.equal(signBody(SECRET, '1', text), signBody(SECRET, '1', Buffer.from(text, 'utf8')));
  });

  it('binds the timestamp into the signature', () => {
    assert.notEqual(signBody(SECRET, String(NOW), BODY), signBody(SECRET, String(NOW + 1), BODY));
  });

  it('names the lower-case headers a sender sets', () => {
    assert.equal(SIGNATURE_HEADER, 'x-sentinel-signature');
    assert.equal(TIMESTAMP_HEADER, 'x-sentinel-timestamp');
  });
});

describe('verifySignature', () => {
  it('accepts what signBody produced (round trip)', () => {
    assert.deepEqual(verifySignature(signed()), { ok: true });
  });

  it('accepts an empty body signed as such', () => {
    const body = Buffer.alloc(0);
    const signature = signBody(SECRET, String(NOW), body);
    assert.deepEqual(verifySignature(signed({ body, signature })), { ok: true });
  });

  it('refuses a signature made with another secret', () => {
    const signature = signBody('another-secret', String(NOW), BODY);
    assert.equal(reasonOf(signed({ signature })), 'signature does not match the body');
  });

  it('refuses a body changed after signing, even by one byte', () => {
    const body = Buffer.from(BODY);
    body[body.length - 2] = 0x21;
    assert.equal(reasonOf(signed({ body })), 'signature does not match the body');
    const extended = Buffer.concat([BODY, Buffer.from('\n')]);
    assert.equal(reasonOf(signed({ body: extended })), 'signature does not match the body');
  });

  it('refuses a replay that swaps in a fresh timestamp', () => {
    const old = String(NOW - 3600);
    const signature = signBody(SECRET, old, BODY);
    assert.equal(
      reasonOf(signed({ timestamp: String(NOW), signature })),
      'signature does not match the body',
    );
  });

  it('accepts timestamps up to the tolerance on either side', () => {
    for (const timestamp of [NOW - TOLERANCE, NOW + TOLERANCE, NOW - 1, NOW + 1]) {
      const ts = String(timestamp);
      const check = verifySignature(signed({ timestamp: ts, signature: signBody(SECRET, ts, BODY) }));
      assert.deepEqual(check, { ok: true }, ts);
    }
  });

  it('refuses a correctly signed timestamp just outside the tolerance, in the past or the future', () => {
    for (const timestamp of [NOW - TOLERANCE - 1, NOW + TOLERANCE + 1, NOW - 86_400, NOW + 86_400, 0]) {
      const ts = String(timestamp);
      const reason = reasonOf(signed({ timestamp: ts, signature: signBody(SECRET, ts, BODY) }));
      assert.equal(reason, 'signature timestamp is outside the 300s window', ts);
    }
  });

  it('refuses a timestamp that is not Unix seconds', () => {
    for (const timestamp of ['abc', '1793529000.5', '-1793529000', '+1793529000', ' 1793529000', '1e9']) {
      const signature = signBody(SECRET, timestamp, BODY);
      assert.equal(
        reasonOf(signed({ timestamp, signature })),
        'X-Sentinel-Timestamp must be Unix seconds',
        timestamp,
      );
    }
  });

  it('refuses a millisecond timestamp (13 digits) as not Unix seconds', () => {
    const timestamp = String(NOW * 1000);
    const signature = signBody(SECRET, timestamp, BODY);
    assert.equal(reasonOf(signed({ timestamp, signature })), 'X-Sentinel-Timestamp must be Unix seconds');
  });

  it('refuses a missing or empty timestamp or signature', () => {
    const missing = 'missing X-Sentinel-Timestamp or X-Sentinel-Signature header';
    assert.equal(reasonOf(signed({ timestamp: undefined })), missing);
    assert.equal(reasonOf(signed({ timestamp: '' })), missing);
    assert.equal(reasonOf(signed({ signature: undefined })), missing);
    assert.equal(reasonOf(signed({ signature: '' })), missing);
  });

  it('refuses a malformed signature header', () => {
    const hex = signBody(SECRET, String(NOW), BODY).slice('sha256='.length);
    for (const signature of [
      hex,
      `sha1=${hex}`,
      `sha256:${hex}`,
      `sha256=${hex.slice(1)}`,
      `sha256=${hex}0`,
      `sha256=${hex.slice(2)}zz`,
      `sha256=${Buffer.from(hex, 'hex').toString('base64')}`,
      `sha256=${hex},sha256=${hex}`,
      'sha256=',
    ]) {
      assert.equal(reasonOf(signed({ signature })), MALFORMED, signature);
    }
  });

  it('accepts upper-case hex, an upper-case prefix and surrounding whitespace', () => {
    const hex = signBody(SECRET, String(NOW), BODY).slice('sha256='.length);
    for (const signature of [`sha256=${hex.toUpperCase()}`, `SHA256=${hex}`, `  sha256=${hex}\t`]) {
      assert.deepEqual(verifySignature(signed({ signature })), { ok: true }, signature);
    }
  });

  it('checks the timestamp window before the signature format', () => {
    const stale = String(NOW - TOLERANCE - 1);
    const reason = reasonOf(signed({ timestamp: stale, signature: 'sha256=not-even-hex' }));
    assert.equal(reason, 'signature timestamp is outside the 300s window');
  });
});
