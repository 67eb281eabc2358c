/**
 * The in-process "an event was appended" notification of one bureau's event log: writers call
 * `notify()` after their transaction commits; a held pull (eventRoutes.ts) takes `changed` BEFORE it
 * reads the log and waits on it only when the read found nothing, so an append that commits between
 * the read and the wait still wakes it. One shared promise per generation: any number of waiters, no
 * listener per waiter, nothing to unregister. It only wakes readers; what they read is the store.
 */
export class AppendSignal {
  private resolve!: () => void;
  private current = this.fresh();

  /** Settles at the next notify() after this was read. */
  get changed(): Promise<void> {
    return this.current;
  }

  notify(): void {
    const resolve = this.resolve;
    this.current = this.fresh();
    resolve();
  }

  private fresh(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
  }
}
