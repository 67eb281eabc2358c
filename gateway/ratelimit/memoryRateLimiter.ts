/**
 * The in-memory limiter: one replica's own budgets, the default when no Redis is configured and the
 * fallback while Redis is unreachable. Memory is bounded: a key's bucket is dropped once its window
 * has ended, and at most `maxKeys` buckets are kept (a flood of new addresses evicts the buckets
 * nearest their end, which only gives those keys a fresh budget a little early).
 */
import type { RateDecision, RateLimiter } from './RateLimiter.ts';

export interface MemoryRateLimiterOptions {
  readonly windowMs: number;
  /** @default 100_000 (a bucket is ~100 bytes: ~10 MB at most) */
  readonly maxKeys?: number;
  /** A monotonic clock in milliseconds (a wall-clock jump must not stretch a window); injected by tests. @default performance.now */
  readonly now?: () => number;
}

interface Bucket {
  count: number;
  readonly endsAt: number;
}

export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter & { readonly size: number } {
  const { windowMs, maxKeys = 100_000, now = () => performance.now() } = options;
  // Insertion order = window start order = end order (every window is windowMs long), so expired
  // buckets are always at the front: dropping them costs only what is dropped.
  const buckets = new Map<string, Bucket>();
  const dropEnded = (at: number) => {
    for (const [key, bucket] of buckets) {
      if (bucket.endsAt > at) break;
      buckets.delete(key);
    }
  };
  return {
    get size() {
      return buckets.size;
    },
    async take(key, limit): Promise<RateDecision> {
      const at = now();
      dropEnded(at);
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        bucket = { count: 0, endsAt: at + windowMs };
        buckets.set(key, bucket);
      }
      bucket.count += 1;
      const resetInMs = bucket.endsAt - at;
      return bucket.count <= limit
        ? { allowed: true, remaining: limit - bucket.count, resetInMs }
        : { allowed: false, remaining: 0, resetInMs };
    },
    async close() {
      buckets.clear();
    },
  };
}
