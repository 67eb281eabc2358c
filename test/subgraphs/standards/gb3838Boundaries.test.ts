import { describe, expect, it } from 'vitest';
import {
  LIMITED_WATER_CLASSES, WATER_QUALITY_STANDARDS, classifyWaterIndicator, waterLimit,
} from '../../../subgraphs/standards/index.ts';
import type { Limit, WaterBody, WaterClass } from '../../../subgraphs/standards/index.ts';

const BODIES: readonly WaterBody[] = ['RIVER', 'LAKE'];
const same = (a: Limit | undefined, b: Limit | undefined) => a?.min === b?.min && a?.max === b?.max;

// Table-driven over the data: adding an edition or an indicator adds cases.
for (const standard of WATER_QUALITY_STANDARDS) {
  const name = `${standard.ref.standard}-${standard.ref.version}`;
  describe(`${name} class limits`, () => {
    for (const indicator of standard.indicators.filter((i) => i.code !== 'w01001')) {
      for (const body of BODIES) {
        const limits = body === 'LAKE' && indicator.lake ? indicator.lake : indicator.river;
        limits.forEach((limit, k) => {
          const bound = (limit.max ?? limit.min) as number;
          // Adjacent classes sharing a limit: the best of them wins (as in Journey.SurfaceWater's GradeService; docs/water-quality.md).
          const best = LIMITED_WATER_CLASSES[limits.findIndex((l) => same(l, limit))] as WaterClass;
          const lastSharing = limits.map((l, i) => (same(l, limit) ? i : -1)).filter((i) => i >= 0).pop() as number;
          const next: WaterClass = LIMITED_WATER_CLASSES[lastSharing + 1] ?? 'WORSE_THAN_V';
          const beyond = limit.max !== null ? bound * 1.000001 : bound * 0.999999;
          it(`${indicator.code} (${body}) exactly at the class ${LIMITED_WATER_CLASSES[k]} limit ${bound} is class ${best}`, () => {
            expect(classifyWaterIndicator(indicator.code, bound, body, standard.ref)).toBe(best);
          });
          it(`${indicator.code} (${body}) just beyond the class ${LIMITED_WATER_CLASSES[k]} limit is class ${next}`, () => {
            expect(classifyWaterIndicator(indicator.code, beyond, body, standard.ref)).toBe(next);
          });
          it(`waterLimit returns the ${indicator.code} (${body}) class ${LIMITED_WATER_CLASSES[k]} limit from the table`, () => {
            expect(waterLimit(indicator.code, LIMITED_WATER_CLASSES[k] as WaterClass, body, standard.ref)).toEqual(limit);
          });
        });
      }
    }
  });
}

describe('GB 3838-2002 indicator classes', () => {
  it.each([
    [5.99, 'WORSE_THAN_V'], [6, 'I'], [7.5, 'I'], [9, 'I'], [9.01, 'WORSE_THAN_V'],
  ] as const)('pH %s is class %s (one 6–9 range for I–V)', (value, expected) => {
    expect(classifyWaterIndicator('w01001', value, 'RIVER')).toBe(expected);
  });

  it.each([
    [7.5, 'I'], [7.49, 'II'], [6, 'II'], [5, 'III'], [3, 'IV'], [2, 'V'], [1.99, 'WORSE_THAN_V'],
  ] as const)('DO is a floor: %s mg/L is class %s', (value, expected) => {
    expect(classifyWaterIndicator('w01009', value, 'RIVER')).toBe(expected);
  });

  it.each([
    ['w01018', 15, 'I'], ['w01017', 3, 'I'], ['w20122', 1, 'II'], ['w20123', 1, 'II'], ['w20123', 2, 'IV'],
    ['w21017', 1, 'I'], ['w21017', 1.5, 'IV'], ['w20111', 0.0001, 'III'], ['w20115', 0.005, 'II'], ['w20115', 0.01, 'V'],
    ['w20117', 0.05, 'II'], ['w20117', 0.1, 'V'], ['w20120', 0.05, 'III'], ['w21016', 0.2, 'III'], ['w22001', 0.5, 'IV'],
    ['w19002', 0.3, 'IV'],
  ] as const)('shared limits give the best class: %s at %s is class %s (GB 3838-2002 表1)', (code, value, expected) => {
    expect(classifyWaterIndicator(code, value, 'RIVER')).toBe(expected);
  });

  it.each([
    [0.02, 'I', 'II'], [0.05, 'II', 'III'], [0.1, 'II', 'IV'], [0.2, 'III', 'V'], [0.25, 'IV', 'WORSE_THAN_V'],
  ] as const)('TP %s mg/L is class %s in a river but %s in a lake', (value, river, lake) => {
    expect(classifyWaterIndicator('w21011', value, 'RIVER')).toBe(river);
    expect(classifyWaterIndicator('w21011', value, 'LAKE')).toBe(lake);
  });

  it('waterLimit gives pH the 6–9 range for every class and none for 劣V', () => {
    expect(waterLimit('w01001', 'IV', 'RIVER')).toEqual({ min: 6, max: 9, unit: '' });
    expect(waterLimit('w21003', 'WORSE_THAN_V', 'RIVER')).toBeNull();
  });

  it('accepts the HJ 212 Appendix B arsenic code w20119 as the w20141 of the GB 3838 table', () => {
    expect(classifyWaterIndicator('w20119', 0.08, 'RIVER')).toBe('IV');
    expect(classifyWaterIndicator('W20141', 0.08, 'RIVER')).toBe('IV');
  });
});
