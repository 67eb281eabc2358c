import { createServer, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStringCache } from '../../../gateway/persisted/MemoryStringCache.ts';
import { createRedisStringCache, type ClosableStringCache } from '../../../gateway/persisted/RedisStringCache.ts';
import { TEST_REDIS, TEST_REDIS_URL, uniqueRedisPrefix } from '../../fixtures/testRedis.ts';
import { describeWithServer } from '../../subgraphs/adapters/describeWithServer.ts';

await describeWithServer(TEST_REDIS, 'RedisStringCache on the real Redis', () => {
  const prefix = uniqueRedisPrefix('apq');
  const logs: Array<Record<string, unknown>> = [];
  let a: ClosableStringCache;
  let b: ClosableStringCache;
  let raw: Redis;
  beforeAll(async () => {
    a = await createRedisStringCache({ url: TEST_REDIS_URL, prefix, fallback: new MemoryStringCache(10), log: (e) => logs.push(e) });
    b = await createRedisStringCache({ url: TEST_REDIS_URL, prefix, fallback: new MemoryStringCache(10), log: (e) => logs.push(e) });
    raw = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await raw?.del(`${prefix}apq:x`, `${prefix}apq:y`);
    raw?.disconnect();
    await a?.close();
    await b?.close();
  });

  it('shares what one instance stores with another, under its prefix, with the ttl Apollo passes', async () => {
    await a.set('apq:x', '{ stations { totalCount } }', { ttl: 60 });
    expect(await b.get('apq:x')).toBe('{ stations { totalCount } }');
    const ttl = await raw.ttl(`${prefix}apq:x`);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await b.delete('apq:x')).toBe(true);
    expect(await a.get('apq:x')).toBeUndefined();
    expect(logs).toEqual([]);
  });
});

describe('RedisStringCache without a reachable Redis', () => {
  let closedPort: Server;
  let url: string;
  beforeAll(async () => {
    // A port that accepts nothing: listen, note it, close.
    closedPort = createServer();
    await new Promise<void>((resolve) => closedPort.listen(0, '127.0.0.1', resolve));
    url = `redis://127.0.0.1:${(closedPort.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => closedPort.close(() => resolve()));
  });

  it('starts anyway, serves from memory, and logs the outage once', async () => {
    const logs: Array<Record<string, unknown>> = [];
    // A start that waited for Redis would never resolve here: the test's timeout is the bound.
    const cache = await createRedisStringCache({ url, fallback: new MemoryStringCache(10), log: (e) => logs.push(e), connectWaitMs: 300 });
    await cache.set('apq:k', 'query');
    expect(await cache.get('apq:k')).toBe('query');
    expect(await cache.get('apq:other')).toBeUndefined();
    await cache.close();
    expect(logs.filter((e) => e['level'] === 'warn').map((e) => e['msg'])).toEqual([
      'persisted queries: Redis unavailable; each replica keeps them in memory until it is back',
    ]);
  });
});
