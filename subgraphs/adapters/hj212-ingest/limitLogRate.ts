import type { Hj212IngestLog } from './Hj212IngestLog.ts';

export interface RateLimitedLog {
  readonly log: Hj212IngestLog;
  /** Lines dropped so far. */
  readonly suppressed: number;
}

/**
 * At most `perSecond` lines a second reach `sink`; the rest are counted, and the first line after
 * a dropping second says how many were dropped. A device (or an attacker) sending garbage as fast
 * as TCP allows must not be able to fill the disk through the log; the counters still see it all.
 */
export function limitLogRate(sink: Hj212IngestLog, perSecond: number, now: () => number = Date.now): RateLimitedLog {
  let windowStart = -Infinity;
  let inWindow = 0;
  let droppedInWindow = 0;
  let suppressed = 0;
  const log: Hj212IngestLog = (event) => {
    const t = now();
    if (t - windowStart >= 1000) {
      windowStart = t;
      inWindow = 0;
      if (droppedInWindow > 0) sink({ level: 'warn', event: 'hj212.log_suppressed', lines: droppedInWindow });
      droppedInWindow = 0;
    }
    if (inWindow < perSecond) {
      inWindow++;
      sink(event);
    } else {
      droppedInWindow++;
      suppressed++;
    }
  };
  return { log, get suppressed() { return suppressed; } };
}
