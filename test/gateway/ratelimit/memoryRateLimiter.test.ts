/**
 * The in-memory limiter with an injected clock: a fixed window per key that starts at the key's
 * first request, separate budgets per key, and bounded memory (ended windows dropped, a cap on keys).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../../gateway/ratelimit/memoryRateLimiter.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createMemoryRateLimiter', () => {
  it('allows `limit` requests per window, then refuses until the window ends', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ windowMs: 60_000, now: time.now });
    const decisions = [];
    for (let i = 0; i < 4; i += 1) {
      decisions.push(await limiter.take('ip:10.0.0.1', 3));
      time.advance(1_000);
    }
    expect(decisions).toEqual([
      { allowed: true, remaining: 2, resetInMs: 60_000 },
      { allowed: true, remaining: 1, resetInMs: 59_000 },
      { allowed: true, remaining: 0, resetInMs: 58_000 },
      { allowed: false, remaining: 0, resetInMs: 57_000 },
    ]);
    time.advance(55_999); // 1 ms before the window ends: still refused
    expect(await limiter.take('ip:10.0.0.1', 3)).toEqual({ allowed: false, remaining: 0, resetInMs: 1 });
    time.advance(1); // the window has ended: a new one starts with this request
    expect(await limiter.take('ip:10.0.0.1', 3)).toEqual({ allowed: true, remaining: 2, resetInMs: 60_000 });
  });

  it('keeps a separate budget per key', async () => {
    const limiter = createMemoryRateLimiter({ windowMs: 1_000, now: clock().now });
    expect((await limiter.take('sub:a', 1)).allowed).toBe(true);
    expect((await limiter.take('sub:a', 1)).allowed).toBe(false);
    expect((await limiter.take('sub:b', 1)).allowed).toBe(true);
    expect((await limiter.take('ip:10.0.0.1', 1)).allowed).toBe(true);
  });

  it('drops the buckets of ended windows', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ windowMs: 1_000, now: time.now });
    for (let i = 0; i < 500; i += 1) await limiter.take(`ip:10.0.${i >> 8}.${i & 255}`, 5);
    expect(limiter.size).toBe(500);
    time.advance(999);
    await limiter.take('sub:late', 5);
    expect(limiter.size).toBe(501);
    time.advance(1);
    await limiter.take('sub:next', 5);
    expect(limiter.size).toBe(2); // sub:late (ends later) and sub:next
  });

  it('never holds more than maxKeys buckets, evicting the one nearest its end', async () => {
    const time = clock();
    const limiter = createMemoryRateLimiter({ windowMs: 60_000, maxKeys: 3, now: time.now });
    for (const key of ['a', 'b', 'c', 'd']) {
      await limiter.take(key, 1);
      time.advance(10);
    }
    expect(limiter.size).toBe(3);
    // 'a' was evicted: it starts afresh; 'b' still has its spent budget.
    expect((await limiter.take('b', 1)).allowed).toBe(false);
    expect((await limiter.take('a', 1)).allowed).toBe(true);
  });
});
