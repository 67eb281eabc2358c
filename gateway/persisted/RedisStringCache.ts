/**
 * The APQ store shared by every gateway replica: Redis (ECOGRAPH_REDIS_URL), so a document
 * registered through one replica runs by hash through any other. Keys are `prefix` + Apollo's own
 * key (`apq:<sha256>`); values expire after the TTL Apollo passes (persistedQueries.ttl).
 *
 * Redis must never take the gateway down or make a request wait on an outage: commands are never
 * queued while disconnected, each waits at most `commandTimeoutMs`, and while Redis fails the cache
 * reads and writes `fallback` (memory, per replica: a client then re-registers its document once,
 * as the APQ protocol expects). After a failure Redis is left alone for `retryAfterFailureMs`.
 * Outage and recovery are logged once each.
 */
import { Redis } from 'ioredis';
import type { StringCache } from './StringCache.ts';

export interface RedisStringCacheOptions {
  /** redis:// or rediss:// URL. */
  readonly url: string;
  /** Prepended to every key, so APQ shares a Redis with the rate limiter and tests. @default 'ecograph:' */
  readonly prefix?: string;
  /** Serves while Redis is unavailable. */
  readonly fallback: StringCache;
  readonly log: (event: Record<string, unknown>) => void;
  /** @default 250 (ms) */
  readonly commandTimeoutMs?: number;
  /** @default 5000 (ms) */
  readonly retryAfterFailureMs?: number;
  /** How long creation waits for the first connection before serving from memory. @default 2000 (ms) */
  readonly connectWaitMs?: number;
}

export type ClosableStringCache = StringCache & { close(): Promise<void> };

export async function createRedisStringCache(options: RedisStringCacheOptions): Promise<ClosableStringCache> {
  const { fallback, log, prefix = 'ecograph:' } = options;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 5_000;
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000), // keep reconnecting in the background
  });
  let degraded = false;
  let skipUntil = -Infinity;
  const fail = (error: unknown) => {
    skipUntil = performance.now() + retryAfterFailureMs;
    if (degraded) return;
    degraded = true;
    log({ level: 'warn', msg: 'persisted queries: Redis unavailable; each replica keeps them in memory until it is back',
      detail: error instanceof Error ? error.message : String(error) });
  };
  // ioredis reports every failed (re)connect as 'error'; without a listener each would be printed.
  redis.on('error', fail);
  redis.on('ready', () => {
    skipUntil = -Infinity;
    if (degraded) log({ level: 'info', msg: 'persisted queries: Redis is back' });
    degraded = false;
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, options.connectWaitMs ?? 2_000);
    redis.once('ready', done);
  });
  if (redis.status !== 'ready') fail(new Error(`no connection within ${options.connectWaitMs ?? 2_000} ms`));

  const usable = () => redis.status === 'ready' && performance.now() >= skipUntil;
  async function attempt<T>(command: () => Promise<T>, otherwise: () => Promise<T>): Promise<T> {
    if (!usable()) return otherwise();
    try {
      return await command();
    } catch (error) {
      fail(error);
      return otherwise();
    }
  }
  return {
    get: (key) => attempt(async () => (await redis.get(prefix + key)) ?? undefined, () => fallback.get(key)),
    set: (key, value, setOptions) => attempt(async () => {
      const ttl = setOptions?.ttl;
      if (ttl) await redis.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      else await redis.set(prefix + key, value);
    }, () => fallback.set(key, value, setOptions)),
    delete: (key) => attempt(async () => (await redis.del(prefix + key)) > 0, () => fallback.delete(key)),
    async close() {
      redis.disconnect();
    },
  };
}
