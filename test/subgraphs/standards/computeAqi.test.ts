import { describe, expect, it } from 'vitest';
import { computeAqi } from '../../../subgraphs/standards/index.ts';
import type { AqiConcentration } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const c = (code: string, period: AqiConcentration['period'], value: number): AqiConcentration => ({ code, period, value });

describe('computeAqi', () => {
  it('takes the max of the rounded-up IAQIs as the AQI, with level, category and colour', () => {
    const result = computeAqi({ report: 'DAILY', concentrations: [c('a34004', 'H24', 75.1), c('a34002', 'H24', 80), c('a05024', 'H8', 90)] });
    expect(result.iaqi).toEqual([
      { code: 'a34004', period: 'H24', value: 101 }, { code: 'a34002', period: 'H24', value: 65 }, { code: 'a05024', period: 'H8', value: 45 },
    ]);
    expect(result.aqi).toBe(101);
    expect([result.level, result.levelName, result.category, result.color.hex]).toEqual([3, '三级', '轻度污染', '#FF7E00']);
    expect(result.primaryPollutants).toEqual([{ code: 'a34004', period: 'H24' }]);
    expect(result.nonAttainment).toEqual([{ code: 'a34004', period: 'H24' }]);
  });

  it('lists every pollutant tied at the max as primary', () => {
    const result = computeAqi({ report: 'DAILY', concentrations: [c('a34004', 'H24', 75), c('a34002', 'H24', 150), c('a21004', 'H24', 30)] });
    expect(result.aqi).toBe(100);
    expect(result.primaryPollutants).toEqual([{ code: 'a34004', period: 'H24' }, { code: 'a34002', period: 'H24' }]);
    expect(result.nonAttainment).toEqual([]);
  });

  it('names no primary pollutant when the AQI is 50 or less, and one from 51', () => {
    expect(computeAqi({ report: 'DAILY', concentrations: [c('a34004', 'H24', 35)] }).primaryPollutants).toEqual([]);
    expect(computeAqi({ report: 'DAILY', concentrations: [c('a34004', 'H24', 35.5)] }).primaryPollutants).toEqual([{ code: 'a34004', period: 'H24' }]);
  });

  it('reports the 24 h SO2 IAQI in real time when the 1 h SO2 is above 800 µg/m³', () => {
    const result = computeAqi({ report: 'REALTIME', concentrations: [c('a21026', 'H1', 900), c('a21026', 'H24', 475), c('a34004', 'H24', 40)] });
    expect(result.iaqi).toEqual([{ code: 'a21026', period: 'H24', value: 150 }, { code: 'a34004', period: 'H24', value: 57 }]);
    expect(result.substitutions).toEqual([{ code: 'a21026', period: 'H1', replacedBy: 'H24', clause: 'HJ 633-2012 Table 1 note (2)' }]);
    expect(result.aqi).toBe(150);
  });

  it('still computes the 1 h SO2 IAQI at exactly 800 µg/m³ and ignores the 24 h value', () => {
    const result = computeAqi({ report: 'REALTIME', concentrations: [c('a21026', 'H1', 800), c('a21026', 'H24', 100)] });
    expect(result.iaqi).toEqual([{ code: 'a21026', period: 'H1', value: 200 }]);
  });

  it('needs the 24 h SO2 when the 1 h SO2 is above 800', () => {
    expect(thrownCode(() => computeAqi({ report: 'REALTIME', concentrations: [c('a21026', 'H1', 801)] }))).toBe('MISSING_CONCENTRATION');
  });

  it('reports the 1 h O3 IAQI when the 8 h O3 is above 800 µg/m³', () => {
    const result = computeAqi({ report: 'DAILY', concentrations: [c('a05024', 'H8', 850), c('a05024', 'H1', 900)] });
    expect(result.iaqi).toEqual([{ code: 'a05024', period: 'H1', value: 350 }]);
    expect(result.substitutions[0]?.replacedBy).toBe('H1');
    expect([result.aqi, result.category, result.color.name]).toEqual([350, '严重污染', '褐红色']);
    expect(thrownCode(() => computeAqi({ report: 'DAILY', concentrations: [c('a05024', 'H8', 801)] }))).toBe('MISSING_CONCENTRATION');
  });

  it('uses a PM 1 h value in real time only when no 24 h moving mean is given', () => {
    const alone = computeAqi({ report: 'REALTIME', concentrations: [c('a34004', 'H1', 76)] });
    expect(alone.iaqi).toEqual([{ code: 'a34004', period: 'H1', value: 102 }]);
    const both = computeAqi({ report: 'REALTIME', concentrations: [c('a34004', 'H1', 200), c('a34004', 'H24', 76)] });
    expect(both.iaqi).toEqual([{ code: 'a34004', period: 'H24', value: 102 }]);
  });

  it('reads the real-time gases against their 1 h columns', () => {
    const result = computeAqi({ report: 'REALTIME', concentrations: [c('a21004', 'H1', 200), c('a21005', 'H1', 10), c('a05024', 'H1', 200), c('a05024', 'H8', 160)] });
    expect(result.iaqi.map((e) => e.value)).toEqual([100, 100, 100, 100]);
    expect(result.primaryPollutants).toHaveLength(4);
  });

  it('computes the 2026 PM breakpoints when asked and says which version it used', () => {
    const concentrations = [c('a34004', 'H24', 60)];
    expect(computeAqi({ report: 'DAILY', concentrations }).aqi).toBe(82);
    const revised = computeAqi({ report: 'DAILY', concentrations, version: '2026' });
    expect([revised.aqi, revised.version, revised.standard.version]).toEqual([100, '2026', '2026']);
  });

  it.each([
    ['PERIOD_NOT_ALLOWED', 'DAILY', [c('a21026', 'H1', 10)]],
    ['PERIOD_NOT_ALLOWED', 'REALTIME', [c('a21004', 'H24', 10)]],
    ['PERIOD_NOT_ALLOWED', 'DAILY', [c('a34004', 'H1', 10)]],
    ['PERIOD_NOT_ALLOWED', 'DAILY', [c('a34004', 'H8', 10)]],
    ['UNKNOWN_INDICATOR', 'DAILY', [c('a99999', 'H24', 10)]],
    ['NEGATIVE_VALUE', 'DAILY', [c('a34004', 'H24', -1)]],
    ['EMPTY_SAMPLE', 'DAILY', []],
    ['DUPLICATE_INDICATOR', 'DAILY', [c('a34004', 'H24', 1), c('A34004', 'H24', 2)]],
  ] as const)('rejects bad input with %s (%s report)', (code, report, concentrations) => {
    expect(thrownCode(() => computeAqi({ report, concentrations }))).toBe(code);
  });

  it('rejects an unknown HJ 633 version', () => {
    expect(thrownCode(() => computeAqi({ report: 'DAILY', concentrations: [c('a34004', 'H24', 1)], version: '2020' as never }))).toBe('UNKNOWN_STANDARD');
  });
});
