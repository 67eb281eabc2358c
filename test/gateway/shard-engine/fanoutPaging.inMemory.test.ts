/**
 * Fan-out connections end to end, in process: four in-memory bureaus run the real kit, the engine
 * splits, sends, merges. The bureaus themselves are the reference: a merged list must be exactly
 * the union of what each bureau answers alone, in the global order (sort, cityCode, id).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { NEAR, SHARD_BUREAUS, SHARD_CITIES } from '../../fixtures/shardBureauData.ts';

const engine = createShardEngine({ contract: loadContract(), cities: SHARD_CITIES });
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

let federation: InMemoryCityFederation;
beforeEach(() => {
  federation = createInMemoryCityFederation(SHARD_BUREAUS);
});

type Page = {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string; cityCode: string; [field: string]: unknown } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

async function page(query: string, variables: Record<string, unknown>): Promise<Page> {
  const result = await engine.execute({ query, variables }, federation.send);
  expect(result.errors).toBeUndefined();
  return (result.data as { list: Page }).list;
}

async function walk(query: string, variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const current: Page = await page(query, { ...variables, first, after });
    pages += 1;
    ids.push(...current.edges.map((e) => e.node.id));
    totals.add(current.totalCount);
    if (!current.pageInfo.hasNextPage) return { ids, totals, pages };
    after = current.pageInfo.endCursor;
    if (pages > 100) throw new Error('the walk does not end');
  }
}

const CASES = /* GraphQL */ `
  query Cases($first: Int, $after: String, $status: CaseStatus) {
    list: enforcementCases(first: $first, after: $after, status: $status) {
      totalCount
      edges { cursor node { id cityCode filedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const allCases = Object.values(SHARD_BUREAUS).flatMap((b) => b.cases ?? []);
const casesInGlobalOrder = [...allCases]
  .sort((a, b) => b.filedAt - a.filedAt || byCodeUnits(a.cityCode, b.cityCode) || byCodeUnits(a.id, b.id))
  .map((c) => c.id);

describe('a fan-out connection across in-memory bureaus', () => {
  it('equals the union of the single-bureau answers, in (filedAt DESC, cityCode, id) order, with totalCount summed', async () => {
    const variables = { first: 100, status: 'CLOSED' };
    const merged = await page(CASES, variables);
    const alone = await Promise.all(SHARD_CITIES.map((city) => federation.ask(city, CASES, variables)));
    const lists = alone.map((answer) => (answer.response.data as { list: Page }).list);
    expect(new Set(merged.edges.map((e) => e.node.id))).toEqual(new Set(lists.flatMap((l) => l.edges.map((e) => e.node.id))));
    expect(merged.edges).toHaveLength(lists.reduce((n, l) => n + l.edges.length, 0));
    expect(merged.totalCount).toBe(lists.reduce((n, l) => n + l.totalCount, 0));
    expect(merged.edges.map((e) => e.node.id)).toEqual(casesInGlobalOrder.filter((id) => allCases.find((c) => c.id === id)?.status === 'CLOSED'));
    expect(merged.pageInfo.hasNextPage).toBe(false);
  });

  it.each([1, 7, 50])('walks every case exactly once in global order with first = %i, ties across bureaus included', async (first) => {
    const { ids, totals, pages } = await walk(CASES, {}, first);
    expect(ids).toEqual(casesInGlobalOrder);
    expect([...totals]).toEqual([allCases.length]);
    expect(pages).toBe(Math.max(1, Math.ceil(allCases.length / first)));
  });

  it('does not ask a bureau again once it ran out, yet keeps its count in totalCount', async () => {
    const first = await page(CASES, { first: 7 });
    federation.sent.length = 0;
    const second = await page(CASES, { first: 7, after: first.pageInfo.endCursor });
    // 500152 has no cases: exhausted on page one, never asked again.
    expect(federation.sent.map((f) => f.city)).toEqual(['500000', '510900', '511600']);
    expect(second.totalCount).toBe(allCases.length);
  });

  it('resumes after any edge cursor, not only endCursor', async () => {
    const first = await page(CASES, { first: 10 });
    const resumed = await page(CASES, { first: 5, after: first.edges[3]?.cursor });
    expect(resumed.edges.map((e) => e.node.id)).toEqual(casesInGlobalOrder.slice(4, 9));
  });

  it('answers first: 0 with no edges, the total and whether any bureau has items', async () => {
    expect(await page(CASES, { first: 0 })).toEqual({ totalCount: allCases.length, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    expect(federation.sent).toHaveLength(SHARD_CITIES.length);
  });
});

describe('emergency resources near a point (sorted by distance through @citySortWhen)', () => {
  const RESOURCES = /* GraphQL */ `
    query Near($near: GeoPointInput, $radiusKm: Float, $first: Int, $after: String) {
      list: emergencyResources(near: $near, radiusKm: $radiusKm, first: $first, after: $after) {
        totalCount
        edges { cursor node { id cityCode distanceKm } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
  const near = { near: NEAR, radiusKm: 100 };

  async function referenceOrder(): Promise<string[]> {
    const alone = await Promise.all(SHARD_CITIES.map((city) => federation.ask(city, RESOURCES, { ...near, first: 100 })));
    const nodes = alone.flatMap((a) => (a.response.data as { list: Page }).list.edges.map((e) => e.node));
    return nodes
      .sort((a, b) => (a.distanceKm as number) - (b.distanceKm as number) || byCodeUnits(a.cityCode, b.cityCode) || byCodeUnits(a.id, b.id))
      .map((n) => n.id);
  }

  it.each([1, 7, 50])('walks every resource within the radius once, nearest first, with first = %i', async (first) => {
    const expected = await referenceOrder();
    expect(expected).toHaveLength(10); // 12 resources, 2 in 上海 outside 100 km
    const { ids, totals } = await walk(RESOURCES, near, first);
    expect(ids).toEqual(expected);
    expect([...totals]).toEqual([10]);
  });

  it('has distances that tie across bureaus, so the walks above exercise the (cityCode, id) tie-breaker', async () => {
    const alone = await Promise.all(SHARD_CITIES.map((city) => federation.ask(city, RESOURCES, { ...near, first: 100 })));
    const cityOfDistance = new Map<unknown, Set<string>>();
    for (const node of alone.flatMap((a) => (a.response.data as { list: Page }).list.edges.map((e) => e.node))) {
      cityOfDistance.set(node.distanceKm, (cityOfDistance.get(node.distanceKm) ?? new Set()).add(node.cityCode));
    }
    expect([...cityOfDistance.values()].filter((cities) => cities.size > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('walks the default order (id ASC) without near, and refuses a cursor of the distance order there', async () => {
    const allIds = Object.values(SHARD_BUREAUS).flatMap((b) => b.resources ?? []).map((r) => r.id).sort(byCodeUnits);
    const { ids } = await walk(RESOURCES, {}, 5);
    expect(ids).toEqual(allIds);
    const byDistance = await page(RESOURCES, { ...near, first: 2 });
    federation.sent.length = 0;
    const result = await engine.execute({ query: RESOURCES, variables: { first: 2, after: byDistance.pageInfo.endCursor } }, federation.send);
    expect(result).toEqual({
      data: { list: null },
      errors: [{
        message: 'after is not a valid cursor: it was taken from this list sorted by distanceKm ASC, not id ASC.',
        path: ['list'],
        extensions: { argument: 'after', code: 'INVALID_CURSOR' },
      }],
    });
    expect(federation.sent).toEqual([]);
  });
});

describe('refused paging arguments', () => {
  it.each([
    ['a bureau cursor', { after: 'WzEsImZpbGVkQXQiLCJERVNDIiwxLCJhIl0' }, 'INVALID_CURSOR'],
    ['garbage', { after: 'not a cursor!' }, 'INVALID_CURSOR'],
    ['first above 100', { first: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ['a negative first', { first: -1 }, 'PAGE_SIZE_OUT_OF_RANGE'],
  ])('gives %s an error for the field without asking any bureau', async (_name, variables, code) => {
    const result = await engine.execute({ query: CASES, variables }, federation.send);
    expect(result.data).toEqual({ list: null });
    expect(result.errors).toMatchObject([{ path: ['list'], extensions: { code } }]);
    expect(federation.sent).toEqual([]);
  });
});
