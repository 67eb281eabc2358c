import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../gateway/transport/CircuitBreaker.ts';

describe('CircuitBreaker', () => {
  it('learns nothing from requests their clients cancelled: it stays closed however many there are', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    for (let i = 0; i < 5; i += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.abandoned();
    }
    breaker.failed();
    expect(breaker.state).toBe('closed'); // one failure, not six
  });

  it('gives the half-open trial slot back when the trial request is cancelled, without closing or reopening', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ cooldownMs: 1_000, now: () => now });
    breaker.trip();
    now = 1_000;
    expect(breaker.tryAcquire()).toBe(true); // the trial
    expect(breaker.tryAcquire()).toBe(false); // one at a time
    breaker.abandoned();
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true); // another trial may go
  });
});
