import { describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { startOfIsoDate } from '../../../devtools/demo-world/cstTime.ts';
import { distanceKm } from '../../../devtools/demo-world/geo.ts';
import { BUREAU_CODES } from '../../../devtools/demo-world/generateWorld.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const world = () => defaultWorld();
const CATEGORIES = ['SOURCE_CUTOFF', 'CONTAINMENT', 'COLLECTION', 'TREATMENT', 'PERSONAL_PROTECTION', 'COMMUNICATION_COMMAND', 'MONITORING'];

describe('generateResources', () => {
  it('gives each bureau 150 resources in all seven categories and all four kinds', () => {
    for (const code of BUREAU_CODES) {
      const resources = world().bureaus[code]!.resources;
      expect(resources).toHaveLength(150);
      expect(new Set(resources.map((r) => r.category))).toEqual(new Set(CATEGORIES));
      expect(new Set(resources.map((r) => r.kind))).toEqual(new Set(['MATERIAL', 'EQUIPMENT', 'TEAM', 'EXPERT']));
      resources.forEach((r, i) => expect(decodeGlobalId(r.id)).toEqual({ type: 'EmergencyResource', cityCode: code, localId: `R${String(i + 1).padStart(4, '0')}` }));
    }
  });

  it('keeps materials and equipment at a depot, counts teams in people and experts as one person each', () => {
    for (const code of BUREAU_CODES) {
      for (const r of world().bureaus[code]!.resources) {
        expect(r.contact?.phone).toMatch(/^1[3-9]\d{9}$/);
        expect(r.quantity).toBeGreaterThan(0);
        if (r.kind === 'TEAM') {
          expect(r).toMatchObject({ unit: '人', depot: null });
          expect(r.quantity).toBeGreaterThanOrEqual(8);
        } else if (r.kind === 'EXPERT') {
          expect(r).toMatchObject({ unit: '人', quantity: 1, depot: null });
          // The person is only the contact: the public name is the speciality's label.
          expect(r.name).toBe(`应急专家：${r.specification}`);
          expect(r.contact?.person).toMatch(/^\p{Script=Han}{2,4}$/u);
        } else {
          expect(r.depot).not.toBeNull();
          expect(r.location).toEqual(r.depot!.location);
          expect(r.depot!.code).toMatch(new RegExp(`^${code}-YJK-\\d{2}$`));
        }
      }
    }
  });

  it('stocks the typical items with their units', () => {
    const items = new Map(world().bureaus['510500']!.resources.map((r) => [r.name, r.unit]));
    const units = new Map(BUREAU_CODES.flatMap((c) => world().bureaus[c]!.resources.map((r) => [r.name, r.unit] as const)));
    expect(units.get('围油栏')).toBe('米');
    expect(units.get('吸油毡')).toBe('吨');
    expect(units.get('活性炭')).toBe('吨');
    expect(units.get('应急监测车')).toBe('台');
    expect(items.size).toBeGreaterThan(15);
  });

  it('marks consumables expired exactly when their date has passed', () => {
    let expired = 0;
    for (const code of BUREAU_CODES) {
      for (const r of world().bureaus[code]!.resources) {
        if (r.expiresOn === null) { expect(r.status).not.toBe('EXPIRED'); continue; }
        expect(r.kind).toBe('MATERIAL');
        expect(r.status === 'EXPIRED').toBe(startOfIsoDate(r.expiresOn) < UNTIL);
        if (r.status === 'EXPIRED') expired++;
      }
    }
    expect(expired).toBeGreaterThan(0);
  });

  it('keeps depots near their bureau, with one by a cross-border section', () => {
    for (const code of BUREAU_CODES) {
      const city = world().region.cities.find((c) => c.code === code)!;
      const depots = new Map(world().bureaus[code]!.resources.filter((r) => r.depot).map((r) => [r.depot!.code, r.depot!]));
      expect(depots.size).toBeGreaterThanOrEqual(5);
      for (const d of depots.values()) expect(distanceKm(d.location, city.location)).toBeLessThan(150);
      expect([...depots.values()].some((d) => d.name.includes('跨界'))).toBe(true);
    }
  });
});
