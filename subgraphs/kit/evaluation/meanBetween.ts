/**
 * A mean of hourly values over a span, formed only when the span has enough valid hours — GB 3095-2012
 * Table 4 data validity: a 24 h mean needs at least 20 hourly values, an 8 h mean at least 6.
 */
import { cleanNumber } from '../../standards/index.ts';

export const MIN_HOURS_24H = 20;
export const MIN_HOURS_8H = 6;

export interface AirMean {
  readonly value: number;
  /** How many valid hourly values it is formed from. */
  readonly count: number;
}

/** The mean of the values with times in [from, to), or null below `minCount` values. */
export function meanBetween(series: ReadonlyMap<number, number>, from: number, to: number, minCount: number): AirMean | null {
  let sum = 0;
  let count = 0;
  for (const [time, value] of series) {
    if (time >= from && time < to) {
      sum += value;
      count += 1;
    }
  }
  return count >= minCount && count > 0 ? { value: cleanNumber(sum / count), count } : null;
}
