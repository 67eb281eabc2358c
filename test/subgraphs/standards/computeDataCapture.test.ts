import { describe, expect, it } from 'vitest';
import { computeDataCapture, type Reading } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-03-15T00:00:00+08:00');
type Flag = Reading['values'][number]['flag'];
const at = (hour: number, values: Array<[string, number | null, Flag]>): Reading =>
  ({ time: T0 + hour * HOUR, values: values.map(([code, value, flag]) => ({ code, value, flag })) });

/**
 * A day of hourly data from a waste-water outlet configured for COD, NH3-N and TP: hours 5–6 and
 * 20–21 missing, NH3-N in fault (D) at 8–9, COD flagged N without a value at 12, a resend at 10:30,
 * TP never sent.
 */
function day(): Reading[] {
  const readings: Reading[] = [];
  for (let h = 0; h < 24; h++) {
    if ([5, 6, 20, 21].includes(h)) continue;
    readings.push(at(h, [['w01018', h === 12 ? null : 20 + h, 'N'], ['w21003', 1.2, h === 8 || h === 9 ? 'D' : 'N']]));
  }
  readings.push(at(10.5, [['w01018', 99, 'N'], ['w21003', 9.9, 'N']]));
  return readings;
}

describe('computeDataCapture — 传输率, 有效率, 有效传输率', () => {
  it('rates a day with gaps, non-N flags, a value-less N and a resend as supervision does', () => {
    const capture = computeDataCapture({ readings: day(), from: T0, to: T0 + 24 * HOUR, intervalMs: HOUR, factors: ['w01018', 'w21003', 'w21011'] });
    // 20 of 24 hours arrived; 40 values, of which 2 D and 1 without a value: 37 valid.
    expect(capture).toMatchObject({ expected: 24, received: 20, missing: 4, duplicates: 1, valuesReceived: 40, valid: 37, gapCount: 2 });
    expect(capture.transmissionRate).toBeCloseTo(20 / 24, 12);
    expect(capture.validityRate).toBeCloseTo(37 / 40, 12);
    expect(capture.effectiveTransmissionRate).toBeCloseTo((20 / 24) * (37 / 40), 12);
    expect(capture.flags).toEqual([{ flag: 'N', count: 38 }, { flag: 'D', count: 2 }]);
    expect(capture.gaps).toEqual([
      { from: T0 + 5 * HOUR, to: T0 + 7 * HOUR, missing: 2 },
      { from: T0 + 20 * HOUR, to: T0 + 22 * HOUR, missing: 2 },
    ]);
    const byCode = Object.fromEntries(capture.factors.map((f) => [f.code, f]));
    expect(byCode['w01018']).toMatchObject({ received: 20, valid: 19, validityRate: 19 / 20, flags: [{ flag: 'N', count: 20 }] });
    expect(byCode['w01018']?.effectiveTransmissionRate).toBeCloseTo((20 / 24) * (19 / 20), 12);
    expect(byCode['w21003']).toMatchObject({ received: 20, valid: 18, validityRate: 0.9, flags: [{ flag: 'N', count: 18 }, { flag: 'D', count: 2 }] });
    expect(byCode['w21003']?.effectiveTransmissionRate).toBeCloseTo(0.75, 12);
    // Configured but never sent: nothing transmitted, no validity to speak of, nothing effective.
    expect(byCode['w21011']).toEqual({ code: 'w21011', received: 0, valid: 0, transmissionRate: 0, validityRate: null, effectiveTransmissionRate: 0, flags: [] });
  });

  it.each([
    ['every hour, all N', Array.from({ length: 24 }, (_, h) => at(h, [['w01018', 20, 'N']])), 24, 1, 1],
    ['nothing at all', [], 0, 0, null],
    ['every hour, all in maintenance (M)', Array.from({ length: 24 }, (_, h) => at(h, [['w01018', 20, 'M']])), 24, 1, 0],
    ['readings outside the window only', [at(-1, [['w01018', 1, 'N']]), at(24, [['w01018', 1, 'N']])], 0, 0, null],
  ] as const)('rates %s: received %s, transmission %s, validity %s', (_what, readings, received, transmission, validity) => {
    const capture = computeDataCapture({ readings: [...readings], from: T0, to: T0 + 24 * HOUR, intervalMs: HOUR, factors: ['w01018'] });
    expect([capture.received, capture.transmissionRate, capture.validityRate]).toEqual([received, transmission, validity]);
    expect(capture.effectiveTransmissionRate).toBe(validity === null ? 0 : transmission * validity);
  });

  it('has no rates when no interval is expected', () => {
    const capture = computeDataCapture({ readings: [], from: T0, to: T0, intervalMs: HOUR, factors: ['w01018'] });
    expect([capture.expected, capture.transmissionRate, capture.validityRate, capture.effectiveTransmissionRate]).toEqual([0, null, null, null]);
  });

  it('keeps at most maxGaps gaps and counts them all', () => {
    const everyOther = Array.from({ length: 12 }, (_, i) => at(2 * i, [['w01018', 1, 'N']]));
    const capture = computeDataCapture({ readings: everyOther, from: T0, to: T0 + 24 * HOUR, intervalMs: HOUR, factors: [], maxGaps: 3 });
    expect(capture.gapCount).toBe(12);
    expect(capture.gaps).toEqual([1, 3, 5].map((h) => ({ from: T0 + h * HOUR, to: T0 + (h + 1) * HOUR, missing: 1 })));
  });

  it('refuses a reversed window or a non-positive interval', () => {
    expect(thrownCode(() => computeDataCapture({ readings: [], from: T0 + HOUR, to: T0, intervalMs: HOUR, factors: [] }))).toBe('INVALID_INTERVAL');
    expect(thrownCode(() => computeDataCapture({ readings: [], from: T0, to: T0 + HOUR, intervalMs: 0, factors: [] }))).toBe('INVALID_INTERVAL');
  });
});
