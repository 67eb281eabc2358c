/**
 * One call shared by every identical request while it is in flight (issue 13; Apollo Router and Hive
 * call it in-flight deduplication). The caller decides what is identical and safe to share — the key
 * — and this class only shares: the first request starts the call, later ones with the same key join
 * it until it settles, and every waiter keeps its own client and its own deadline:
 * - a waiter whose client aborts, or whose deadline passes first, leaves alone with `left(reason)`;
 *   the others go on waiting;
 * - the call itself is aborted (its signal) only once every waiter has left, and a request coming
 *   after that starts a call of its own rather than joining one being torn down;
 * - each waiter after the first gets `copy(value)`: what one request does with its answer (Apollo's
 *   gateway merges later fetches into the objects it gets) never shows in another's.
 */
export interface InflightWaiter {
  /** This waiter's client: when it aborts, the waiter leaves with 'aborted'. */
  readonly signal?: AbortSignal;
  /**
   * How long this waiter waits at most (its own deadline); it leaves with 'timeout' then. Undefined:
   * as long as the call takes (its own deadline is at least the call's).
   */
  readonly timeoutMs?: number;
}

export type LeaveReason = 'aborted' | 'timeout';

interface Flight<T> {
  readonly controller: AbortController;
  readonly promise: Promise<T>;
  waiters: number;
  handedOut: boolean;
}

export class InflightRequests<T> {
  private readonly flights = new Map<string, Flight<T>>();

  constructor(
    /** Copies a settled value for a waiter that is not the first to take it. */
    private readonly copy: (value: T) => T,
    /** Told whenever a request joins a call in flight instead of starting one (a request saved). */
    private readonly onJoin: () => void = () => {},
  ) {}

  /** Calls in flight now. */
  get size(): number {
    return this.flights.size;
  }

  /**
   * The value of the call in flight for `key`, or of `start(signal)` started now; or `left(reason)`
   * if this waiter's client aborts or its deadline passes before the call settles.
   */
  join(key: string, waiter: InflightWaiter, start: (signal: AbortSignal) => Promise<T>, left: (reason: LeaveReason) => T): Promise<T> {
    if (waiter.signal?.aborted) return Promise.resolve(left('aborted'));
    let flight = this.flights.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      const started: Flight<T> = {
        controller,
        waiters: 0,
        handedOut: false,
        promise: start(controller.signal).finally(() => {
          if (this.flights.get(key) === started) this.flights.delete(key);
        }),
      };
      this.flights.set(key, started);
      flight = started;
    } else {
      this.onJoin();
    }
    flight.waiters += 1;
    return this.wait(key, flight, waiter, left);
  }

  private wait(key: string, flight: Flight<T>, { signal, timeoutMs }: InflightWaiter, left: (reason: LeaveReason) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
        return true;
      };
      const leave = (reason: LeaveReason) => {
        if (!finish()) return;
        if (flight.waiters === 0) {
          if (this.flights.get(key) === flight) this.flights.delete(key);
          flight.controller.abort();
        }
        resolve(left(reason));
      };
      const onAbort = () => leave('aborted');
      const timer = timeoutMs === undefined ? undefined : setTimeout(leave, timeoutMs, 'timeout');
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (!finish()) return;
          resolve(flight.handedOut ? this.copy(value) : value);
          flight.handedOut = true;
        },
        (error: unknown) => {
          if (finish()) reject(error as Error);
        },
      );
    });
  }
}
