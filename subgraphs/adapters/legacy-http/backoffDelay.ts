/**
 * Wait before retry number `retry` (1-based): exponential from `baseMs`, with "equal jitter" (half
 * fixed, half random) so that callers that failed together do not retry in lockstep.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number): number {
  const ceiling = baseMs * 2 ** (retry - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
