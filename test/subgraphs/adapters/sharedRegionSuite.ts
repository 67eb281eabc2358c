/**
 * The region store's behaviour, the same for every adapter that implements RegionSource (the SQL
 * store on SQLite, PostgreSQL and MySQL). `openRegion(data)` returns a fresh store holding exactly
 * `data`; `close()` releases it; `countStatements` is optional, as in sharedAdapterSuite.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionData } from '../../../devtools/seeder/writeRegionData.ts';
import type { RegionSource } from '../../../subgraphs/kit/regionPorts.ts';
import { sampleRegionData } from '../../fixtures/regionRecords.ts';

export interface OpenedRegionSource {
  readonly source: RegionSource;
  close(): Promise<void>;
  countStatements?(run: () => Promise<unknown>): Promise<number>;
}

export type OpenRegionSource = (data: RegionData) => Promise<OpenedRegionSource>;

const byCredit = { field: 'creditCode', direction: 'ASC' } as const;
const codes = (items: readonly { creditCode: string }[]) => items.map((e) => e.creditCode);

export function describeRegionSourceContract(name: string, openRegion: OpenRegionSource): void {
  describe(`${name}: RegionSource contract`, () => {
    const data = sampleRegionData();
    let opened: OpenedRegionSource | undefined;
    beforeAll(async () => { opened = await openRegion(data); });
    afterAll(async () => { await opened?.close(); });
    const store = () => {
      if (opened === undefined) throw new Error(`${name}: the region store did not open`);
      return opened;
    };
    const source = () => store().source;

    it('lists cities by code and rivers by id, as written', async () => {
      expect((await source().cities()).map((c) => c.code)).toEqual(['500000', '500152', '510900']);
      expect(await source().rivers()).toEqual([data.rivers[1], data.rivers[0]]);
    });

    it('looks up cities, rivers, sections and enterprises in input order with nulls', async () => {
      expect((await source().citiesByCodes(['510900', '999999', '500152'])).map((c) => c?.name ?? null))
        .toEqual(['遂宁市', null, '潼南区']);
      expect((await source().riversByIds(['nope', 'qiongjiang', 'QIONGJIANG'])).map((r) => r?.cityCodes ?? null))
        .toEqual([null, ['510900', '500152'], null]);
      expect(await source().sectionsByIds(['S-qj-1', 'x'])).toEqual([data.sections[0], null]);
      const e = data.enterprises[3];
      expect(await source().enterprisesByCreditCodes([e?.creditCode ?? '', 'x'])).toEqual([e, null]);
    });

    it('filters sections by river and to cross-border ones', async () => {
      expect((await source().sections({})).map((s) => s.id)).toEqual(['S-fj-1', 'S-qj-1', 'S-qj-2']);
      expect((await source().sections({ riverId: 'qiongjiang' })).map((s) => s.id)).toEqual(['S-qj-1', 'S-qj-2']);
      expect((await source().sections({ crossBorderOnly: true })).map((s) => s.id)).toEqual(['S-fj-1', 'S-qj-1']);
      expect((await source().sections({ riverId: 'qiongjiang', crossBorderOnly: true }))[0]?.station?.cityCode).toBe('500152');
    });

    it('groups sections by river, [] for a river without sections', async () => {
      const grouped = await source().sectionsByRivers(['fujiang', 'none', 'qiongjiang']);
      expect(grouped.map((list) => list.map((s) => s.id))).toEqual([['S-fj-1'], [], ['S-qj-1', 'S-qj-2']]);
    });

    it('pages enterprises by credit code with filters and search', async () => {
      const sorted = codes(data.enterprises).sort();
      const first = await source().listEnterprises({ filter: {}, sort: byCredit, after: null, limit: 3 });
      expect(codes(first.items)).toEqual(sorted.slice(0, 3));
      const last = first.items[2]?.creditCode ?? '';
      const second = await source().listEnterprises({ filter: {}, sort: byCredit, after: { value: last, id: last }, limit: 3 });
      expect(codes(second.items)).toEqual(sorted.slice(3));
      expect(second.totalCount).toBe(5);

      const tongnan = await source().listEnterprises({ filter: { cityCode: '500152' }, sort: byCredit, after: null, limit: 10 });
      expect(tongnan.totalCount).toBe(2);
      // The 电镀 company was removed from the positive list: it keeps its entry but is not "on" it.
      const positive = await source().listEnterprises({ filter: { positiveListOnly: true }, sort: byCredit, after: null, limit: 10 });
      expect(positive.items.map((e) => e.name)).toEqual(['遂宁某化工有限公司']);
      const search = await source().listEnterprises({ filter: { search: '100%' }, sort: byCredit, after: null, limit: 10 });
      expect(search.items.map((e) => e.name)).toEqual(['遂宁100%环保科技有限公司']);
      const credit = data.enterprises[1]?.creditCode ?? '';
      for (const text of [credit.slice(2, 10), credit.slice(2, 10).toLowerCase()]) {
        const byCode = await source().listEnterprises({ filter: { search: text }, sort: byCredit, after: null, limit: 10 });
        expect(byCode.items.map((e) => e.name)).toEqual(['射洪市某纸业有限公司']);
      }
    });

    it('uses one statement for a batch of 300 codes', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      const many = Array.from({ length: 300 }, (_, i) => `9151${String(i).padStart(14, '0')}`);
      expect(await countStatements(() => source().enterprisesByCreditCodes(many))).toBe(1);
    });
  });
}
