/**
 * Exponential backoff for a sender → recipient pair whose delivery failed: `baseMs · 2^(failures-1)`,
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so that several gateway replicas
 * retrying the same pair spread out instead of arriving together. Pure: `random` is injected.
 * (No backoff library is a dependency here; the legacy adapter computes its own the same way.)
 */
export interface BackoffPolicy {
  /** @default 500 ms */
  readonly baseMs: number;
  /** @default 300 000 ms (5 min): a recipient down for hours is retried every few minutes. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 500, maxMs: 300_000 });

export function deliveryBackoff(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30);
  const capped = Math.min(policy.maxMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}
