import { describe, expect, it } from 'vitest';
import { classLimit, meetsClass } from '../../../devtools/demo-world/gb3838Limits.ts';

describe('GB 3838-2002 limits', () => {
  it('has the Table 1 limits for DO, CODMn, NH3-N and river TP', () => {
    expect(classLimit('w01009', 'II')).toBe(6);
    expect(classLimit('w01019', 'III')).toBe(6);
    expect(classLimit('w21003', 'III')).toBe(1.0);
    expect(classLimit('w21011', 'II')).toBe(0.1);
    expect(classLimit('w21011', 'WORSE_THAN_V')).toBeNull();
  });

  it('treats DO as a floor and the others as ceilings, boundaries included', () => {
    expect(meetsClass('w01009', 5, 'III')).toBe(true);
    expect(meetsClass('w01009', 4.99, 'III')).toBe(false);
    expect(meetsClass('w21003', 1.0, 'III')).toBe(true);
    expect(meetsClass('w21003', 1.01, 'III')).toBe(false);
    expect(meetsClass('w01010', 30, 'II')).toBe(true);
  });
});
