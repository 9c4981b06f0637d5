import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { McpEvent } from '../../src/core/index.js';
import { createUploadDedupeKey, webhookDedupeKey } from '../../src/ingest/dedupe-key.js';
import { normalizeEvent } from '../../src/ingest/normalize-event.js';

/** Runs a raw event through normalization, as the pipeline does before asking for a key. */
function normalized(raw: Record<string, unknown>): McpEvent {
  const result = normalizeEvent(raw, {
    serverId: 'srv-1',
    source: 'upload',
    receivedAt: '2026-11-01T10:30:01.000Z',
  });
  assert.ok(result.ok, JSON.stringify(result));
  return result.event;
}

const READ = {
  timestamp: '2026-11-01T10:30:00Z',
  user: 'alice',
  tool: 'read_file',
  arguments: { path: '/a' },
};
const WRITE = {
  timestamp: '2026-11-01T10:30:05Z',
  user: 'alice',
  tool: 'write_file',
  arguments: { path: '/b' },
};

/** Keys for a file's lines (parsed raw values), with a fresh key function as each upload gets. */
function keysForUpload(lines: readonly string[]): string[] {
  const key = createUploadDedupeKey();
  return lines.map((line) => {
    const raw = JSON.parse(line) as Record<string, unknown>;
    return key(raw, normalized(raw));
  });
}

describe('webhookDedupeKey', () => {
  it('keys an event by the producer id alone', () => {
    assert.equal(webhookDedupeKey(READ, normalized({ ...READ, id: 'evt-1' })), 'id:evt-1');
    assert.equal(webhookDedupeKey(READ, normalized({ ...READ, id: 42 })), 'id:42');
  });

  it('gives the same key to a retry with the same id even if the body changed', () => {
    const first = { ...READ, id: 'evt-1' };
    const retry = { ...WRITE, id: 'evt-1' };
    assert.equal(webhookDedupeKey(first, normalized(first)), webhookDedupeKey(retry, normalized(retry)));
  });

  it('gives no key without an id, so identical events are all kept', () => {
    assert.equal(webhookDedupeKey(READ, normalized(READ)), null);
    assert.equal(webhookDedupeKey(READ, normalized(READ)), null);
  });

  it('ignores an id-like field that is not the top-level id', () => {
    const raw = { ...READ, metadata: { id: 'evt-9' }, event_id: 'evt-9' };
    assert.equal(webhookDedupeKey(raw, normalized(raw)), null);
  });
});

describe('createUploadDedupeKey', () => {
  const file = [
    JSON.stringify(READ),
    JSON.stringify(WRITE),
    JSON.stringify(READ),
    JSON.stringify({ ...READ, id: 'evt-7' }),
    JSON.stringify(READ),
  ];

  it('gives the same keys when the same file is read twice', () => {
    assert.deepEqual(keysForUpload(file), keysForUpload(file));
  });

  it('gives repeated identical lines within one file distinct keys', () => {
    const keys = keysForUpload(file);
    const reads = [keys[0], keys[2], keys[4]];
    assert.equal(new Set(reads).size, 3, JSON.stringify(reads));
    assert.equal(new Set(keys).size, keys.length);
    for (const key of reads) assert.match(key ?? '', /^sha:[A-Za-z0-9_-]{43}:[123]$/);
  });

  it('numbers identical lines by occurrence, so a longer upload of the same file adds only the new repeats', () => {
    const first = keysForUpload([file[0] ?? '', file[0] ?? '']);
    const second = keysForUpload([file[0] ?? '', file[0] ?? '', file[0] ?? '']);
    assert.deepEqual(second.slice(0, 2), first);
    assert.ok(!first.includes(second[2] ?? ''));
  });

  it('keys an event with a producer id by that id, like the webhook', () => {
    const keys = keysForUpload(file);
    const withId = { ...READ, id: 'evt-7' };
    assert.equal(keys[3], 'id:evt-7');
    assert.equal(keys[3], webhookDedupeKey(withId, normalized(withId)));
  });

  it('does not count events with an id as occurrences of the same content', () => {
    const withoutIdLine = keysForUpload([JSON.stringify(READ)]);
    const afterIdLine = keysForUpload([JSON.stringify({ ...READ, id: 'x' }), JSON.stringify(READ)]);
    assert.equal(afterIdLine[1], withoutIdLine[0]);
  });

  it('distinguishes events that differ in any field', () => {
    const keys = keysForUpload([
      JSON.stringify(READ),
      JSON.stringify({ ...READ, arguments: { path: '/a ' } }),
      JSON.stringify({ ...READ, timestamp: '2026-11-01T10:30:00.001Z' }),
      JSON.stringify({ ...READ, extra: null }),
    ]);
    assert.equal(new Set(keys).size, 4);
  });

  it('keeps the occurrence count per upload, not across uploads', () => {
    const key = createUploadDedupeKey();
    const other = createUploadDedupeKey();
    const a = key(READ, normalized(READ));
    const b = key(READ, normalized(READ));
    assert.notEqual(a, b);
    assert.equal(other(READ, normalized(READ)), a);
  });
});
