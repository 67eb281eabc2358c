/**
 * Period means of each factor over a set of readings — the input of a period assessment
 * (环办〔2011〕22号: a period is classed on its means). Only values flagged N count; null values are skipped, so a
 * stopped or faulty analyser never drags a mean (HJ 212-2017 §6.6.4). pH is averaged through [H+] where the
 * standard's data says so (see gb3838Standard.ts).
 */
import { cleanNumber } from './Limit.ts';
import type { Reading } from './Reading.ts';
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

export function periodMeans(readings: readonly Reading[], window: PeriodWindow = {}, standard?: StandardRef): PeriodMean[] {
  const water = findWaterStandard(standard);
  const byCode = new Map<string, number[]>();
  for (const reading of readings) {
    if (window.from !== undefined && reading.time < window.from) continue;
    if (window.to !== undefined && reading.time >= window.to) continue;
    for (const { code, value, flag } of reading.values) {
      if (flag !== 'N' || value === null || !Number.isFinite(value)) continue;
      const key = normaliseCode(code);
      const list = byCode.get(key) ?? [];
      list.push(value);
      byCode.set(key, list);
    }
  }
  return [...byCode].map(([code, values]) => {
    const hydrogen = findWaterIndicator(water, code)?.mean === 'HYDROGEN_ION';
    const mean = hydrogen
      ? -Math.log10(values.reduce((sum, v) => sum + 10 ** -v, 0) / values.length)
      : values.reduce((sum, v) => sum + v, 0) / values.length;
    return { code, value: cleanNumber(mean), count: values.length };
  });
}
