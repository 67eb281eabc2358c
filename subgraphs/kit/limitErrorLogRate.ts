import type { ErrorLogger } from './formatSubgraphError.ts';

/** Error lines a subgraph writes per second at most: a failing source fails every query. */
export const ERROR_LINES_PER_SECOND = 5;

/**
 * At most `perSecond` lines a second reach `sink`; the rest are counted, and the first line after
 * a dropping second says how many were dropped (as the HJ 212 ingest limits its log). A bureau whose
 * PostgreSQL is down fails every query with the same error: one line each wrote thousands a
 * minute and filled the capped log, hiding everything else; queries still get their error.
 */
export function limitErrorLogRate(sink: ErrorLogger, perSecond = ERROR_LINES_PER_SECOND, now: () => number = Date.now): ErrorLogger {
  let windowStart = -Infinity;
  let inWindow = 0;
  let dropped = 0;
  return (message, error) => {
    const t = now();
    if (t - windowStart >= 1000) {
      windowStart = t;
      inWindow = 0;
      if (dropped > 0) sink(`${dropped} more error lines suppressed (at most ${perSecond} a second)`, undefined);
      dropped = 0;
    }
    if (inWindow < perSecond) {
      inWindow++;
      sink(message, error);
    } else {
      dropped++;
    }
  };
}
