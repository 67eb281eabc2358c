/**
 * Bureau records with readings chosen so that the standards' results are known by hand:
 * - WATER: October 2026, 4-hourly; NH3-N averages 1.2 mg/L (class IV, 0.2 over the class-III limit),
 *   DO, CODMn and TP class II, pH (6–9) class I; one NH3-N value flagged D (no value) on 2026-10-02 16:00.
 * - AIR: 48 hours from 2026-10-09 00:00, hourly; each pollutant cycles base −2, 0, +2, 0, so every
 *   24 h and 8 h mean is exactly the base: PM2.5 80 (IAQI 107 by HJ 633-2012, 119 by 2026), PM10 100.
 * - LIVE: the last 30 hours up to the current hour, for `alarms(since:)`, which is relative to now:
 *   a water station with an F flag 5 hours ago and a 3-hour gap 12 hours ago, and an air station
 *   whose PM2.5 (200 µg/m³) is over twice the GB 3095 grade-II 24 h limit.
 */
import type { ReadingRecord, ReadingValueRecord, StationRecord } from '../../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { InMemoryBureauData } from '../../fixtures/inMemoryBureauSource.ts';
import { station } from '../../fixtures/bureauRecords.ts';

export const HOUR = 3_600_000;
export const OCT_1 = Date.parse('2026-10-01T00:00:00+08:00');
export const OCT_9 = Date.parse('2026-10-09T00:00:00+08:00');
export const NOW_HOUR = Math.floor(Date.now() / HOUR) * HOUR;

const cycle = (base: number, i: number, step: number) => base + [-step, 0, step, 0][i % 4]!;
const n = (code: string, value: number | null, flag: ReadingValueRecord['flag'] = 'N'): ReadingValueRecord => ({ code, value, flag });

const WATER_FACTORS = [
  { code: 'w01010', name: '水温', unit: '°C' }, { code: 'w01001', name: 'pH值', unit: '无量纲' },
  { code: 'w01009', name: '溶解氧', unit: 'mg/L' }, { code: 'w01019', name: '高锰酸盐指数', unit: 'mg/L' },
  { code: 'w21003', name: '氨氮', unit: 'mg/L' }, { code: 'w21011', name: '总磷', unit: 'mg/L' },
];
const AIR_FACTORS = [
  { code: 'a34004', name: 'PM2.5', unit: 'µg/m³' }, { code: 'a34002', name: 'PM10', unit: 'µg/m³' },
  { code: 'a21026', name: '二氧化硫', unit: 'µg/m³' }, { code: 'a21004', name: '二氧化氮', unit: 'µg/m³' },
  { code: 'a21005', name: '一氧化碳', unit: 'mg/m³' }, { code: 'a05024', name: '臭氧', unit: 'µg/m³' },
];

export function waterStation(city: string, local: string, over: Partial<StationRecord> = {}): StationRecord {
  return station(1, {
    id: encodeGlobalId('Station', city, local), cityCode: city, code: `${city}21${local}`, name: `水质站${local}`,
    kind: 'WATER_QUALITY', interval: 'FOUR_HOURLY', factors: WATER_FACTORS, ...over,
  });
}

export function airStation(city: string, local: string, over: Partial<StationRecord> = {}): StationRecord {
  return station(2, {
    id: encodeGlobalId('Station', city, local), cityCode: city, code: `${city}22${local}`, name: `空气站${local}`,
    kind: 'AIR_QUALITY', interval: 'HOURLY', riverId: null, factors: AIR_FACTORS, ...over,
  });
}

/** The flagged NH3-N reading of WATER. */
export const WATER_FLAGGED_AT = Date.parse('2026-10-02T16:00:00+08:00');

export function waterReadings(stationId: string, from: number, count: number, nh3Base = 1.2): ReadingRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const time = from + i * 4 * HOUR;
    const nh3 = time === WATER_FLAGGED_AT ? n('w21003', null, 'D') : n('w21003', cycle(nh3Base, i, 0.1));
    return {
      stationId, time, interval: 'FOUR_HOURLY' as const,
      values: [n('w01010', cycle(18, i, 0.2)), n('w01001', 7.5), n('w01009', cycle(7, i, 0.2)), n('w01019', cycle(3, i, 0.2)), nh3,
        n('w21011', cycle(0.08, i, 0.01))],
    };
  });
}

export function airReadings(stationId: string, from: number, count: number, pm25 = 80): ReadingRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    stationId, time: from + i * HOUR, interval: 'HOURLY' as const,
    values: [n('a34004', cycle(pm25, i, 2)), n('a34002', cycle(100, i, 2)), n('a21026', cycle(10, i, 2)), n('a21004', cycle(30, i, 2)),
      n('a21005', cycle(0.8, i, 0.1)), n('a05024', cycle(60, i, 2))],
  }));
}

export const CITY_A = '510900';
export const CITY_B = '500152';

export const WATER = waterStation(CITY_A, 'W1');
export const AIR = airStation(CITY_A, 'A1');
export const SOURCE = station(3, { id: encodeGlobalId('Station', CITY_A, 'P1'), kind: 'POLLUTION_SOURCE', interval: 'HOURLY' });

/** October's 186 readings of WATER and AIR's 48 hours. */
export const HISTORY: InMemoryBureauData = {
  stations: [WATER, AIR, SOURCE],
  readings: [...waterReadings(WATER.id, OCT_1, 186), ...airReadings(AIR.id, OCT_9, 48)],
};

/** A live bureau: its stations' last 30 hours. */
export function liveBureau(city: string): InMemoryBureauData {
  const water = waterStation(city, 'LW', { interval: 'HOURLY' });
  const air = airStation(city, 'LA');
  const stopped = airStation(city, 'LS', { operating: false });
  const from = NOW_HOUR - 29 * HOUR;
  const waterSeries = Array.from({ length: 30 }, (_, i) => from + i * HOUR)
    .filter((time) => time < NOW_HOUR - 14 * HOUR || time > NOW_HOUR - 12 * HOUR) // hours −14 … −12 missing
    .map((time, i) => ({
      stationId: water.id, time, interval: 'HOURLY' as const,
      values: [n('w01010', cycle(18, i, 0.2)), n('w21003', time === NOW_HOUR - 5 * HOUR ? null : cycle(0.4, i, 0.05), time === NOW_HOUR - 5 * HOUR ? 'F' : 'N')],
    }));
  return {
    stations: [water, air, stopped],
    readings: [...waterSeries, ...airReadings(air.id, from, 30, 200)],
  };
}
