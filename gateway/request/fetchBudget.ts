/**
 * How long one subgraph request of a client request may take: the subgraph's own deadline, cut to
 * what is left of the request's overall deadline. A plan with sequential fetches (the region, then
 * the bureaus its answer names) shares one deadline instead of adding each fetch's own.
 */
export interface FetchBudget {
  /** The timeout to give this fetch; 0 or less: the request's deadline has passed, send nothing. */
  readonly timeoutMs: number;
  /** True when the request's deadline, not the subgraph's own, sets it: a timeout is then not the subgraph's fault. */
  readonly byRequest: boolean;
}

/** `deadline` and `now` are on one monotonic clock (performance.now()); no deadline = the subgraph's own. */
export function fetchBudget(ownTimeoutMs: number, deadline: number | undefined, now: number): FetchBudget {
  if (deadline === undefined) return { timeoutMs: ownTimeoutMs, byRequest: false };
  const left = Math.floor(deadline - now);
  return left < ownTimeoutMs ? { timeoutMs: left, byRequest: true } : { timeoutMs: ownTimeoutMs, byRequest: false };
}
