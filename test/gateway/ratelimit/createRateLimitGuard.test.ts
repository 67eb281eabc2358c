/**
 * The guard between the limiter and Apollo Server: the budget by role, 0 = unlimited (the limiter is
 * not even asked), and the refusal Apollo turns into the response (429, Retry-After, RATE_LIMITED).
 */
import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';
import { createRateLimitGuard } from '../../../gateway/ratelimit/createRateLimitGuard.ts';
import type { RateLimiter } from '../../../gateway/ratelimit/RateLimiter.ts';
import { createMemoryRateLimiter } from '../../../gateway/ratelimit/memoryRateLimiter.ts';

const officer: Caller = { role: 'authenticated', subject: 'officer-17', bureau: '500152', scopes: new Set(), jurisdiction: null };

function recording(inner: RateLimiter) {
  const taken: Array<[string, number]> = [];
  const limiter: RateLimiter = { take: (key, limit) => (taken.push([key, limit]), inner.take(key, limit)), close: () => inner.close() };
  return { limiter, taken };
}

describe('createRateLimitGuard', () => {
  it('spends the budget of the caller\'s role under its key', async () => {
    const { limiter, taken } = recording(createMemoryRateLimiter({ windowMs: 60_000 }));
    const guard = createRateLimitGuard(limiter, { authenticated: 7, public: 3, regionCallback: 50, windowMs: 60_000 });
    await guard(officer, '10.0.0.1');
    await guard(PUBLIC_CALLER, '10.0.0.1');
    expect(taken).toEqual([['sub:officer-17', 7], ['ip:10.0.0.1', 3]]);
  });

  it("spends the region's callbacks on the callback budget, never the caller's nor the address's", async () => {
    const { limiter, taken } = recording(createMemoryRateLimiter({ windowMs: 60_000 }));
    const guard = createRateLimitGuard(limiter, { authenticated: 1, public: 1, regionCallback: 50, windowMs: 60_000 });
    await guard(officer, '127.0.0.1');
    await guard(PUBLIC_CALLER, '127.0.0.1');
    // Both budgets above are spent; the callbacks on their behalf still pass.
    for (let i = 0; i < 3; i += 1) {
      await guard(officer, '127.0.0.1', 'region-callback');
      await guard(PUBLIC_CALLER, '127.0.0.1', 'region-callback');
    }
    expect(taken.slice(2)).toEqual(Array.from({ length: 3 }, () => [['region-callback:sub:officer-17', 50], ['region-callback:public', 50]]).flat());
  });

  it('does not ask the limiter for a role whose limit is 0 (unlimited)', async () => {
    const { limiter, taken } = recording(createMemoryRateLimiter({ windowMs: 60_000 }));
    const guard = createRateLimitGuard(limiter, { authenticated: 0, public: 1, regionCallback: 0, windowMs: 60_000 });
    for (let i = 0; i < 5; i += 1) await guard(officer, '10.0.0.1');
    for (let i = 0; i < 5; i += 1) await guard(PUBLIC_CALLER, '10.0.0.1', 'region-callback');
    expect(taken).toEqual([]);
  });

  it('refuses over the limit with RATE_LIMITED, HTTP 429 and Retry-After in whole seconds (at least 1)', async () => {
    let t = 0;
    const refused: Caller[] = [];
    const guard = createRateLimitGuard(createMemoryRateLimiter({ windowMs: 30_000, now: () => t }), { authenticated: 1, public: 1, regionCallback: 1, windowMs: 30_000 }, (c) => refused.push(c));
    await guard(PUBLIC_CALLER, '10.0.0.1');
    t = 10_400;
    const error = await guard(PUBLIC_CALLER, '10.0.0.1').then(() => null, (e: unknown) => e as { message: string; extensions: Record<string, any> });
    expect(error?.message).toBe('Too many requests: at most 1 per 30 s. Try again in 20 s.');
    expect(error?.message).not.toContain('10.0.0.1');
    expect(error?.extensions['code']).toBe('RATE_LIMITED');
    expect(error?.extensions['retryAfterSeconds']).toBe(20);
    expect(error?.extensions['http'].status).toBe(429);
    expect(error?.extensions['http'].headers.get('retry-after')).toBe('20');
    expect(refused).toEqual([PUBLIC_CALLER]);
    t = 29_999.5;
    const last = await guard(PUBLIC_CALLER, '10.0.0.1').then(() => null, (e: unknown) => e as { extensions: Record<string, any> });
    expect(last?.extensions['retryAfterSeconds']).toBe(1);
  });
});
