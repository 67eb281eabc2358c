/**
 * The shared limiter: every gateway replica counts into the same Redis key per caller, so N replicas
 * behind a load balancer enforce one budget, not N. One Lua script per request (INCR, then PEXPIRE
 * when the key has no expiry yet) is atomic, and Redis's own clock decides when a window ends.
 *
 * Redis unreachable, slow or failing: the request is limited by the in-memory `fallback` instead
 * (each replica then enforces the budget on its own: fail open to a per-replica limit, never to no
 * limit and never to refusing everyone). A command waits at most `commandTimeoutMs`; after a failure
 * Redis is left alone for `retryAfterFailureMs`, then tried by one request at a time (single-flight:
 * the others are limited in memory meanwhile), so an outage costs one slow request per interval,
 * not one per request. Outage and recovery are logged once each.
 */
import { Redis } from 'ioredis';
import type { RateDecision, RateLimiter } from './RateLimiter.ts';

const TAKE_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export const DEFAULT_RATE_LIMIT_PREFIX = 'ecograph:ratelimit:';

export interface RedisRateLimiterOptions {
  /** redis:// or rediss:// URL (ECOGRAPH_REDIS_URL). */
  readonly url: string;
  readonly windowMs: number;
  /** Used while Redis is unavailable. */
  readonly fallback: RateLimiter;
  readonly log: (event: Record<string, unknown>) => void;
  /** Prepended to every key, so the limiter shares a Redis with other uses (APQ) and tests. @default 'ecograph:ratelimit:' */
  readonly prefix?: string;
  /**
   * Redis answers in well under a millisecond on a LAN; this only has to outlast a busy event loop
   * (a replica under load, a GC pause), which would otherwise count as an outage.
   * @default 1000
   */
  readonly commandTimeoutMs?: number;
  /** @default 5000 */
  readonly retryAfterFailureMs?: number;
  /** How long `createRedisRateLimiter` waits for the first connection before serving from memory. @default 2000 */
  readonly connectWaitMs?: number;
  readonly now?: () => number;
}

type ScriptedRedis = Redis & { ecographRateLimitTake(key: string, windowMs: number): Promise<[number, number]> };

export async function createRedisRateLimiter(options: RedisRateLimiterOptions): Promise<RateLimiter> {
  const { windowMs, fallback, log, prefix = DEFAULT_RATE_LIMIT_PREFIX, now = () => performance.now() } = options;
  const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 5_000;
  const redis = new Redis(options.url, {
    // Never queue a command while disconnected nor retry it: a request must not wait on an outage.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    // Keep reconnecting in the background, at most every 5 s.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  }) as ScriptedRedis;
  redis.defineCommand('ecographRateLimitTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });

  let degraded = false;
  let probing = false;
  let skipUntil = -Infinity;
  const fail = (error: unknown) => {
    skipUntil = now() + retryAfterFailureMs;
    if (degraded) return;
    degraded = true;
    log({
      level: 'warn', msg: 'rate limiter: Redis unavailable; each replica limits on its own until it is back',
      detail: error instanceof Error ? error.message : String(error),
    });
  };
  // ioredis emits every failed (re)connect as 'error': without a listener each one is printed.
  redis.on('error', fail);
  redis.on('ready', () => (skipUntil = -Infinity)); // reconnected: try it on the next request

  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, options.connectWaitMs ?? 2_000);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });

  return {
    async take(key, limit): Promise<RateDecision> {
      if (now() < skipUntil) return fallback.take(key, limit);
      // After an outage one request at a time finds out whether Redis is back (it may wait up to
      // commandTimeoutMs); the requests that arrive meanwhile are limited in memory, not held.
      if (degraded && probing) return fallback.take(key, limit);
      const probe = degraded;
      if (probe) probing = true;
      try {
        const [count, ttl] = await redis.ecographRateLimitTake(prefix + key, windowMs);
        if (degraded) {
          degraded = false;
          log({ level: 'info', msg: 'rate limiter: Redis is back; replicas share budgets again' });
        }
        return count <= limit
          ? { allowed: true, remaining: limit - count, resetInMs: ttl }
          : { allowed: false, remaining: 0, resetInMs: ttl };
      } catch (error) {
        fail(error);
        return fallback.take(key, limit);
      } finally {
        if (probe) probing = false;
      }
    },
    async close() {
      redis.disconnect(); // not quit(): an unreachable Redis would keep quit() waiting
      await fallback.close();
    },
  };
}
