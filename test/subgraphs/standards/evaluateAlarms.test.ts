import { describe, expect, it } from 'vitest';
import { evaluateAlarms } from '../../../subgraphs/standards/index.ts';
import type { DataFlag, Reading, StationLimits } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 15, 1); // 09:00 CST
const WATER: StationLimits = { kind: 'WATER_QUALITY', targetClass: 'III', waterBody: 'RIVER' };

/** A 4-hourly water series with small, non-repeating variation: no alarm should fire on it. */
function waterSeries(n: number, edit: (i: number) => Partial<Record<string, [number | null, DataFlag]>> = () => ({})): Reading[] {
  return Array.from({ length: n }, (_, i) => {
    const base: Record<string, [number | null, DataFlag]> = {
      w21003: [0.4 + 0.01 * ((i * 7) % 5), 'N'],
      w21011: [0.1 + 0.002 * ((i * 3) % 4), 'N'],
      w01009: [7 + 0.1 * ((i * 5) % 3), 'N'],
      ...edit(i),
    };
    return { time: T0 + i * 4 * H, values: Object.entries(base).map(([code, [value, flag]]) => ({ code, value, flag })) };
  });
}

const run = (readings: Reading[], limits: StationLimits = WATER, intervalMs = 4 * H) =>
  evaluateAlarms({ stationId: 'S1', limits, readings, intervalMs });

describe('evaluateAlarms', () => {
  it('fires nothing on a clean series', () => {
    expect(run(waterSeries(30))).toEqual([]);
  });

  it('raises one ABNORMAL_FLAG per run of a non-N flag, CRITICAL for D and INFO for M', () => {
    const alarms = run(waterSeries(12, (i) => (i === 3 || i === 4 ? { w21011: [0.41, 'D'] } : i === 8 ? { w21003: [0.4, 'M'] } : {})));
    expect(alarms.map((a) => [a.kind, a.code, a.severity, a.from, a.to])).toEqual([
      ['ABNORMAL_FLAG', 'w21011', 'CRITICAL', T0 + 12 * H, T0 + 16 * H],
      ['ABNORMAL_FLAG', 'w21003', 'INFO', T0 + 32 * H, T0 + 32 * H],
    ]);
    expect(alarms[0]?.reason).toBe(
      '总磷(w21011) 2024-03-15 21:00 — 2024-03-16 01:00 共 2 个数据标记为 D（故障）。' +
        'TP (w21011) was flagged D (instrument fault) in 2 readings, 2024-03-15 21:00 — 2024-03-16 01:00.',
    );
    expect(alarms[0]?.id).toBe(`S1:ABNORMAL_FLAG:w21011:${T0 + 12 * H}`);
  });

  it('raises OVER_LIMIT against the target class, CRITICAL from twice the limit', () => {
    const all = run(waterSeries(12, (i) => (i === 5 ? { w21003: [1.2, 'N'] } : i === 9 ? { w21003: [2.5, 'N'] } : {})));
    // The jump to 2.5 is also a spike against the previous six values.
    expect(all.filter((a) => a.kind === 'SPIKE').map((a) => a.values[0]?.value)).toEqual([2.5]);
    const alarms = all.filter((a) => a.kind === 'OVER_LIMIT');
    expect(alarms.map((a) => [a.kind, a.code, a.severity, a.values.map((v) => v.value)])).toEqual([
      ['OVER_LIMIT', 'w21003', 'WARNING', [1.2]],
      ['OVER_LIMIT', 'w21003', 'CRITICAL', [2.5]],
    ]);
    expect(alarms[1]?.reason).toContain('超标 1.5 倍');
    expect(alarms[1]?.reason).toContain('GB 3838-2002 class III limit ≤ 1 mg/L');
    expect(alarms[1]?.limit).toEqual({ min: null, max: 1, unit: 'mg/L', source: 'GB 3838-2002 class III' });
  });

  it('holds DO to its floor, with no multiple', () => {
    const alarms = run(waterSeries(10, (i) => (i === 6 ? { w01009: [4.2, 'N'] } : {})));
    expect(alarms.map((a) => [a.kind, a.code, a.severity])).toEqual([['OVER_LIMIT', 'w01009', 'WARNING']]);
    expect(alarms[0]?.reason).not.toContain('倍');
  });

  it('treats a discharge exceedance as CRITICAL against the source table', () => {
    const readings: Reading[] = [0, 1, 2].map((i) => ({
      time: T0 + i * H, values: [{ code: 'w01018', value: i === 1 ? 150 : 56 + i, flag: 'N' }],
    }));
    const alarms = run(readings, { kind: 'POLLUTION_SOURCE' }, H);
    expect(alarms.map((a) => [a.kind, a.severity, a.limit?.max])).toEqual([['OVER_LIMIT', 'CRITICAL', 100]]);
    expect(alarms[0]?.reason).toContain('GB 8978-1996');
  });

  it('holds hourly air gases to the 1 h limit and PM to its 24 h moving mean once 20 hours exist', () => {
    const readings: Reading[] = Array.from({ length: 30 }, (_, i) => ({
      time: T0 + i * H,
      values: [
        { code: 'a21026', value: i === 2 ? 600 : 10 + (i % 4), flag: 'N' },
        { code: 'a34004', value: 80 + (i % 3), flag: 'N' },
      ],
    }));
    const alarms = run(readings, { kind: 'AIR_QUALITY' }, H).filter((a) => a.kind === 'OVER_LIMIT');
    expect(alarms.map((a) => [a.code, a.from, a.to])).toEqual([
      ['a21026', T0 + 2 * H, T0 + 2 * H],
      ['a34004', T0 + 19 * H, T0 + 29 * H],
    ]);
    expect(alarms[1]?.reason).toContain('24 h moving means outside');
  });

  describe('air limits by the edition in force at each reading (GB 3095-2026 from 2026-03-01)', () => {
    const AIR: StationLimits = { kind: 'AIR_QUALITY' };
    /** Hourly PM2.5 at `value` µg/m³ for `hours` hours from `start` (ISO with offset). */
    const pm = (start: string, hours: number, value: number): Reading[] => Array.from({ length: hours }, (_, i) => ({
      time: Date.parse(start) + i * H, values: [{ code: 'a34004', value, flag: 'N' }],
    }));
    const overLimit = (readings: Reading[], limits = AIR, intervalMs = H) =>
      run(readings, limits, intervalMs).filter((a) => a.kind === 'OVER_LIMIT');

    it('raises a PM2.5 24 h mean of 70 µg/m³ in December 2026 over the 2026 limit of 60, which 2012 (75) let pass', () => {
      const alarms = overLimit(pm('2026-12-01T00:00:00+08:00', 24, 70));
      expect(alarms.map((a) => [a.code, a.severity, a.limit])).toEqual([
        ['a34004', 'WARNING', { min: null, max: 60, unit: 'µg/m³', source: 'GB 3095-2026 phase 1 grade II 24 h mean (moving)' }],
      ]);
      expect(alarms[0]?.reason).toContain('GB 3095-2026 第一阶段二级24小时平均（滑动）');
      expect(overLimit(pm('2026-02-01T00:00:00+08:00', 24, 70))).toEqual([]);
    });

    it('holds a daily 24 h mean to the edition of its day', () => {
      const days = (start: string, n: number): Reading[] => Array.from({ length: n }, (_, i) => ({
        time: Date.parse(start) + i * 24 * H, values: [{ code: 'a34004', value: 70, flag: 'N' }],
      }));
      const alarms = overLimit(days('2026-02-27T00:00:00+08:00', 4), AIR, 24 * H);
      expect(alarms.map((a) => [new Date(a.from).toISOString(), a.values.length, a.limit?.max])).toEqual([
        ['2026-02-28T16:00:00.000Z', 2, 60],
      ]);
    });

    it('splits a run of exceedances at the change of edition: no alarm mixes the 2012 and 2026 limits', () => {
      const alarms = overLimit(pm('2026-02-27T00:00:00+08:00', 72, 80));
      expect(alarms.map((a) => [new Date(a.from).toISOString(), new Date(a.to).toISOString(), a.limit?.max, a.limit?.source])).toEqual([
        ['2026-02-27T11:00:00.000Z', '2026-02-28T15:00:00.000Z', 75, 'GB 3095-2012 grade II 24 h mean (moving)'],
        ['2026-02-28T16:00:00.000Z', '2026-03-01T15:00:00.000Z', 60, 'GB 3095-2026 phase 1 grade II 24 h mean (moving)'],
      ]);
    });

    it('keeps GB 3095-2012 for the pollutants whose 2026 values are not known here, and says so', () => {
      const readings: Reading[] = [{ time: Date.parse('2026-12-01T08:00:00+08:00'), values: [{ code: 'a21026', value: 600, flag: 'N' }] }];
      expect(overLimit(readings).map((a) => a.limit)).toEqual([{ min: null, max: 500, unit: 'µg/m³', source: 'GB 3095-2012 grade II 1 h mean' }]);
    });

    it('holds every reading to an edition the station is given, whatever its date', () => {
      const fixed: StationLimits = { kind: 'AIR_QUALITY', edition: { version: '2012' } };
      expect(overLimit(pm('2026-12-01T00:00:00+08:00', 24, 70), fixed)).toEqual([]);
    });
  });

  it('raises MISSING_DATA over the expected slots of a gap longer than 1.5 intervals', () => {
    const readings = waterSeries(10).filter((_, i) => i < 3 || i > 5);
    const alarms = run(readings);
    expect(alarms.map((a) => [a.kind, a.code, a.from, a.to, a.severity])).toEqual([
      ['MISSING_DATA', null, T0 + 12 * H, T0 + 20 * H, 'WARNING'],
    ]);
    expect(alarms[0]?.reason).toContain('About 3 expected readings are missing');
  });

  it('raises MISSING_DATA at the window edges and for N-flagged empty values', () => {
    const readings = waterSeries(6, (i) => (i === 2 ? { w21011: [null, 'N'] } : {}));
    const alarms = evaluateAlarms({
      stationId: 'S1', limits: WATER, readings, intervalMs: 4 * H, window: { from: T0 - 8 * H, to: T0 + 6 * 4 * H },
    });
    expect(alarms.map((a) => [a.kind, a.code, a.from, a.to])).toEqual([
      ['MISSING_DATA', null, T0 - 8 * H, T0 - 4 * H],
      ['MISSING_DATA', 'w21011', T0 + 8 * H, T0 + 8 * H],
    ]);
  });

  it('raises FLATLINE at six identical values and not at five', () => {
    const flat = (n: number) => run(waterSeries(14, (i) => (i >= 4 && i < 4 + n ? { w21011: [0.13, 'N'] } : {})));
    expect(flat(5).filter((a) => a.kind === 'FLATLINE')).toEqual([]);
    const alarms = flat(6).filter((a) => a.kind === 'FLATLINE');
    expect(alarms.map((a) => [a.code, a.from, a.to, a.values.length])).toEqual([['w21011', T0 + 16 * H, T0 + 36 * H, 6]]);
  });

  it('raises SPIKE on a jump far from the median of the previous six values', () => {
    const alarms = run(waterSeries(12, (i) => (i === 8 ? { w21003: [0.9, 'N'] } : {})));
    expect(alarms.map((a) => [a.kind, a.code, a.from])).toEqual([['SPIKE', 'w21003', T0 + 32 * H]]);
    expect(alarms[0]?.reason).toContain('0.9');
  });

  it('gives the same ids for the same series', () => {
    const series = waterSeries(12, (i) => (i === 8 ? { w21003: [2.5, 'D'] } : {}));
    expect(run(series).map((a) => a.id)).toEqual(run(series).map((a) => a.id));
  });

  it('rejects an unsorted series and a non-positive interval', () => {
    const series = waterSeries(3);
    expect(thrownCode(() => run([series[1], series[0]] as Reading[]))).toBe('UNSORTED_SERIES');
    expect(thrownCode(() => run(series, WATER, 0))).toBe('INVALID_INTERVAL');
  });
});
