import { describe, expect, it } from 'vitest';
import { createRng } from '../../../devtools/demo-world/createRng.ts';
import { generateRegion } from '../../../devtools/demo-world/generateRegion.ts';
import { POSITIVE_LIST_TYPE } from '../../../devtools/demo-world/generateEnterprises.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const region = () => defaultWorld().region;

describe('generateRegion', () => {
  it('lists the six areas with their kind, province, bureau and a seat inside the area', () => {
    const byCode = new Map(region().cities.map((c) => [c.code, c]));
    expect([...byCode.keys()]).toEqual(['500000', '500152', '500153', '510500', '510900', '511600']);
    expect(byCode.get('500000')).toMatchObject({ name: '重庆市', kind: 'MUNICIPALITY', province: 'CHONGQING', bureauName: '重庆市生态环境局' });
    expect(byCode.get('500152')).toMatchObject({ name: '潼南区', kind: 'DISTRICT', bureauName: '潼南区生态环境局' });
    expect(byCode.get('500153')).toMatchObject({ name: '荣昌区', kind: 'DISTRICT' });
    for (const code of ['510500', '510900', '511600']) expect(byCode.get(code)).toMatchObject({ kind: 'PREFECTURE_CITY', province: 'SICHUAN' });
    for (const c of byCode.values()) {
      expect(c.location.longitude).toBeGreaterThan(105);
      expect(c.location.longitude).toBeLessThan(107.2);
      expect(c.location.latitude).toBeGreaterThan(28.5);
      expect(c.location.latitude).toBeLessThan(30.8);
      expect(c.nameEn).not.toBe('');
    }
  });

  it('has the rivers of the circle, each crossing only known areas', () => {
    const codes = new Set(region().cities.map((c) => c.code));
    const ids = region().rivers.map((r) => r.id);
    for (const id of ['changjiang', 'jialingjiang', 'fujiang', 'qiongjiang', 'qujiang', 'laixihe', 'tuojiang', 'chishuihe', 'renshihe', 'daqingliuhe', 'qijiang']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of region().rivers) {
      expect(r.lengthKm).toBeGreaterThan(0);
      expect(r.cityCodes.length).toBeGreaterThan(0);
      for (const c of r.cityCodes) expect(codes.has(c)).toBe(true);
    }
    expect(region().rivers.find((r) => r.id === 'qiongjiang')).toMatchObject({ name: '琼江', lengthKm: 239 });
  });

  it('records 光辉 and 玉溪 as 遂宁→潼南 provincial sections run by 潼南 and 大安 as 遂宁’s own', () => {
    const s = new Map(region().sections.map((x) => [x.name, x]));
    expect(s.get('光辉')).toMatchObject({ riverId: 'qiongjiang', boundaryType: 'PROVINCIAL', upstreamCityCode: '510900', downstreamCityCode: '500152', station: { cityCode: '500152' } });
    expect(s.get('玉溪')).toMatchObject({ riverId: 'fujiang', boundaryType: 'PROVINCIAL', upstreamCityCode: '510900', downstreamCityCode: '500152', station: { cityCode: '500152' } });
    expect(s.get('大安')).toMatchObject({ riverId: 'qiongjiang', station: { cityCode: '510900' } });
    expect(region().sections.some((x) => x.boundaryType === 'NONE')).toBe(true);
  });

  it('points every section at a water station of its owning bureau on the same river', () => {
    const world = defaultWorld();
    for (const section of region().sections) {
      expect(section.station).not.toBeNull();
      const station = world.bureaus[section.station!.cityCode]!.stations.find((x) => x.id === section.station!.id);
      expect(station, section.name).toMatchObject({ kind: 'WATER_QUALITY', riverId: section.riverId, location: section.location });
      if (section.boundaryType === 'PROVINCIAL') {
        const other = [section.upstreamCityCode, section.downstreamCityCode].filter((c) => c && c !== section.station!.cityCode);
        expect(station!.sharedWithCityCodes).toEqual(other);
      }
    }
  });

  it('keeps a registry with unique credit codes and names, sorted by credit code', () => {
    const codes = region().enterprises.map((e) => e.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(region().enterprises.map((e) => e.name)).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('gives 泸州 a positive list of exactly 150 enterprises and the other bureaus shorter ones', () => {
    const listed = (code: string) => region().enterprises.filter((e) => e.cityCode === code && e.positiveList);
    expect(listed('510500')).toHaveLength(150);
    for (const code of ['500000', '500152', '500153', '510900', '511600']) {
      expect(listed(code).length).toBeGreaterThan(0);
      expect(listed(code).length).toBeLessThan(150);
    }
    for (const e of region().enterprises) {
      const entry = e.positiveList;
      if (!entry) continue;
      expect(entry).toMatchObject({ cityCode: e.cityCode, listType: POSITIVE_LIST_TYPE });
      expect(entry.criteriaMet.length).toBeGreaterThan(0);
      if (entry.lastOnsiteCheck) expect(entry.lastOnsiteCheck >= entry.admittedOn).toBe(true);
      if (entry.removedOn) {
        expect(entry.removedOn > entry.admittedOn).toBe(true);
        expect(entry.removalReason).toBeTruthy();
      } else expect(entry.removalReason).toBeNull();
    }
  });

  it('scales the registry down but keeps every area represented', () => {
    const small = generateRegion(createRng('small'), { scale: 0.05, until: UNTIL });
    expect(small.enterprises.length).toBeLessThan(200);
    for (const c of small.cities) expect(small.enterprises.some((e) => e.cityCode === c.code)).toBe(true);
    expect(small.sections).toHaveLength(region().sections.length);
  });
});
