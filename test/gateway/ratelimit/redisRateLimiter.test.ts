/**
 * The shared limiter against the machine's real Redis (skipped loudly when it is down, failed when
 * CI is set): one budget across two limiter instances (two gateway replicas), windows that end on
 * Redis's clock, and an outage (no server; a server that stops answering) that falls back to the
 * per-replica memory limiter within the command timeout, logs once, and recovers.
 */
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../../gateway/ratelimit/memoryRateLimiter.ts';
import type { RateLimiter } from '../../../gateway/ratelimit/RateLimiter.ts';
import { createRedisRateLimiter, type RedisRateLimiterOptions } from '../../../gateway/ratelimit/redisRateLimiter.ts';
import { describeWithServer } from '../../subgraphs/adapters/describeWithServer.ts';
import { startTcpSwitch } from '../../fixtures/tcpSwitch.ts';
import { TEST_REDIS, TEST_REDIS_URL, uniqueRedisPrefix } from '../../fixtures/testRedis.ts';

const open: RateLimiter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((limiter) => limiter.close()));
});

async function limiter(options: Partial<RedisRateLimiterOptions> & { prefix: string }) {
  const logs: Array<Record<string, unknown>> = [];
  const created = await createRedisRateLimiter({
    url: TEST_REDIS_URL,
    windowMs: 60_000,
    fallback: createMemoryRateLimiter({ windowMs: options.windowMs ?? 60_000 }),
    log: (event) => logs.push(event),
    ...options,
  });
  open.push(created);
  return { limiter: created, logs };
}

await describeWithServer(TEST_REDIS, 'createRedisRateLimiter', () => {
  it('shares one budget between two replicas', async () => {
    const prefix = uniqueRedisPrefix('ratelimit');
    const [a, b] = await Promise.all([limiter({ prefix }), limiter({ prefix })]);
    const order = [a, b, a, b, a, b];
    const decisions = [];
    for (const replica of order) decisions.push(await replica.limiter.take('sub:officer-17', 4));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([3, 2, 1, 0, 0, 0]);
    for (const d of decisions) expect(d.resetInMs).toBeGreaterThan(55_000);
    for (const d of decisions) expect(d.resetInMs).toBeLessThanOrEqual(60_000);
    // Another caller is untouched by the first one's spending.
    expect(await b.limiter.take('sub:officer-18', 4)).toMatchObject({ allowed: true, remaining: 3 });
    expect([...a.logs, ...b.logs]).toEqual([]);
  });

  it('keeps the window in Redis, with an expiry, and starts a new one when it ends', async () => {
    const prefix = uniqueRedisPrefix('ratelimit');
    const { limiter: shared } = await limiter({ prefix, windowMs: 400 });
    expect((await shared.take('ip:10.0.0.1', 1)).allowed).toBe(true);
    expect((await shared.take('ip:10.0.0.1', 1)).allowed).toBe(false);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.get(`${prefix}ip:10.0.0.1`)).toBe('2');
      const ttl = await redis.pttl(`${prefix}ip:10.0.0.1`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(400);
      // The window ends when Redis expires the key: wait for that, not for a guess of it.
      await expect.poll(() => redis.exists(`${prefix}ip:10.0.0.1`), { timeout: 5_000, interval: 20 }).toBe(0);
    } finally {
      redis.disconnect();
    }
    expect(await shared.take('ip:10.0.0.1', 1)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('falls back to memory at once when Redis refuses connections, logging the outage once', async () => {
    const { limiter: lonely, logs } = await limiter({ prefix: uniqueRedisPrefix('ratelimit'), url: 'redis://127.0.0.1:1', connectWaitMs: 300 });
    const started = performance.now();
    const decisions = [];
    for (let i = 0; i < 3; i += 1) decisions.push(await lonely.take('sub:x', 2));
    expect(performance.now() - started).toBeLessThan(200);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]); // still limited, per replica
    expect(logs.filter((l) => l['level'] === 'warn')).toHaveLength(1);
    expect(logs[0]).toMatchObject({ msg: expect.stringContaining('Redis unavailable') });
  });

  it('never waits on a Redis that stops answering longer than the command timeout, then recovers', async () => {
    const url = new URL(TEST_REDIS_URL);
    const network = await startTcpSwitch(url.hostname, Number(url.port || 6379));
    try {
      const prefix = uniqueRedisPrefix('ratelimit');
      let clock = 0; // the limiter's clock for retryAfterFailureMs; the command timeout is ioredis' own
      const { limiter: replica, logs } = await limiter({
        prefix, url: `redis://127.0.0.1:${network.port}`, commandTimeoutMs: 150, retryAfterFailureMs: 300, now: () => clock,
      });
      expect((await replica.take('sub:y', 3)).remaining).toBe(2); // through Redis
      network.set('hang');
      // A take that waited on the hung Redis would never return: the test's timeout is the guard.
      expect((await replica.take('sub:y', 3)).remaining).toBe(2); // timed out: memory's fresh budget
      expect((await replica.take('sub:y', 3)).remaining).toBe(1); // within retryAfterFailureMs: memory, Redis not asked
      expect(logs.map((l) => l['level'])).toEqual(['warn']);

      network.set('pass');
      clock += 300; // retryAfterFailureMs later
      // Redis again. Its count went on: the first request, the one that timed out (its bytes were
      // held, not lost, and reached Redis when the network came back), and this one; not the take
      // within retryAfterFailureMs, which never went to Redis (else this one would be refused).
      expect(await replica.take('sub:y', 3)).toMatchObject({ allowed: true, remaining: 0 });
      expect(logs.map((l) => l['level'])).toEqual(['warn', 'info']);
    } finally {
      await network.close();
    }
  });

  it('probes a Redis that is still hung with one request at a time: the others are limited in memory meanwhile', async () => {
    const url = new URL(TEST_REDIS_URL);
    const network = await startTcpSwitch(url.hostname, Number(url.port || 6379));
    let clock = 0;
    try {
      const { limiter: replica, logs } = await limiter({
        prefix: uniqueRedisPrefix('ratelimit'), url: `redis://127.0.0.1:${network.port}`,
        commandTimeoutMs: 300, retryAfterFailureMs: 5_000, now: () => clock,
      });
      expect((await replica.take('sub:z', 10)).remaining).toBe(9); // through Redis
      network.set('hang');
      await replica.take('sub:z', 10); // times out: the outage begins
      clock += 5_001; // Redis may be tried again
      const settled: string[] = [];
      const probe = replica.take('sub:z', 10).then(() => settled.push('probe'));
      const others = Promise.all([1, 2, 3].map((n) => replica.take('sub:z', 10).then(() => settled.push(`other ${n}`))));
      await Promise.all([probe, others]);
      expect(settled).toEqual(['other 1', 'other 2', 'other 3', 'probe']);
      expect(logs.map((l) => l['level'])).toEqual(['warn']);
    } finally {
      await network.close();
    }
  });
});
