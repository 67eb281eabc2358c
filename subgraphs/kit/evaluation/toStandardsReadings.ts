/**
 * A bureau's readings as the standards library takes them: strictly ascending by time. Adapters
 * return windows oldest first, but a source system can repeat a time (a resent HJ 212 packet), and
 * evaluateAlarms refuses such a series outright; the first reading of a time is kept.
 */
import type { ReadingRecord } from '../model.ts';
import type { Reading } from '../../standards/index.ts';

export function toStandardsReadings(rows: readonly ReadingRecord[]): Reading[] {
  const sorted = [...rows].sort((a, b) => a.time - b.time);
  return sorted.filter((r, i) => Number.isFinite(r.time) && (i === 0 || r.time !== sorted[i - 1]?.time));
}
