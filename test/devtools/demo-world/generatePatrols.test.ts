import { describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { BUREAU_CODES } from '../../../devtools/demo-world/generateWorld.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const world = () => defaultWorld();

describe('generatePatrols', () => {
  it('gives each bureau 10–20 patrols on rivers it shares with its partners across the border', () => {
    const rivers = new Map(world().region.rivers.map((r) => [r.id, r]));
    const province = new Map(world().region.cities.map((c) => [c.code, c.province]));
    for (const code of BUREAU_CODES) {
      const patrols = world().bureaus[code]!.patrols;
      expect(patrols.length).toBeGreaterThanOrEqual(10);
      expect(patrols.length).toBeLessThanOrEqual(20);
      patrols.forEach((p, i) => expect(decodeGlobalId(p.id)).toEqual({ type: 'JointPatrol', cityCode: code, localId: `JP${String(i + 1).padStart(4, '0')}` }));
      for (const p of patrols) {
        const river = rivers.get(p.riverId)!;
        expect(river.cityCodes).toContain(code);
        expect(p.partnerCityCodes.length).toBeGreaterThan(0);
        for (const partner of p.partnerCityCodes) {
          expect(river.cityCodes).toContain(partner);
          expect(province.get(partner)).not.toBe(province.get(code));
        }
        expect(['JOINT', 'CROSS', 'ASSISTANCE']).toContain(p.mode);
        expect(p.name).toContain(river.name);
      }
    }
  });

  it('patrols 涪江 and 琼江 between 遂宁 and 潼南', () => {
    const rivers = new Set([...world().bureaus['500152']!.patrols, ...world().bureaus['510900']!.patrols].map((p) => p.riverId));
    expect(rivers).toEqual(new Set(['fujiang', 'qiongjiang']));
  });

  it('ends every patrol after it starts and before `until`, and lists one finding per problem found', () => {
    for (const code of BUREAU_CODES) {
      for (const p of world().bureaus[code]!.patrols) {
        expect(p.endedAt).not.toBeNull();
        expect(p.endedAt!).toBeGreaterThan(p.startedAt);
        expect(p.endedAt!).toBeLessThanOrEqual(UNTIL);
        expect(p.findings).toHaveLength(p.problemsFound);
        expect(p.participants).toBeGreaterThan(0);
        expect(p.reach).toMatch(/段/);
      }
    }
  });
});
