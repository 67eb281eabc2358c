/**
 * How many event pulls a bureau holds open right now (eventRoutes.ts: a pull that found nothing and
 * waits for an append). Served at the bureau's /metrics as `bureau_event_pulls_held`, so an operator
 * sees the gateway's followers parked here, and a test can wait until its pull is held instead of
 * sleeping.
 */
export class HeldPulls {
  private held = 0;

  get count(): number {
    return this.held;
  }

  /** Counts one pull as held until the returned release is called (once). */
  hold(): () => void {
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
    };
  }
}
