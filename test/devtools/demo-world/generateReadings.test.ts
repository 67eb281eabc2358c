import { describe, expect, it } from 'vitest';
import type { ReadingRecord, StationRecord } from '../../../subgraphs/kit/model.ts';
import { cstDayOfYear, cstHourOfDay, cstTime } from '../../../devtools/demo-world/cstTime.ts';
import { meetsClass } from '../../../devtools/demo-world/gb3838Limits.ts';
import { dailyReadingsFor } from '../../../devtools/demo-world/generateDailyReadings.ts';
import { readingsFor } from '../../../devtools/demo-world/generateReadings.ts';
import { assessWaterPeriod } from '../../../subgraphs/standards/index.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const world = () => defaultWorld();
const stationOf = (cityCode: string, kind: StationRecord['kind']) =>
  world().bureaus[cityCode]!.stations.find((s) => s.kind === kind && s.operating)!;

function means(readings: Iterable<ReadingRecord>, keep: (r: ReadingRecord) => boolean = () => true): Record<string, number> {
  const sums: Record<string, [number, number]> = {};
  for (const r of readings) {
    if (!keep(r)) continue;
    for (const v of r.values) {
      if (v.flag !== 'N' || v.value === null) continue;
      const acc = (sums[v.code] ??= [0, 0]);
      acc[0] += v.value;
      acc[1] += 1;
    }
  }
  return Object.fromEntries(Object.entries(sums).map(([k, [s, n]]) => [k, s / n]));
}

describe('readingsFor', () => {
  it('covers the 90 days before `until` hourly (air) and four-hourly at 00, 04, 08 … CST (water), with rare gaps', () => {
    const own = (r: ReadingRecord) => r.interval !== 'DAILY';
    const air = [...world().bureaus['510900']!.readings(stationOf('510900', 'AIR_QUALITY'))].filter(own);
    expect(air.length).toBeGreaterThan(2160 * 0.97);
    expect(air.length).toBeLessThanOrEqual(2161);
    expect(air.at(-1)!.time).toBeLessThanOrEqual(UNTIL);
    expect(air[0]!.time).toBeGreaterThanOrEqual(UNTIL - 90 * 24 * HOUR);
    for (const r of air) expect(r.time % HOUR).toBe(0);

    const water = [...world().bureaus['510900']!.readings(stationOf('510900', 'WATER_QUALITY'))].filter(own);
    expect(water.length).toBeGreaterThan(540 * 0.97);
    expect(water.length).toBeLessThanOrEqual(541);
    for (const r of water) {
      expect(r.interval).toBe('FOUR_HOURLY');
      expect(cstHourOfDay(r.time) % 4).toBe(0);
    }
    const times = air.map((r) => r.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('gives the same values for an hour whichever window it is generated in', () => {
    const station = stationOf('500153', 'POLLUTION_SOURCE');
    const wide = [...readingsFor(station, { from: UNTIL - 10 * 24 * HOUR, until: UNTIL })];
    const narrow = [...readingsFor(station, { from: UNTIL - 30 * HOUR, until: UNTIL - 5 * HOUR })];
    expect(narrow.length).toBeGreaterThan(20);
    for (const r of narrow) expect(wide.find((w) => w.time === r.time)).toEqual(r);
  });

  it('yields one value per station factor, null only for stopped, disconnected or faulty instruments, ~0.5 % flagged', () => {
    let values = 0;
    let flagged = 0;
    const problems: string[] = [];
    for (const station of world().bureaus['511600']!.stations.slice(0, 8)) {
      const factors = station.factors.map((f) => f.code).join();
      for (const r of world().bureaus['511600']!.readings(station)) {
        if (r.stationId !== station.id || r.values.map((v) => v.code).join() !== factors) problems.push(`${station.id}@${r.time}`);
        for (const v of r.values) {
          values++;
          if (v.flag !== 'N') flagged++;
          if (v.value === null ? !['F', 'B', 'D'].includes(v.flag) : !Number.isFinite(v.value)) problems.push(`${v.code}=${v.value}${v.flag}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(flagged / values).toBeGreaterThan(0.002);
    expect(flagged / values).toBeLessThan(0.01);
  });

  it('has PM2.5 higher in winter than in summer, and O3 highest on summer afternoons', () => {
    const air = stationOf('510500', 'AIR_QUALITY');
    const jan = [...readingsFor(air, { from: Date.parse('2025-01-01T00:00:00+08:00'), until: Date.parse('2025-01-31T23:00:00+08:00') })];
    const jul = [...readingsFor(air, { from: Date.parse('2024-07-01T00:00:00+08:00'), until: Date.parse('2024-07-31T23:00:00+08:00') })];
    expect(means(jan)['a34004']!).toBeGreaterThan(1.5 * means(jul)['a34004']!);
    const afternoon = (r: ReadingRecord) => cstHourOfDay(r.time) >= 13 && cstHourOfDay(r.time) <= 16;
    const night = (r: ReadingRecord) => cstHourOfDay(r.time) <= 4;
    expect(means(jul, afternoon)['a05024']!).toBeGreaterThan(means(jan, afternoon)['a05024']!);
    expect(means(jul, afternoon)['a05024']!).toBeGreaterThan(2 * means(jul, night)['a05024']!);
    expect(means(jan, night)['a34004']!).toBeGreaterThan(means(jan, afternoon)['a34004']!);
  });

  it('has warmer water in summer and less dissolved oxygen when it is warm', () => {
    const water = stationOf('500152', 'WATER_QUALITY');
    const jan = means(readingsFor(water, { from: Date.parse('2025-01-01T00:00:00+08:00'), until: Date.parse('2025-01-31T23:00:00+08:00') }));
    const aug = means(readingsFor(water, { from: Date.parse('2024-08-01T00:00:00+08:00'), until: Date.parse('2024-08-31T23:00:00+08:00') }));
    expect(aug['w01010']!).toBeGreaterThan(jan['w01010']! + 8);
    expect(aug['w01009']!).toBeLessThan(jan['w01009']!);
    expect(jan['w01010']!).toBeGreaterThan(5);
    expect(aug['w01010']!).toBeLessThan(32);
  });

  it('keeps most sections within their target class for DO, CODMn, NH3-N and TP over the period, but not all', () => {
    const results = world().region.sections.map((section) => {
      const bureau = world().bureaus[section.station!.cityCode]!;
      const station = bureau.stations.find((s) => s.id === section.station!.id)!;
      const m = means(bureau.readings(station), (r) => r.interval !== 'DAILY');
      return ['w01009', 'w01019', 'w21003', 'w21011'].every((code) => meetsClass(code, m[code]!, section.targetClass));
    });
    const meeting = results.filter(Boolean).length;
    expect(meeting).toBeGreaterThan(results.length * 0.7);
    expect(meeting).toBeLessThan(results.length);
  });

  it('stops the readings of a station that is not operating some days before `until`', () => {
    const stopped = Object.values(world().bureaus).flatMap((b) => b.stations.filter((s) => !s.operating).map((s) => [b, s] as const));
    expect(stopped.length).toBeGreaterThan(0);
    const [bureau, station] = stopped[0]!;
    const last = [...bureau.readings(station)].at(-1);
    expect(last === undefined || last.time < UNTIL - 4 * 24 * HOUR).toBe(true);
  });

  it('aligns windows that start mid-interval to the next grid time', () => {
    const water = stationOf('510500', 'WATER_QUALITY');
    const from = Date.parse('2025-03-10T01:30:00+08:00');
    const first = readingsFor(water, { from, until: from + 24 * HOUR }).next().value as ReadingRecord;
    expect(first.time).toBeGreaterThanOrEqual(Date.parse('2025-03-10T04:00:00+08:00'));
    expect(cstDayOfYear(first.time)).toBeGreaterThan(67);
  });
});

describe('daily history', () => {
  it('has one daily value at 00:00 CST per day from the 1st of the month a year before `until` up to the day the hourly period starts in', () => {
    const { history, period } = world();
    expect(history.from).toBe(cstTime(2024, 6, 1));
    expect(history.until).toBe(period.from);
    for (const kind of ['AIR_QUALITY', 'WATER_QUALITY', 'POLLUTION_SOURCE'] as const) {
      const station = stationOf('500152', kind);
      const all = [...world().bureaus['500152']!.readings(station)];
      const daily = all.filter((r) => r.interval === 'DAILY');
      const own = all.filter((r) => r.interval === station.interval);
      expect(daily.length + own.length).toBe(all.length);
      // Oldest first: the days, then the station's own series.
      expect(all.slice(0, daily.length)).toEqual(daily);
      const days = Math.ceil((period.from - history.from) / DAY);
      expect(daily.length).toBeGreaterThan(days * 0.95);
      expect(daily.length).toBeLessThanOrEqual(days);
      expect(daily[0]!.time).toBeGreaterThanOrEqual(history.from);
      for (const r of daily) expect(cstHourOfDay(r.time)).toBe(0);
      expect(daily.at(-1)!.time).toBeLessThan(period.from);
      expect(daily.at(-1)!.time + DAY).toBeGreaterThan(period.from);
      expect(own[0]!.time).toBeGreaterThanOrEqual(period.from);
      for (const r of daily) expect(r.values.map((v) => v.code)).toEqual(station.factors.map((f) => f.code));
    }
  });

  it('keeps daily values far fewer than the hourly ones: about 11 months of days against 90 days of hours', () => {
    let daily = 0;
    let own = 0;
    for (const bureau of Object.values(world().bureaus)) {
      for (const station of bureau.stations) for (const r of bureau.readings(station)) r.interval === 'DAILY' ? daily++ : own++;
    }
    expect(daily).toBeGreaterThan(0);
    expect(daily / own).toBeLessThan(0.2);
  });

  it('makes a day’s value the mean of the station’s own values at 00, 04 … 20 CST that day, valid with 5 of the 6', () => {
    for (const kind of ['AIR_QUALITY', 'WATER_QUALITY'] as const) {
      const station = stationOf('510500', kind);
      const day = cstTime(2024, 11, 12);
      const [daily] = [...dailyReadingsFor(station, { from: day, until: day })];
      const samples = [...readingsFor(station, { from: day, until: day + DAY - 1 })].filter((r) => cstHourOfDay(r.time) % 4 === 0);
      expect(samples.length).toBe(6);
      expect(daily!.time).toBe(day);
      const m = means(samples);
      for (const v of daily!.values) {
        const valid = samples.filter((r) => r.values.some((x) => x.code === v.code && x.flag === 'N' && x.value !== null)).length;
        expect(v.flag === 'N').toBe(valid >= 5);
        // Rounded as the factor's hourly values are: within half a unit of its last decimal.
        const decimals = (String(v.value).split('.')[1] ?? '').length;
        if (v.code !== 'w01001' && valid > 0) expect(Math.abs(v.value! - m[v.code]!)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      }
    }
  });

  it('follows the profile’s seasons: PM2.5 daily values higher in winter, water warmer in summer', () => {
    const air = stationOf('510500', 'AIR_QUALITY');
    const dec = means(dailyReadingsFor(air, { from: cstTime(2024, 12, 1), until: cstTime(2024, 12, 31) }));
    const aug = means(dailyReadingsFor(air, { from: cstTime(2024, 8, 1), until: cstTime(2024, 8, 31) }));
    expect(dec['a34004']!).toBeGreaterThan(1.4 * aug['a34004']!);
    const water = stationOf('500152', 'WATER_QUALITY');
    const jan = means(dailyReadingsFor(water, { from: cstTime(2025, 1, 1), until: cstTime(2025, 1, 31) }));
    const jul = means(dailyReadingsFor(water, { from: cstTime(2024, 7, 1), until: cstTime(2024, 7, 31) }));
    expect(jul['w01010']!).toBeGreaterThan(jan['w01010']! + 8);
  });

  it('gives every section station a valid GB 3838 assessment in each of the 12 months before `until`’s month', () => {
    const gaps: string[] = [];
    for (const section of world().region.sections) {
      const bureau = world().bureaus[section.station!.cityCode]!;
      const station = bureau.stations.find((s) => s.id === section.station!.id)!;
      const readings = [...bureau.readings(station)];
      for (let m = 0; m < 12; m++) {
        const from = cstTime(2024, 6 + m, 1);
        const to = cstTime(2024, 7 + m, 1);
        try {
          const { evaluation } = assessWaterPeriod({ readings, from, to, waterBody: 'RIVER', targetClass: section.targetClass });
          if (!evaluation.waterClass) gaps.push(`${section.id} 2024+${m}`);
        } catch {
          gaps.push(`${section.id} 2024+${m}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
