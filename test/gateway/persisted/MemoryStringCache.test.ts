import { describe, expect, it } from 'vitest';
import { MemoryStringCache } from '../../../gateway/persisted/MemoryStringCache.ts';

describe('MemoryStringCache', () => {
  it('forgets an entry after its ttl (seconds) and keeps one without a ttl', async () => {
    let now = 0;
    const cache = new MemoryStringCache(10, () => now);
    await cache.set('a', 'A', { ttl: 2 });
    await cache.set('b', 'B');
    now = 1_999;
    expect(await cache.get('a')).toBe('A');
    now = 2_000;
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe('B');
  });

  it('keeps at most maxEntries, forgetting the least recently used', async () => {
    const cache = new MemoryStringCache(2);
    await cache.set('a', 'A');
    await cache.set('b', 'B');
    await cache.get('a');
    await cache.set('c', 'C');
    expect([await cache.get('a'), await cache.get('b'), await cache.get('c')]).toEqual(['A', undefined, 'C']);
    expect(await cache.delete('a')).toBe(true);
    expect(await cache.get('a')).toBeUndefined();
  });
});
