/**
 * Period means of each factor over a set of readings — the input of a period assessment
 * (环办〔2011〕22号: a period is classed on its means). Only values flagged N count; null values are skipped, so a
 * stopped or faulty analyser never drags a mean (HJ 212-2017 §6.6.4). pH is averaged through [H+] where the
 * standard's data says so (see gb3838Standard.ts).
 *
 * Daily values (HJ 212-2017 CN 2031 日数据, themselves the mean of the day's values) count as monitoring
 * results of the period: GB 3838-2002 §6.1 assesses a period by the single-factor method, and 环办〔2011〕22号
 * (评价时段: "有多次监测数据时，应采用多次监测数据的算术平均值进行评价" [clause wording unverified]) takes
 * the arithmetic mean of the period's results, whatever their spacing. So a month held only as daily
 * values is the mean of its daily values. Where daily values meet finer ones (the months in which a
 * platform's fine data start), each value weighs the time it stands for (a daily value 24 h, a
 * four-hourly one 4 h, an hourly one 1 h), which makes the mean the same arithmetic mean of the
 * underlying hours rather than one that counts a day as one hour; a series of one data type is the
 * plain mean as before. A daily value of a day that also has finer readings in the set is left out:
 * it summarises them, and counting both would count that day twice.
 */
import { cleanNumber } from './Limit.ts';
import type { Reading, ReadingInterval } from './Reading.ts';
import type { StandardRef } from './StandardRef.ts';
import { normaliseCode } from './assertConcentration.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

export interface PeriodMean {
  readonly code: string;
  readonly value: number;
  /** How many valid values the mean is over. */
  readonly count: number;
}

export interface PeriodWindow {
  /** Inclusive start, epoch ms. */
  readonly from?: number;
  /** Exclusive end, epoch ms. */
  readonly to?: number;
}

/** Hours a value of each data type stands for; real-time values are instants, weighed as a minute. */
const WEIGHT_HOURS: Readonly<Record<ReadingInterval, number>> = { REALTIME: 1 / 60, MINUTE: 1 / 60, HOURLY: 1, FOUR_HOURLY: 4, DAILY: 24 };
const DAY_MS = 86_400_000;

export function periodMeans(readings: readonly Reading[], window: PeriodWindow = {}, standard?: StandardRef): PeriodMean[] {
  const water = findWaterStandard(standard);
  const inWindow = readings.filter((r) =>
    (window.from === undefined || r.time >= window.from) && (window.to === undefined || r.time < window.to));
  const finerTimes = inWindow.filter((r) => r.interval !== 'DAILY').map((r) => r.time).sort((a, b) => a - b);
  const byCode = new Map<string, { values: number[]; weights: number[] }>();
  for (const reading of inWindow) {
    if (reading.interval === 'DAILY' && hasTimeIn(finerTimes, reading.time, reading.time + DAY_MS)) continue;
    const weight = reading.interval === undefined ? 1 : WEIGHT_HOURS[reading.interval];
    for (const { code, value, flag } of reading.values) {
      if (flag !== 'N' || value === null || !Number.isFinite(value)) continue;
      const key = normaliseCode(code);
      let list = byCode.get(key);
      if (list === undefined) byCode.set(key, list = { values: [], weights: [] });
      list.values.push(value);
      list.weights.push(weight);
    }
  }
  return [...byCode].map(([code, { values, weights }]) => {
    const hydrogen = findWaterIndicator(water, code)?.mean === 'HYDROGEN_ION';
    const mean = hydrogen
      ? -Math.log10(weightedMean(values.map((v) => 10 ** -v), weights))
      : weightedMean(values, weights);
    return { code, value: cleanNumber(mean), count: values.length };
  });
}

/** The plain mean when every weight is the same (summed in the same order as before weights existed). */
function weightedMean(values: readonly number[], weights: readonly number[]): number {
  if (weights.every((w) => w === weights[0])) return values.reduce((sum, v) => sum + v, 0) / values.length;
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => { sum += v * (weights[i] as number); total += weights[i] as number; });
  return sum / total;
}

/** Whether the sorted `times` has one in [from, to). */
function hasTimeIn(times: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && (times[lo] as number) < to;
}
