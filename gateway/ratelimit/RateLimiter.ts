/**
 * A request budget per key and fixed window (issue 7 item 7): each key may make `limit` requests in
 * a window that starts at its first request and lasts `windowMs`; the next window starts with the
 * first request after it. Implementations: memoryRateLimiter.ts (one replica), redisRateLimiter.ts
 * (shared by every replica). The store decides the window's start, so replicas need no common clock.
 */
export interface RateDecision {
  readonly allowed: boolean;
  /** Requests left in the current window after this one (0 when refused). */
  readonly remaining: number;
  /** Milliseconds until the current window ends and the budget is full again. */
  readonly resetInMs: number;
}

export interface RateLimiter {
  /** Counts one request of `key` against `limit` per window. Never rejects: a store failure is the limiter's to handle. */
  take(key: string, limit: number): Promise<RateDecision>;
  close(): Promise<void>;
}
