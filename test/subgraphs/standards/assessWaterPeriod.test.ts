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

  describe('daily values (HJ 212 CN 2031)', () => {
    const D = 24 * H;
    const at = (time: number, interval: Reading['interval'], nh3n: number | null, flag: Reading['values'][number]['flag'] = 'N'): Reading =>
      ({ time, interval, values: [{ code: 'w21003', value: nh3n, flag }] });
    const nh3n = (readings: Reading[], window = {}) => periodMeans(readings, window).find((m) => m.code === 'w21003');

    it('classes a period held only as daily values on the mean of its valid daily values', () => {
      const days = [at(T0, 'DAILY', 0.4), at(T0 + D, 'DAILY', 1.2), at(T0 + 2 * D, 'DAILY', 9, 'D'), at(T0 + 3 * D, 'DAILY', 0.8)];
      expect(nh3n(days)).toEqual({ code: 'w21003', value: 0.8, count: 3 });
      const { evaluation } = assessWaterPeriod({ readings: days, from: T0, to: T0 + 4 * D, waterBody: 'RIVER', targetClass: 'III' });
      expect(evaluation.waterClass).toBe('III');
    });

    it('weighs a daily value as the 24 hours it stands for where daily and four-hourly values share a period', () => {
      // Day 0 held as one daily mean of 1.0; day 1 as six four-hourly values of 0.4.
      const mixed = [at(T0, 'DAILY', 1.0), ...Array.from({ length: 6 }, (_, i) => at(T0 + D + i * 4 * H, 'FOUR_HOURLY', 0.4))];
      expect(nh3n(mixed)).toEqual({ code: 'w21003', value: 0.7, count: 7 });
    });

    it('leaves out a daily value of a day that also has finer values in the period, so no day counts twice', () => {
      const both = [at(T0, 'DAILY', 5), at(T0 + 2 * H, 'HOURLY', 1), at(T0 + 3 * H, 'HOURLY', 2), at(T0 + D, 'DAILY', 3)];
      expect(nh3n(both)?.count).toBe(3);
      expect(nh3n(both)?.value).toBeCloseTo((1 + 2 + 3 * 24) / 26, 6);
      // Outside the window the finer values do not count, and so do not displace the day's value.
      expect(nh3n(both, { from: T0, to: T0 + H })).toEqual({ code: 'w21003', value: 5, count: 1 });
    });

    it('keeps the plain mean of a series of one data type, typed or not', () => {
      const hourly = [at(T0, 'HOURLY', 0.1), at(T0 + H, 'HOURLY', 0.2), at(T0 + 2 * H, 'HOURLY', 0.6)];
      expect(nh3n(hourly)?.value).toBe(nh3n(hourly.map(({ interval: _, ...r }) => r))?.value);
      expect(nh3n(hourly)?.value).toBeCloseTo(0.3, 12);
    });

    it('averages daily pH through hydrogen-ion activity, weighted like any other indicator', () => {
      const ph = (time: number, interval: Reading['interval'], value: number): Reading => ({ time, interval, values: [{ code: 'w01001', value, flag: 'N' }] });
      const mean = periodMeans([ph(T0, 'DAILY', 7), ph(T0 + D, 'HOURLY', 8)]).find((m) => m.code === 'w01001');
      expect(mean?.value).toBeCloseTo(-Math.log10((24 * 1e-7 + 1e-8) / 25), 9);
    });
  });
});
