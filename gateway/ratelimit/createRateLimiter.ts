/**
 * The limiter a gateway uses: shared through Redis when ECOGRAPH_REDIS_URL is set (with the memory
 * limiter as its fallback during an outage), else in memory. The Redis client (ioredis, ~14 MB
 * resident once loaded) is loaded only when Redis is configured (issue 13: memory at start).
 */
import { createMemoryRateLimiter } from './memoryRateLimiter.ts';
import type { RateLimiter } from './RateLimiter.ts';

export async function createRateLimiter(
  options: { readonly windowMs: number; readonly redisUrl: string | null },
  log: (event: Record<string, unknown>) => void,
): Promise<RateLimiter> {
  const memory = createMemoryRateLimiter({ windowMs: options.windowMs });
  if (options.redisUrl === null) return memory;
  const { createRedisRateLimiter } = await import('./redisRateLimiter.ts');
  return createRedisRateLimiter({ url: options.redisUrl, windowMs: options.windowMs, fallback: memory, log });
}
