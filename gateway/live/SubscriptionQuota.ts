/**
 * The cap on concurrent subscriptions per caller on this replica (ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER):
 * each one holds a place in the EventHub and resolves every event it takes through the graph, so one
 * caller must not open them without bound. Keyed like the rate limit: the token's subject, else the
 * client's address.
 */
import type { Caller } from '../request/Caller.ts';

export class SubscriptionQuota {
  readonly #open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for the caller: its release (idempotent), or null when the caller is at the cap. */
  acquire(caller: Caller, clientAddress: string): (() => void) | null {
    const key = caller.role === 'authenticated' && caller.subject !== null ? `sub:${caller.subject}` : `addr:${clientAddress}`;
    const count = this.#open.get(key) ?? 0;
    if (count >= this.max) return null;
    this.#open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(key) ?? 1) - 1;
      if (left <= 0) this.#open.delete(key);
      else this.#open.set(key, left);
    };
  }
}
