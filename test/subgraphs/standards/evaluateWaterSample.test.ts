import { describe, expect, it } from 'vitest';
import { evaluateWaterSample } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const v = (code: string, value: number) => ({ code, value });

describe('evaluateWaterSample — single-factor section class', () => {
  it('reproduces the 西湖村 report row: target III, actual 劣V, 氨氮/1.3、总磷/0.6、化学需氧量/0.2 (a published Guangdong cross-city section report)', () => {
    const result = evaluateWaterSample({
      values: [v('w21003', 2.3), v('w21011', 0.32), v('w01018', 24), v('w01019', 5), v('w01001', 7.4)],
      waterBody: 'RIVER',
      targetClass: 'III',
    });
    expect(result.waterClass).toBe('WORSE_THAN_V');
    expect(result.meetsTarget).toBe(false);
    expect(result.mainPollutants).toEqual([
      { code: 'w21003', waterClass: 'WORSE_THAN_V', multiple: 1.3 },
      { code: 'w21011', waterClass: 'V', multiple: 0.6 },
      { code: 'w01018', waterClass: 'IV', multiple: 0.2 },
    ]);
  });

  it('takes the worst class among the evaluation indicators', () => {
    const result = evaluateWaterSample({ values: [v('w01019', 3), v('w21003', 0.8), v('w21011', 0.12)], waterBody: 'RIVER' });
    expect(result.waterClass).toBe('III');
    expect(result.descriptor).toBe('良好');
    expect(result.indicators.map((i) => i.waterClass)).toEqual(['II', 'III', 'III']);
  });

  it('leaves TN and fecal coliform out of a river class but reports their classes', () => {
    const result = evaluateWaterSample({ values: [v('w21003', 0.1), v('w21001', 5), v('w02003', 90000)], waterBody: 'RIVER' });
    expect(result.waterClass).toBe('I');
    expect(result.indicators.filter((i) => !i.evaluated).map((i) => [i.code, i.waterClass])).toEqual([
      ['w21001', 'WORSE_THAN_V'], ['w02003', 'WORSE_THAN_V'],
    ]);
  });

  // GB 3838-2002 表1: lake/reservoir TP ≤ 0.01/0.025/0.05/0.1/0.2, TN ≤ 0.2/0.5/1.0/1.5/2.0 (classes I–V);
  // 环办〔2011〕22号: TN is not an evaluation indicator of any water body, a lake's TN is reported apart.
  it.each([
    ['every item class I, TN 1.81 (class V)', [v('w21003', 0.15), v('w21011', 0.01), v('w01019', 2), v('w01009', 7.5), v('w21001', 1.81)], 'I', 'V'],
    ['NH3-N and TP class I, TN 2.5 (worse than V)', [v('w21003', 0.1), v('w21011', 0.008), v('w21001', 2.5)], 'I', 'WORSE_THAN_V'],
    ['TP at the class II lake limit 0.025, TN 0.21 (class II)', [v('w21011', 0.025), v('w21001', 0.21)], 'II', 'II'],
    ['TP 0.03 (III for a lake, II for a river), TN 0.2 (class I)', [v('w21011', 0.03), v('w21001', 0.2)], 'III', 'I'],
    ['TP 0.2 (class V), TN 0.5 (class II)', [v('w21011', 0.2), v('w21001', 0.5)], 'V', 'II'],
  ])('classes a lake on its evaluation indicators alone: %s → %s, TN reported as %s', (_what, values, waterClass, tnClass) => {
    const result = evaluateWaterSample({ values, waterBody: 'LAKE' });
    expect(result.waterClass).toBe(waterClass);
    expect(result.indicators.find((i) => i.code === 'w21001')).toMatchObject({ waterClass: tnClass, evaluated: false });
  });

  it('names no TN among a lake\'s main pollutants or target exceedances', () => {
    // TP 0.15: lake class V, multiple (0.15 − 0.05) / 0.05 = 2 against class III; NH3-N 1.2: class IV, 0.2.
    const result = evaluateWaterSample({ values: [v('w21011', 0.15), v('w21003', 1.2), v('w21001', 5)], waterBody: 'LAKE', targetClass: 'III' });
    expect(result.waterClass).toBe('V');
    expect(result.mainPollutants).toEqual([
      { code: 'w21011', waterClass: 'V', multiple: 2 },
      { code: 'w21003', waterClass: 'IV', multiple: 0.2 },
    ]);
    expect(result.targetExceedances.map((p) => p.code)).toEqual(['w21011', 'w21003']);
  });

  it('lets a reservoir meet target II whatever its TN', () => {
    const result = evaluateWaterSample({ values: [v('w21003', 0.4), v('w21011', 0.02), v('w21001', 1.9)], waterBody: 'LAKE', targetClass: 'II' });
    expect(result).toMatchObject({ waterClass: 'II', meetsTarget: true, targetExceedances: [] });
  });

  it('ignores water temperature, turbidity and conductivity', () => {
    const result = evaluateWaterSample({ values: [v('w01010', 14.2), v('w01003', 18.5), v('w01014', 412), v('w21003', 0.215)], waterBody: 'RIVER' });
    expect(result.waterClass).toBe('II');
    expect(result.ignored).toEqual(['w01010', 'w01003', 'w01014']);
  });

  it('names no main pollutant when the section is class III or better', () => {
    const result = evaluateWaterSample({ values: [v('w21003', 1.0), v('w21011', 0.2)], waterBody: 'RIVER' });
    expect(result.waterClass).toBe('III');
    expect(result.mainPollutants).toEqual([]);
  });

  it('names at most three main pollutants, worst class first and ties by multiple', () => {
    const result = evaluateWaterSample({
      values: [v('w21003', 1.4), v('w21011', 0.29), v('w01019', 9), v('w01018', 29), v('w01017', 5)],
      waterBody: 'RIVER',
    });
    expect(result.waterClass).toBe('IV');
    // Multiples against class III: COD 0.45, NH3-N 0.4, TP 0.45, CODMn 0.5, BOD5 0.25.
    expect(result.mainPollutants.map((p) => [p.code, p.multiple])).toEqual([['w01019', 0.5], ['w01018', 0.45], ['w21011', 0.45]]);
  });

  it('gives DO and pH no exceedance multiple', () => {
    const result = evaluateWaterSample({ values: [v('w01009', 1.5), v('w01001', 9.5)], waterBody: 'RIVER', targetClass: 'II' });
    expect(result.mainPollutants).toEqual([
      { code: 'w01001', waterClass: 'WORSE_THAN_V', multiple: null },
      { code: 'w01009', waterClass: 'WORSE_THAN_V', multiple: null },
    ]);
  });

  it('meets a target at the same class and states multiples against the target limit when missing one', () => {
    expect(evaluateWaterSample({ values: [v('w21003', 0.5)], waterBody: 'RIVER', targetClass: 'II' }).meetsTarget).toBe(true);
    const missed = evaluateWaterSample({ values: [v('w21003', 0.8), v('w01018', 18)], waterBody: 'RIVER', targetClass: 'II' });
    expect(missed.meetsTarget).toBe(false);
    expect(missed.targetExceedances).toEqual([
      { code: 'w21003', waterClass: 'III', multiple: 0.6 },
      { code: 'w01018', waterClass: 'III', multiple: 0.2 },
    ]);
  });

  it('has meetsTarget null when no target is given', () => {
    expect(evaluateWaterSample({ values: [v('w21003', 0.5)], waterBody: 'RIVER' }).meetsTarget).toBeNull();
  });

  it.each([
    ['UNKNOWN_INDICATOR', [v('w99999', 1)]],
    ['NEGATIVE_VALUE', [v('w21003', -0.1)]],
    ['EMPTY_SAMPLE', []],
    ['EMPTY_SAMPLE', [v('w21001', 1), v('w01010', 12)]],
    ['DUPLICATE_INDICATOR', [v('w21003', 0.1), v('W21003', 0.2)]],
    ['DUPLICATE_INDICATOR', [v('w20119', 0.01), v('w20141', 0.01)]],
    ['NOT_A_NUMBER', [v('w21003', Number.NaN)]],
    ['MISSING_CONCENTRATION', [{ code: 'w21003', value: null as unknown as number }]],
  ])('rejects bad input with %s', (code, values) => {
    expect(thrownCode(() => evaluateWaterSample({ values, waterBody: 'RIVER' }))).toBe(code);
  });

  it('rejects an unknown target class and an unknown standard version', () => {
    expect(thrownCode(() => evaluateWaterSample({ values: [v('w21003', 1)], waterBody: 'RIVER', targetClass: 'VI' as never }))).toBe('UNKNOWN_CLASS');
    expect(thrownCode(() => evaluateWaterSample({ values: [v('w21003', 1)], waterBody: 'RIVER', standard: { standard: 'GB 3838', version: '1988' } })))
      .toBe('UNKNOWN_STANDARD');
  });
});
