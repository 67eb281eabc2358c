/**
 * Per-factor views of a reading series for the alarm detectors: each factor's values aligned with
 * the readings (null where a reading lacks the factor), and runs of consecutive items sharing a key.
 */
import type { AlarmValue } from './Alarm.ts';
import type { Reading } from './Reading.ts';
import { normaliseCode } from './assertConcentration.ts';

export function codeSeries(readings: readonly Reading[]): Map<string, (AlarmValue | null)[]> {
  const series = new Map<string, (AlarmValue | null)[]>();
  readings.forEach((reading, index) => {
    for (const v of reading.values) {
      const code = normaliseCode(v.code);
      const list = series.get(code) ?? Array<AlarmValue | null>(readings.length).fill(null);
      list[index] = { time: reading.time, code, value: v.value, flag: v.flag };
      series.set(code, list);
    }
  });
  return series;
}

/** Maximal runs of consecutive items whose key is the same non-null string. */
export function runsBy<T>(items: readonly (T | null)[], key: (item: T) => string | null): { key: string; items: T[] }[] {
  const runs: { key: string; items: T[] }[] = [];
  let current: { key: string; items: T[] } | null = null;
  for (const item of items) {
    const k = item === null ? null : key(item);
    if (item === null || k === null) {
      current = null;
    } else if (current && current.key === k) {
      current.items.push(item);
    } else {
      current = { key: k, items: [item] };
      runs.push(current);
    }
  }
  return runs;
}

/** A valid measurement: flagged N with a finite value. */
export function isValid(v: AlarmValue): v is AlarmValue & { value: number } {
  return v.flag === 'N' && v.value !== null && Number.isFinite(v.value);
}
