import { describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { BUREAU_CODES } from '../../../devtools/demo-world/generateWorld.ts';
import { defaultWorld } from './seedFixture.ts';

const world = () => defaultWorld();
const codesOf = (s: { factors: readonly { code: string }[] }) => s.factors.map((f) => f.code);

describe('generateStations', () => {
  it('gives each bureau 20 stations: 6 water, 6 air and 8 pollution sources', () => {
    for (const code of BUREAU_CODES) {
      const stations = world().bureaus[code]!.stations;
      expect(stations).toHaveLength(20);
      expect(stations.filter((s) => s.kind === 'WATER_QUALITY')).toHaveLength(6);
      expect(stations.filter((s) => s.kind === 'AIR_QUALITY')).toHaveLength(6);
      expect(stations.filter((s) => s.kind === 'POLLUTION_SOURCE')).toHaveLength(8);
    }
  });

  it('codes stations with unique 24-character HJ 212 MNs that start with a county of the bureau', () => {
    const all = BUREAU_CODES.flatMap((c) => world().bureaus[c]!.stations);
    expect(new Set(all.map((s) => s.code)).size).toBe(all.length);
    for (const s of all) expect(s.code).toMatch(/^\d{6}[A-Z]{2}\d{16}$/);
    const guanghui = world().bureaus['500152']!.stations.find((s) => s.name.startsWith('光辉'));
    expect(guanghui?.code).toBe('500152GH0000000000000001');
  });

  it('numbers station ids ST0001… in the owning bureau', () => {
    for (const code of BUREAU_CODES) {
      world().bureaus[code]!.stations.forEach((s, i) => {
        expect(decodeGlobalId(s.id)).toEqual({ type: 'Station', cityCode: code, localId: `ST${String(i + 1).padStart(4, '0')}` });
        expect(s.cityCode).toBe(code);
      });
    }
  });

  it('reports the national water parameters every four hours, air pollutants and sources hourly, with per-station units', () => {
    for (const code of BUREAU_CODES) {
      for (const s of world().bureaus[code]!.stations) {
        expect(['HJ 212-2017', 'HJ 212-2025']).toContain(s.protocolVersion);
        if (s.kind === 'WATER_QUALITY') {
          expect(s.interval).toBe('FOUR_HOURLY');
          expect(codesOf(s)).toEqual(['w01010', 'w01001', 'w01009', 'w01003', 'w01014', 'w01019', 'w21003', 'w21011', 'w21001']);
          expect(s.riverId).not.toBeNull();
        } else if (s.kind === 'AIR_QUALITY') {
          expect(s.interval).toBe('HOURLY');
          expect(codesOf(s)).toEqual(['a34004', 'a34002', 'a21026', 'a21004', 'a21005', 'a05024']);
          expect(s.factors.find((f) => f.code === 'a21005')?.unit).toBe('mg/m³');
          expect(s.factors.find((f) => f.code === 'a34004')?.unit).toBe('µg/m³');
        } else {
          expect(s.interval).toBe('HOURLY');
          expect([['w01018', 'w21003', 'w21011', 'w01001', 'w00000'], ['a21026', 'a21002', 'a34013', 'a00000']]).toContainEqual(codesOf(s));
          if (codesOf(s).includes('a21026')) expect(s.factors[0]?.unit).toBe('mg/m³');
        }
      }
    }
  });

  it('puts pollution sources at enterprises registered in the bureau’s own area, one outlet each', () => {
    const registry = new Map(world().region.enterprises.map((e) => [e.creditCode, e]));
    for (const code of BUREAU_CODES) {
      const sources = world().bureaus[code]!.stations.filter((s) => s.kind === 'POLLUTION_SOURCE');
      expect(new Set(sources.map((s) => s.enterpriseCreditCode)).size).toBe(sources.length);
      for (const s of sources) {
        const e = registry.get(s.enterpriseCreditCode ?? '');
        expect(e?.cityCode).toBe(code);
        expect(s.code.slice(0, 6)).toBe(e?.creditCode.slice(2, 8));
      }
      for (const s of world().bureaus[code]!.stations.filter((x) => x.kind !== 'POLLUTION_SOURCE')) expect(s.enterpriseCreditCode).toBeNull();
    }
  });

  it('places water stations only on rivers that cross the bureau’s area', () => {
    const rivers = new Map(world().region.rivers.map((r) => [r.id, r]));
    for (const code of BUREAU_CODES) {
      for (const s of world().bureaus[code]!.stations.filter((x) => x.riverId !== null)) {
        expect(rivers.get(s.riverId!)?.cityCodes).toContain(code);
      }
    }
  });
});
