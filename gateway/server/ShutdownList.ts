/**
 * What the gateway must close, listed once as it is opened, and closed in the reverse order (what
 * depends on a resource closes before it): both on a failed start and on a clean stop.
 */
export class ShutdownList {
  private readonly closers: Array<() => Promise<void>> = [];

  /** Registers `close` and returns `resource`, so a resource is listed where it is made. */
  add<T>(resource: T, close: (resource: T) => Promise<void>): T {
    this.closers.push(() => close(resource));
    return resource;
  }

  /** Closes everything, last added first; every closer runs even if one fails, then the first failure is thrown. */
  async close(): Promise<void> {
    let failure: { error: unknown } | null = null;
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}
