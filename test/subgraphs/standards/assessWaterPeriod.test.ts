import { describe, expect, it } from 'vitest';
import { assessWaterPeriod, periodMeans } from '../../../subgraphs/standards/index.ts';
import type { Reading } from '../../../subgraphs/standards/index.ts';

const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 1);
const reading = (i: number, values: Reading['values']): Reading => ({ time: T0 + i * 4 * H, values });

describe('periodMeans and assessWaterPeriod', () => {
  const readings: Reading[] = [
    reading(0, [{ code: 'w21003', value: 0.8, flag: 'N' }, { code: 'w01001', value: 7, flag: 'N' }]),
    reading(1, [{ code: 'w21003', value: 1.4, flag: 'N' }, { code: 'w01001', value: 8, flag: 'N' }]),
    reading(2, [{ code: 'w21003', value: 9.9, flag: 'D' }, { code: 'w01001', value: null, flag: 'N' }]),
    reading(3, [{ code: 'w21003', value: null, flag: 'N' }, { code: 'w01003', value: 20, flag: 'N' }]),
  ];

  it('averages only values flagged N and skips nulls', () => {
    const means = periodMeans(readings);
    expect(means.find((m) => m.code === 'w21003')).toEqual({ code: 'w21003', value: 1.1, count: 2 });
  });

  it('averages pH through hydrogen-ion activity', () => {
    const ph = periodMeans(readings).find((m) => m.code === 'w01001');
    expect(ph?.count).toBe(2);
    expect(ph?.value).toBeCloseTo(-Math.log10((1e-7 + 1e-8) / 2), 9);
  });

  it('keeps only readings inside the [from, to) window', () => {
    const means = periodMeans(readings, { from: T0 + 4 * H, to: T0 + 8 * H });
    expect(means.find((m) => m.code === 'w21003')?.value).toBe(1.4);
  });

  it('assesses the period on the means against the target class', () => {
    const { evaluation, means } = assessWaterPeriod({ readings, waterBody: 'RIVER', targetClass: 'III' });
    expect(means.map((m) => m.code).sort()).toEqual(['w01001', 'w01003', 'w21003']);
    expect(evaluation.waterClass).toBe('IV');
    expect(evaluation.meetsTarget).toBe(false);
    expect(evaluation.mainPollutants).toEqual([{ code: 'w21003', waterClass: 'IV', multiple: 0.1 }]);
  });
});
