import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

// One randomBytes call per 256 ids instead of per id: the syscall dominated id generation.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomTen(): Buffer {
  if (poolOffset >= pool.length) {
    pool = randomBytes(10 * POOL_IDS);
    poolOffset = 0;
  }
  const slice = pool.subarray(poolOffset, poolOffset + 10);
  poolOffset += 10;
  return slice;
}

/**
 * A UUIDv7 (RFC 9562): time-ordered, so ids sort by creation time and make good cursors.
 * A 12-bit counter keeps ids created in the same millisecond in order within this process.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = randomTen().readUInt16BE(0) & 0x7ff;
  }
  const bytes = Buffer.allocUnsafe(16);
  randomTen().copy(bytes, 6);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a lowercase canonical UUID, the only id shape Sentinel hands out. */
export function isId(value: string): boolean {
  return UUID_PATTERN.test(value);
}
