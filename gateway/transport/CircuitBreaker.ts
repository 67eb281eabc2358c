/**
 * A per-bureau circuit breaker, so that a dead bureau costs callers nothing and is not hammered:
 * closed → open after `failureThreshold` consecutive failures → after `cooldownMs` one trial request
 * (half-open) → closed on success, open again on failure. The registry's checks can also open or
 * close it. Time comes from an injected clock; no timers.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. @default 3 */
  readonly failureThreshold?: number;
  /** How long an open circuit refuses before letting one trial through. @default 5000 (ms) */
  readonly cooldownMs?: number;
  readonly now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 3;
    this.cooldownMs = options.cooldownMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a request may go now; in half-open, only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.threshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /**
   * The request was cancelled by its client before the bureau answered: that says nothing about the
   * bureau, so neither its failures nor its successes change; a half-open trial slot is given back.
   */
  abandoned(): void {
    this.trialInFlight = false;
  }

  /** The registry saw the bureau down: refuse at once instead of waiting for request failures. */
  trip(): void {
    this.failures = this.threshold;
    this.openedAt = this.now();
    this.trialInFlight = false;
  }
}
