/**
 * The valid hourly values of one pollutant, by time: only values flagged N, finite and not negative
 * count (HJ 212-2017 §6.6.4 data flags). A reading's time is the start of its hour.
 */
import type { Reading } from '../../standards/index.ts';

export const HOUR_MS = 3_600_000;

export function validHourly(readings: readonly Reading[], code: string): Map<number, number> {
  const values = new Map<number, number>();
  for (const r of readings) {
    const v = r.values.find((x) => x.code.toLowerCase() === code);
    if (v && v.flag === 'N' && v.value !== null && Number.isFinite(v.value) && v.value >= 0) values.set(r.time, v.value);
  }
  return values;
}
