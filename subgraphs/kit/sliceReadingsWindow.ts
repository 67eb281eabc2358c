import type { ReadingInterval, ReadingRecord } from './model.ts';

/**
 * The readings of a time-sorted series inside [from, to], both ends inclusive (the readings port's
 * window contract): two binary searches and a slice; with `interval`, only readings of that data type.
 */
export function sliceReadingsWindow(series: readonly ReadingRecord[], from: number, to: number, interval?: ReadingInterval): ReadingRecord[] {
  if (from > to) return [];
  const slice = series.slice(firstIndex(series, (t) => t >= from), firstIndex(series, (t) => t > to));
  return interval === undefined ? slice : slice.filter((r) => r.interval === interval);
}

function firstIndex(series: readonly ReadingRecord[], reached: (time: number) => boolean): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached((series[mid] as ReadingRecord).time)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
