import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../gateway/shard-engine/LruCache.ts';

describe('the plan cache', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('keeps recency right when the newest entry is hit, deleted or replaced', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('b'); // already the newest: a stays the oldest
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 2]);
    cache.delete('b'); // the newest gone: hitting c must make it the newest again
    cache.set('d', 4);
    cache.get('c');
    cache.set('e', 5);
    expect([cache.get('c'), cache.get('d'), cache.get('e')]).toEqual([3, undefined, 5]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
