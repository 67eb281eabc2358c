import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../sharedAdapterSuite.ts';

const all = { after: null, limit: 100 } as const;
const byUpdated = { field: 'updatedAt', direction: 'DESC' } as const;
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

/** Filters (exact), totalCount, records read back unchanged, and `search` (substring, ASCII case folded, wildcards literal). */
export function describeFiltersAndSearch({ data, store }: ContractContext): void {
  const source = () => store().source;

  describe('list filters and totalCount', () => {
    it('filters projects by status and by one of their rivers', async () => {
      const completed = await source().projects.list({ ...all, sort: byUpdated, filter: { status: 'COMPLETED' } });
      expect(ids(completed.items)).toEqual(ids(data.projects.filter((p) => p.status === 'COMPLETED')));
      expect(completed.totalCount).toBe(completed.items.length);

      const onQiongjiang = await source().projects.list({ ...all, sort: byUpdated, filter: { riverId: 'qiongjiang' } });
      const expected = data.projects.filter((p) => p.riverIds.includes('qiongjiang'));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(onQiongjiang.items)).toEqual(ids(expected));
    });

    it('compares filter values exactly: no case folding and no trailing-space padding', async () => {
      const count = async (filter: object) =>
        (await source().projects.list({ ...all, sort: byUpdated, filter: filter as { status?: 'COMPLETED' } })).totalCount;
      expect(await count({ status: 'completed' })).toBe(0);
      expect(await count({ status: 'COMPLETED ' })).toBe(0);
      expect(await count({ riverId: 'FUJIANG' })).toBe(0);
      expect(await count({ riverId: 'fujiang ' })).toBe(0);
    });

    it('filters stations by kind and river together', async () => {
      const page = await source().monitoring.listStations({
        ...all, sort: { field: 'code', direction: 'ASC' }, filter: { kind: 'WATER_QUALITY', riverId: 'fujiang' },
      });
      const expected = data.stations.filter((s) => s.kind === 'WATER_QUALITY' && s.riverId === 'fujiang');
      expect(ids(page.items)).toEqual(ids(expected));
      expect(page.totalCount).toBe(expected.length);
    });

    it('lists only joint cases with jointOnly, combined with status', async () => {
      const page = await source().cases.listCases({
        ...all, sort: { field: 'filedAt', direction: 'DESC' }, filter: { jointOnly: true, status: 'CLOSED' },
      });
      const expected = data.cases.filter((c) => c.joint && c.status === 'CLOSED');
      expect(ids(page.items)).toEqual(ids(expected));
      expect(page.items.every((c) => c.joint)).toBe(true);
    });

    it('filters patrols by river and resources by category', async () => {
      const patrols = await source().cases.listPatrols({
        ...all, sort: { field: 'startedAt', direction: 'DESC' }, filter: { riverId: 'fujiang' },
      });
      expect(ids(patrols.items)).toEqual(ids(data.patrols.filter((p) => p.riverId === 'fujiang')));
      const resources = await source().emergency.listResources({
        ...all, sort: { field: 'id', direction: 'ASC' }, filter: { category: 'MONITORING' },
      });
      expect(ids(resources.items)).toEqual(ids(data.resources.filter((r) => r.category === 'MONITORING')));
    });

    it('counts the whole filtered set even on a page after the first', async () => {
      const sort = { field: 'filedAt', direction: 'DESC' } as const;
      const first = await source().cases.listCases({ filter: {}, sort, after: null, limit: 2 });
      const last = first.items[1];
      const second = await source().cases.listCases({
        filter: {}, sort, limit: 2, after: { value: last?.filedAt ?? 0, id: last?.id ?? '' },
      });
      expect(second.totalCount).toBe(data.cases.length);
    });

    it('returns records equal to what was written: 17-digit doubles, nulls, times past 2038, 🌊, 72 KB text, nested JSON', async () => {
      const [p, emoji, long] = await source().projects.byIds([0, 7, 9].map((i) => data.projects[i]?.id ?? ''));
      expect(p).toEqual(data.projects[0]);
      expect(p?.progressPercent).toBe(0.30000000000000004);
      expect(emoji).toEqual(data.projects[7]);
      expect(long).toEqual(data.projects[9]);
      const [c] = await source().cases.casesByIds([data.cases[2]?.id ?? '']);
      expect(c).toEqual(data.cases[2]);
      const [s] = await source().monitoring.stationsByIds([data.stations[4]?.id ?? '']);
      expect(s).toEqual(data.stations[4]);
      const [j] = await source().cases.patrolsByIds([data.patrols[0]?.id ?? '']);
      expect(j).toEqual(data.patrols[0]);
      const [r] = await source().emergency.resourcesByIds([data.resources[0]?.id ?? '']);
      expect(r).toEqual(data.resources[0]);
      expect(r).not.toHaveProperty('distanceKm');
    });
  });

  describe('search', () => {
    const search = async (text: string) =>
      (await source().projects.list({ ...all, sort: byUpdated, filter: { search: text } })).items.map((p) => p.name);

    it('matches Chinese text anywhere in the name', async () => {
      expect(await search('琼江')).toEqual(['琼江流域生态修复']);
      expect((await search('项目')).length).toBe(7);
    });

    it('matches the code too', async () => {
      expect(await search('XM-100')).toEqual(['100%达标排放工程']);
    });

    it('folds the case of ASCII letters only, as SQLite does (not Ü, not fullwidth letters)', async () => {
      expect(await search('xm-100pct')).toEqual(['100%达标排放工程']);
      expect(await search('ÜBERGANG')).toEqual(['遂宁市项目7 ＰＭ２.５ Übergang']);
      expect(await search('übergang')).toEqual([]);
      expect(await search('ＰＭ２')).toEqual(['遂宁市项目7 ＰＭ２.５ Übergang']);
      expect(await search('ｐｍ２')).toEqual([]);
      expect(await search('🌊')).toEqual(['遂宁市项目8 🌊']);
    });

    it('takes % literally', async () => {
      expect(await search('100%达标')).toEqual(['100%达标排放工程']);
      expect(await search('%')).toEqual(['100%达标排放工程']);
    });

    it('takes _ literally (XMX2024X006 does not match XM_2024)', async () => {
      expect(await search('XM_2024')).toEqual(['琼江流域生态修复']);
    });

    it('takes the escape character itself literally', async () => {
      expect(await search('\\')).toEqual([]);
      expect(await search('\\%')).toEqual([]);
    });

    it('searches case numbers, party names and causes of cases, folding ASCII case', async () => {
      const run = async (text: string) => (await source().cases.listCases({
        ...all, sort: { field: 'filedAt', direction: 'DESC' }, filter: { search: text },
      })).items.map((c) => c.id).sort();
      expect(await run('射洪')).toEqual([data.cases[2]?.id]);
      expect(await run('未批先建')).toEqual([data.cases[2]?.id]);
      expect(await run('〔2024〕9号')).toEqual([data.cases[8]?.id]);
      expect(await run('潼环罚')).toEqual([data.cases[1]?.id]);
      expect(await run('b-2024')).toEqual([data.cases[4]?.id, data.cases[5]?.id].sort());
    });

    it('searches station names, patrol reaches and resource specifications', async () => {
      const stations = await source().monitoring.listStations({
        ...all, sort: { field: 'code', direction: 'ASC' }, filter: { search: '安居' },
      });
      expect(stations.items.map((s) => s.name)).toEqual(['安居区水质自动站']);
      const patrols = await source().cases.listPatrols({
        ...all, sort: { field: 'startedAt', direction: 'DESC' }, filter: { search: '崇龛' },
      });
      expect(patrols.totalCount).toBe(data.patrols.length);
      const resources = await source().emergency.listResources({
        ...all, sort: { field: 'id', direction: 'ASC' }, filter: { search: '_50%' },
      });
      expect(resources.items.map((r) => r.specification)).toEqual(['规格_50%浓度']);
    });
  });
}
