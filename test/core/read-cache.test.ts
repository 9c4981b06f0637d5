import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReadCache } from '../../src/core/index.js';

function counter(values: Record<string, string | null>) {
  const reads: string[] = [];
  return {
    reads,
    read: (key: string) => async () => {
      reads.push(key);
      return values[key] ?? null;
    },
  };
}

describe('ReadCache', () => {
  it('reuses a read until its time is up, then reads again', async () => {
    let now = 1_000;
    const cache = new ReadCache<string>(1000, 10, () => now);
    const source = counter({ a: 'A' });
    assert.equal(await cache.get('a', source.read('a')), 'A');
    now += 999;
    assert.equal(await cache.get('a', source.read('a')), 'A');
    assert.deepEqual(source.reads, ['a']);
    now += 1;
    assert.equal(await cache.get('a', source.read('a')), 'A');
    assert.deepEqual(source.reads, ['a', 'a']);
  });

  it('shares one read between concurrent misses', async () => {
    const cache = new ReadCache<string>(1000, 10);
    const source = counter({ a: 'A' });
    const both = await Promise.all([cache.get('a', source.read('a')), cache.get('a', source.read('a'))]);
    assert.deepEqual(both, ['A', 'A']);
    assert.deepEqual(source.reads, ['a']);
  });

  it('keeps neither a miss nor a failure', async () => {
    const cache = new ReadCache<string>(1000, 10);
    const source = counter({});
    assert.equal(await cache.get('gone', source.read('gone')), null);
    assert.equal(await cache.get('gone', source.read('gone')), null);
    assert.deepEqual(source.reads, ['gone', 'gone'], 'a record created meanwhile must be seen at once');
    await assert.rejects(
      cache.get('bad', () => Promise.reject(new Error('store down'))),
      /store down/,
    );
    assert.equal(await cache.get('bad', async () => 'recovered'), 'recovered');
  });

  it('forgets an entry deleted by the service that changed it', async () => {
    const cache = new ReadCache<string>(60_000, 10);
    assert.equal(await cache.get('a', async () => 'old'), 'old');
    cache.delete('a');
    assert.equal(await cache.get('a', async () => 'new'), 'new');
    cache.clear();
    assert.equal(await cache.get('a', async () => 'newer'), 'newer');
  });

  it('holds at most its bound, dropping the oldest entry first', async () => {
    const cache = new ReadCache<string>(60_000, 2);
    const source = counter({ a: 'A', b: 'B', c: 'C' });
    for (const key of ['a', 'b', 'c']) await cache.get(key, source.read(key));
    await cache.get('b', source.read('b'));
    await cache.get('c', source.read('c'));
    await cache.get('a', source.read('a'));
    assert.deepEqual(source.reads, ['a', 'b', 'c', 'a'], 'only the oldest entry, a, was dropped');
  });

  it('with a time of 0 reads every time', async () => {
    const cache = new ReadCache<string>(0, 10);
    const source = counter({ a: 'A' });
    await cache.get('a', source.read('a'));
    await cache.get('a', source.read('a'));
    assert.deepEqual(source.reads, ['a', 'a']);
  });
});
