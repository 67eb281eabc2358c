import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRegionData } from '../../../fixtures/regionRecords.ts';
import { openTestRegion } from '../../../fixtures/openTestStores.ts';

const data = sampleRegionData();
let store: Awaited<ReturnType<typeof openTestRegion>>;
beforeAll(async () => { store = await openTestRegion(data); });
afterAll(async () => { await store.source.close(); });

const byCredit = { field: 'creditCode', direction: 'ASC' } as const;
const codes = (items: readonly { creditCode: string }[]) => items.map((e) => e.creditCode);

describe('SqlRegionSource', () => {
  it('lists cities by code and rivers by id, as written', async () => {
    expect((await store.source.cities()).map((c) => c.code)).toEqual(['500000', '500152', '510900']);
    expect(await store.source.rivers()).toEqual([data.rivers[1], data.rivers[0]]);
  });

  it('looks up cities, rivers, sections and enterprises in input order with nulls', async () => {
    expect((await store.source.citiesByCodes(['510900', '999999', '500152'])).map((c) => c?.name ?? null))
      .toEqual(['遂宁市', null, '潼南区']);
    expect((await store.source.riversByIds(['nope', 'qiongjiang'])).map((r) => r?.cityCodes ?? null))
      .toEqual([null, ['510900', '500152']]);
    expect(await store.source.sectionsByIds(['S-qj-1', 'x'])).toEqual([data.sections[0], null]);
    const e = data.enterprises[3];
    expect(await store.source.enterprisesByCreditCodes([e?.creditCode ?? '', 'x'])).toEqual([e, null]);
  });

  it('filters sections by river and to cross-border ones', async () => {
    expect((await store.source.sections({})).map((s) => s.id)).toEqual(['S-fj-1', 'S-qj-1', 'S-qj-2']);
    expect((await store.source.sections({ riverId: 'qiongjiang' })).map((s) => s.id)).toEqual(['S-qj-1', 'S-qj-2']);
    expect((await store.source.sections({ crossBorderOnly: true })).map((s) => s.id)).toEqual(['S-fj-1', 'S-qj-1']);
    expect((await store.source.sections({ riverId: 'qiongjiang', crossBorderOnly: true }))[0]?.station?.cityCode).toBe('500152');
  });

  it('groups sections by river, [] for a river without sections', async () => {
    const grouped = await store.source.sectionsByRivers(['fujiang', 'none', 'qiongjiang']);
    expect(grouped.map((list) => list.map((s) => s.id))).toEqual([['S-fj-1'], [], ['S-qj-1', 'S-qj-2']]);
  });

  it('pages enterprises by credit code with filters', async () => {
    const sorted = codes(data.enterprises).sort();
    const first = await store.source.listEnterprises({ filter: {}, sort: byCredit, after: null, limit: 3 });
    expect(codes(first.items)).toEqual(sorted.slice(0, 3));
    const last = first.items[2]?.creditCode ?? '';
    const second = await store.source.listEnterprises({ filter: {}, sort: byCredit, after: { value: last, id: last }, limit: 3 });
    expect(codes(second.items)).toEqual(sorted.slice(3));
    expect(second.totalCount).toBe(5);

    const tongnan = await store.source.listEnterprises({ filter: { cityCode: '500152' }, sort: byCredit, after: null, limit: 10 });
    expect(tongnan.totalCount).toBe(2);
    // The 电镀 company was removed from the positive list: it keeps its entry but is not "on" it.
    const positive = await store.source.listEnterprises({ filter: { positiveListOnly: true }, sort: byCredit, after: null, limit: 10 });
    expect(positive.items.map((e) => e.name)).toEqual(['遂宁某化工有限公司']);
    const search = await store.source.listEnterprises({ filter: { search: '100%' }, sort: byCredit, after: null, limit: 10 });
    expect(search.items.map((e) => e.name)).toEqual(['遂宁100%环保科技有限公司']);
    const byCode = await store.source.listEnterprises({
      filter: { search: data.enterprises[1]?.creditCode.slice(2, 10) ?? '' }, sort: byCredit, after: null, limit: 10,
    });
    expect(byCode.items.map((e) => e.name)).toEqual(['射洪市某纸业有限公司']);
  });

  it('uses one statement for a batch of 300 codes', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `9151${String(i).padStart(14, '0')}`);
    expect(await store.log.count(() => store.source.enterprisesByCreditCodes(many))).toBe(1);
  });
});
