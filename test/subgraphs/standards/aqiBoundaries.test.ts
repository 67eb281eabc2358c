import { describe, expect, it } from 'vitest';
import { AQI_LEVELS, AQI_STANDARDS, aqiLevel, computeIaqi } from '../../../subgraphs/standards/index.ts';

// Table-driven over every edition's Table 1: adding an edition adds its cases.
for (const standard of AQI_STANDARDS) {
  const version = standard.ref.version;
  describe(`HJ 633-${version} breakpoints`, () => {
    for (const column of standard.columns) {
      const bp = column.concentrations;
      bp.forEach((c, i) => {
        if (c === null || i === 0) return;
        const step = standard.iaqiSteps[i] as number;
        it(`${column.code} ${column.period} exactly at ${c} ${column.unit} has IAQI ${step}`, () => {
          expect(computeIaqi({ code: column.code, period: column.period, value: c, version })).toBe(step);
        });
        const nextBp = bp[i + 1];
        const nextStep = standard.iaqiSteps[i + 1];
        if (nextBp !== null && nextBp !== undefined && nextStep !== undefined) {
          // A rise worth 0.1 IAQI is rounded up to the next integer (HJ 633-2012 §6.2 进位取整).
          const above = c + (0.1 * (nextBp - c)) / (nextStep - step);
          it(`${column.code} ${column.period} just above ${c} has IAQI ${step + 1}`, () => {
            expect(computeIaqi({ code: column.code, period: column.period, value: above, version })).toBe(step + 1);
          });
        } else if (i === bp.length - 1) {
          it(`${column.code} ${column.period} above the top breakpoint ${c} is held at IAQI 500`, () => {
            expect(computeIaqi({ code: column.code, period: column.period, value: c * 1.5, version })).toBe(500);
          });
        } else {
          it(`${column.code} ${column.period} above ${c} has no IAQI of its own (Table 1 notes 2–3)`, () => {
            expect(computeIaqi({ code: column.code, period: column.period, value: c + 1, version })).toBeNull();
          });
        }
      });
    }
  });
}

describe('HJ 633-2012 §6 formula and rounding up: worked examples', () => {
  it.each([
    ['a34004', 'H24', 35, 50], ['a34004', 'H24', 75, 100], ['a34004', 'H24', 76, 102], ['a34002', 'H24', 150, 100],
    ['a21026', 'H24', 475, 150], ['a05024', 'H8', 161, 101], ['a21005', 'H24', 4.1, 101], ['a21004', 'H24', 81, 101],
  ] as const)('%s %s %s gives IAQI %s', (code, period, value, expected) => {
    expect(computeIaqi({ code, period, value })).toBe(expected);
  });

  it('rounds up without floating-point noise: CO 24 h 2.6 mg/m³ is exactly 65', () => {
    expect(computeIaqi({ code: 'a21005', period: 'H24', value: 2.6 })).toBe(65);
  });

  // HJ 633-2012 §6.2 进位取整 on the exact value of the decimals sent: an exact integer stays, anything above rounds up.
  it.each([
    // SO2 24 h 1600–2100–2620 µg/m³ → 300–400–500: 400 + 100/520 · 20.8 = 404 exactly (float: 404.00000000000006).
    ['a21026', 'H24', 2120.8, 404], ['a21026', 'H24', 2302.8, 439], ['a21026', 'H24', 2120.9, 405],
    // PM2.5 24 h 35–75 → 50–100: 4 decimals above a breakpoint round up.
    ['a34004', 'H24', 35.0008, 51], ['a34004', 'H24', 74.9992, 100], ['a34004', 'H24', 35.0000, 50],
    // CO 1 h 10–35 mg/m³ → 100–150, 3 decimals: 100 + 50/25 · 0.001 = 100.002.
    ['a21005', 'H1', 10.001, 101],
    // 1e-11 above a breakpoint is IAQI 50.0000000000125: still above 50 (12-digit rounding made it 50).
    ['a34004', 'H24', 35.00000000001, 51],
  ] as const)('%s %s %s gives IAQI %s exactly', (code, period, value, expected) => {
    expect(computeIaqi({ code, period, value })).toBe(expected);
  });
});

describe('HJ 633 2012 vs 2026', () => {
  it.each([
    ['a34004', 60, 82, 100], ['a34004', 75, 100, 114], ['a34002', 120, 85, 100], ['a34002', 150, 100, 112],
  ] as const)('%s 24 h %s µg/m³ is IAQI %s under 2012 and %s under 2026', (code, value, old, revised) => {
    expect(computeIaqi({ code, period: 'H24', value, version: '2012' })).toBe(old);
    expect(computeIaqi({ code, period: 'H24', value, version: '2026' })).toBe(revised);
  });

  it('keeps every gas column the same and marks the 2026 PM columns unverified', () => {
    const [v2012, v2026] = AQI_STANDARDS;
    const gases = (s: typeof v2012) => s?.columns.filter((c) => !c.code.startsWith('a34'));
    expect(gases(v2026)?.map((c) => [c.code, c.period, c.concentrations])).toEqual(gases(v2012)?.map((c) => [c.code, c.period, c.concentrations]));
    expect(v2026?.columns.filter((c) => c.code.startsWith('a34')).every((c) => !c.verified)).toBe(true);
  });
});

describe('AQI levels (Table 2)', () => {
  for (const level of AQI_LEVELS) {
    const edges = level.maxAqi === null ? [level.minAqi, 500] : [level.minAqi, level.maxAqi];
    it.each(edges)(`AQI %s is level ${level.level} ${level.category} ${level.color.hex}`, (aqi) => {
      expect(aqiLevel(aqi)).toBe(level);
    });
  }

  it('uses the official categories and colours', () => {
    expect(AQI_LEVELS.map((l) => [l.category, l.color.name, l.color.hex])).toEqual([
      ['优', '绿色', '#00E400'], ['良', '黄色', '#FFFF00'], ['轻度污染', '橙色', '#FF7E00'],
      ['中度污染', '红色', '#FF0000'], ['重度污染', '紫色', '#99004C'], ['严重污染', '褐红色', '#7E0023'],
    ]);
  });
});
