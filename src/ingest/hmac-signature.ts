import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sentinel-signature';
export const TIMESTAMP_HEADER = 'x-sentinel-timestamp';

/** `sha256=<hex>` over `<timestamp>.<raw body>`: what a sender puts in X-Sentinel-Signature. */
export function signBody(secret: string, timestamp: string, body: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Checks a signature and its timestamp window; the comparison runs in constant time. */
export function verifySignature(input: {
  readonly secret: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: Buffer;
  readonly nowSeconds: number;
  readonly toleranceSeconds: number;
}): SignatureCheck {
  if (!input.timestamp || !input.signature) {
    return { ok: false, reason: 'missing X-Sentinel-Timestamp or X-Sentinel-Signature header' };
  }
  if (!/^\d{1,12}$/.test(input.timestamp)) {
    return { ok: false, reason: 'X-Sentinel-Timestamp must be Unix seconds' };
  }
  if (Math.abs(input.nowSeconds - Number(input.timestamp)) > input.toleranceSeconds) {
    return { ok: false, reason: `signature timestamp is outside the ${input.toleranceSeconds}s window` };
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(input.signature.trim());
  if (!match?.[1]) return { ok: false, reason: 'X-Sentinel-Signature must be sha256=<64 hex characters>' };
  const expected = Buffer.from(signBody(input.secret, input.timestamp, input.body).slice(7), 'hex');
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'signature does not match the body' };
}
