import { describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { BUREAU_CODES, generateWorld, type World } from '../../../devtools/demo-world/generateWorld.ts';
import type { ReadingRecord } from '../../../subgraphs/kit/model.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const HOUR = 3_600_000;
const first = <T>(items: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const x of items) { if (out.length >= n) break; out.push(x); }
  return out;
};

function records(world: World) {
  return BUREAU_CODES.flatMap((code) => {
    const b = world.bureaus[code]!;
    return [...b.projects, ...b.stations, ...b.cases, ...b.patrols, ...b.resources].map((r) => ({ code, r }));
  });
}

describe('generateWorld', () => {
  it('generates a deep-equal world, readings included, for the same options', () => {
    const a = generateWorld({ until: UNTIL, scale: 0.3 });
    const b = generateWorld({ until: UNTIL, scale: 0.3 });
    expect(a).toEqual(b);
    const station = a.bureaus['500152']!.stations[0]!;
    expect(first(a.bureaus['500152']!.readings(station), 50)).toEqual(first(b.bureaus['500152']!.readings(station), 50));
  });

  it('generates a different world for a different seed', () => {
    const a = generateWorld({ until: UNTIL, scale: 0.3 });
    const b = generateWorld({ until: UNTIL, scale: 0.3, seed: 'another' });
    expect(a.region.enterprises.map((e) => e.creditCode)).not.toEqual(b.region.enterprises.map((e) => e.creditCode));
    expect(a.bureaus['510900']!.cases.map((c) => c.filedAt)).not.toEqual(b.bureaus['510900']!.cases.map((c) => c.filedAt));
    const station = a.bureaus['510900']!.stations[0]!;
    expect(first(a.bureaus['510900']!.readings(station), 5)).not.toEqual(first(b.bureaus['510900']!.readings(station), 5));
  });

  it('has the six bureaus, each owning only records of its own, with unique ids that decode to the record’s type and bureau', () => {
    const world = defaultWorld();
    expect(Object.keys(world.bureaus).sort()).toEqual([...BUREAU_CODES]);
    const ids = new Set<string>();
    for (const { code, r } of records(world)) {
      expect(r.cityCode).toBe(code);
      const parts = decodeGlobalId(r.id);
      expect(parts?.cityCode).toBe(code);
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
    }
    expect(ids.size).toBe(6 * (50 + 20 + 200 + 15 + 150));
  });

  it('refers only to enterprises, stations, rivers and cities that exist', () => {
    const world = defaultWorld();
    const cities = new Set(world.region.cities.map((c) => c.code));
    const rivers = new Set(world.region.rivers.map((r) => r.id));
    const enterprises = new Set(world.region.enterprises.map((e) => e.creditCode));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => { if (!ok) missing.push(what); };
    for (const e of world.region.enterprises) need(cities.has(e.cityCode), `enterprise city ${e.cityCode}`);
    for (const r of world.region.rivers) for (const c of r.cityCodes) need(cities.has(c), `river city ${c}`);
    for (const s of world.region.sections) {
      need(rivers.has(s.riverId), `section river ${s.riverId}`);
      for (const c of [s.upstreamCityCode, s.downstreamCityCode]) if (c) need(cities.has(c), `section city ${c}`);
      need(world.bureaus[s.station!.cityCode]?.stations.some((x) => x.id === s.station!.id) ?? false, `section station ${s.id}`);
    }
    for (const code of BUREAU_CODES) {
      const b = world.bureaus[code]!;
      const stations = new Set(b.stations.map((s) => s.id));
      for (const s of b.stations) {
        if (s.riverId) need(rivers.has(s.riverId), `station river ${s.riverId}`);
        if (s.enterpriseCreditCode) need(enterprises.has(s.enterpriseCreditCode), `station enterprise ${s.enterpriseCreditCode}`);
        for (const c of s.sharedWithCityCodes) need(cities.has(c), `station shared ${c}`);
      }
      for (const p of b.projects) {
        for (const r of p.riverIds) need(rivers.has(r), `project river ${r}`);
        for (const c of p.partnerCityCodes) need(cities.has(c), `project partner ${c}`);
      }
      for (const c of b.cases) {
        need(enterprises.has(c.enterpriseCreditCode), `case enterprise ${c.enterpriseCreditCode}`);
        if (c.stationId) need(stations.has(c.stationId), `case station ${c.stationId}`);
        if (c.riverId) need(rivers.has(c.riverId), `case river ${c.riverId}`);
        for (const x of [...c.jointPartnerCityCodes, ...(c.jointAction?.leadCityCodes ?? []), ...(c.jointAction?.participantCityCodes ?? [])]) need(cities.has(x), `case city ${x}`);
        for (const r of c.jointAction?.riverIds ?? []) need(rivers.has(r), `case action river ${r}`);
      }
      for (const p of b.patrols) {
        need(rivers.has(p.riverId), `patrol river ${p.riverId}`);
        for (const c of p.partnerCityCodes) need(cities.has(c), `patrol partner ${c}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('makes at least one of everything per bureau at scale 0.05', () => {
    const small = generateWorld({ until: UNTIL, scale: 0.05, days: 7 });
    for (const code of BUREAU_CODES) {
      const b = small.bureaus[code]!;
      for (const list of [b.projects, b.stations, b.cases, b.patrols, b.resources]) expect(list.length).toBeGreaterThanOrEqual(1);
      expect(b.projects.length).toBeLessThan(10);
      expect(b.cases.length).toBeLessThan(20);
      const air = b.stations.find((s) => s.kind === 'AIR_QUALITY' && s.operating);
      if (air) expect([...b.readings(air)].length).toBeGreaterThan(7 * 24 * 0.9);
    }
    expect(small.bureaus['500152']!.projects.some((p) => p.name.includes('双江'))).toBe(true);
  });

  it('changes only the readings window when `days` changes, and keeps the overlapping readings identical', () => {
    const long = generateWorld({ until: UNTIL, scale: 0.1 });
    const short = generateWorld({ until: UNTIL, scale: 0.1, days: 3 });
    expect(short.region).toEqual(long.region);
    const station = long.bureaus['511600']!.stations.find((s) => s.operating)!;
    expect(short.bureaus['511600']!.cases).toEqual(long.bureaus['511600']!.cases);
    const own = (r: ReadingRecord) => r.interval === station.interval;
    const recent = [...short.bureaus['511600']!.readings(station)].filter(own);
    expect(recent[0]!.time).toBeGreaterThanOrEqual(UNTIL - 3 * 24 * HOUR);
    const all = [...long.bureaus['511600']!.readings(station)];
    expect(all.filter(own).slice(-recent.length)).toEqual(recent);
    // The daily history starts on the same day and reaches the shorter period instead: the days both have are identical.
    expect(short.history.from).toBe(long.history.from);
    const longDays = all.filter((r) => r.interval === 'DAILY');
    const shortDays = [...short.bureaus['511600']!.readings(station)].filter((r) => r.interval === 'DAILY');
    expect(shortDays.length).toBeGreaterThan(longDays.length + 80);
    expect(shortDays.slice(0, longDays.length - 1)).toEqual(longDays.slice(0, -1));
  });

  it('has no daily history with `historyMonths: 0`, and refuses a negative or fractional one', () => {
    const world = generateWorld({ until: UNTIL, scale: 0.1, historyMonths: 0 });
    expect(world.history).toEqual({ from: world.period.from, until: world.period.from });
    const station = world.bureaus['500000']!.stations[0]!;
    expect([...world.bureaus['500000']!.readings(station)].every((r) => r.interval === station.interval)).toBe(true);
    expect(() => generateWorld({ until: UNTIL, historyMonths: -1 })).toThrow(RangeError);
    expect(() => generateWorld({ until: UNTIL, historyMonths: 1.5 })).toThrow(RangeError);
  });

  it('refuses readings of a station that belongs to another bureau, and bad options', () => {
    const world = defaultWorld();
    const foreign = world.bureaus['510500']!.stations[0]!;
    expect(() => world.bureaus['500152']!.readings(foreign)).toThrow(RangeError);
    expect(() => generateWorld({ until: UNTIL, scale: 0 })).toThrow(RangeError);
    expect(() => generateWorld({ until: Number.NaN })).toThrow(RangeError);
  });
});
