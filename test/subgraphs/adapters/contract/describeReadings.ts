import { describe, expect, it } from 'vitest';
import { HOUR_MS, T0, readingSeries } from '../../../fixtures/bureauRecords.ts';
import type { ContractContext } from '../sharedAdapterSuite.ts';

/** Readings windows (both ends inclusive, input order) and the newest reading per station. */
export function describeReadings({ data, store }: ContractContext): void {
  const source = () => store().source;
  const [s1, s2, s3, s4] = data.stations.map((s) => s.id) as [string, string, string, string];

  describe('readings', () => {
    it('includes readings exactly at both ends of a window, oldest first', async () => {
      const [readings] = await source().monitoring.readings([{ stationId: s1, from: T0 + 2 * HOUR_MS, to: T0 + 5 * HOUR_MS }]);
      expect(readings?.map((r) => (r.time - T0) / HOUR_MS)).toEqual([2, 3, 4, 5]);
    });

    it('answers many windows in input order, overlapping, repeated, empty and reversed ones included', async () => {
      const windows = [
        { stationId: s2, from: T0 + 10 * HOUR_MS, to: T0 + 11 * HOUR_MS },
        { stationId: s1, from: T0 - 5 * HOUR_MS, to: T0 },
        { stationId: s4, from: T0, to: T0 + 100 * HOUR_MS },
        { stationId: s2, from: T0 + 11 * HOUR_MS, to: T0 + 12 * HOUR_MS },
        { stationId: s2, from: T0 + 10 * HOUR_MS, to: T0 + 11 * HOUR_MS },
        { stationId: s3, from: T0 + 5 * HOUR_MS, to: T0 + 4 * HOUR_MS },
      ];
      const result = await source().monitoring.readings(windows);
      expect(result.map((rs) => rs.map((r) => `${r.stationId === s2 ? 's2' : r.stationId === s1 ? 's1' : '?'}@${(r.time - T0) / HOUR_MS}`)))
        .toEqual([['s2@10', 's2@11'], ['s1@0'], [], ['s2@11', 's2@12'], ['s2@10', 's2@11'], []]);
    });

    it('returns the values as written, nulls and flags included', async () => {
      const [readings] = await source().monitoring.readings([{ stationId: s1, from: T0, to: T0 + 47 * HOUR_MS }]);
      expect(readings).toEqual([...readingSeries(s1, T0, 48)]);
    });

    it('uses a constant number of statements for 450 windows', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      const windows = Array.from({ length: 450 }, (_, i) => ({ stationId: [s1, s2, s3][i % 3] as string, from: T0 + 1 + i * 1000, to: T0 + HOUR_MS * 40 + i }));
      let result: readonly (readonly unknown[])[] = [];
      const statements = await countStatements(async () => { result = await source().monitoring.readings(windows); });
      expect(statements).toBe(3);
      expect(result.every((rs) => rs.length === 40)).toBe(true);
    });

    it('reads one data type: the station\'s hourly series as HOURLY, nothing as REALTIME, MINUTE or DAILY', async () => {
      const window = { stationId: s1, from: T0, to: T0 + 47 * HOUR_MS };
      const [hourly, realtime, minute, daily, plain] = await source().monitoring.readings([
        { ...window, interval: 'HOURLY' }, { ...window, interval: 'REALTIME' }, { ...window, interval: 'MINUTE' }, { ...window, interval: 'DAILY' }, window,
      ]);
      expect(hourly).toEqual([...readingSeries(s1, T0, 48)]);
      expect([realtime, minute, daily]).toEqual([[], [], []]);
      expect(plain).toEqual(hourly);
    });

    it('gives the newest reading of one data type, null for a type the source does not have', async () => {
      const [hourly] = await source().monitoring.latestReadings([s1], 'HOURLY');
      expect(hourly == null ? null : (hourly.time - T0) / HOUR_MS).toBe(47);
      expect(await source().monitoring.latestReadings([s1, s3, 'unknown'], 'REALTIME')).toEqual([null, null, null]);
    });

    it('gives the newest reading per station, null for stations without readings or unknown ones', async () => {
      const latest = await source().monitoring.latestReadings([s3, s4, s1, 'unknown']);
      expect(latest.map((r) => (r === null ? null : [r.stationId, (r.time - T0) / HOUR_MS]))).toEqual([[s3, 47], null, [s1, 47], null]);
    });
  });
}
