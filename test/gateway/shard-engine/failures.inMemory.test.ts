/**
 * One dead bureau must not wipe out a response (README.md, "How the gateway joins the bureaus"):
 * the others' data comes through intact, with one CITY_UNAVAILABLE error naming the missing bureau.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { SHARD_BUREAUS, SHARD_CITIES } from '../../fixtures/shardBureauData.ts';

const engine = createShardEngine({ contract: loadContract(), cities: SHARD_CITIES });
const CASES = /* GraphQL */ `
  query($first: Int, $after: String) {
    list: enforcementCases(first: $first, after: $after) {
      totalCount
      edges { node { id cityCode } }
      pageInfo { hasNextPage endCursor }
    }
    routed: enforcementCase(cityCode: "510900", id: "x") { id }
  }`;

let federation: InMemoryCityFederation;
beforeEach(() => {
  federation = createInMemoryCityFederation(SHARD_BUREAUS);
});

type Page = { totalCount: number; edges: Array<{ node: { id: string; cityCode: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };

describe('a bureau that does not answer', () => {
  it('gives the other bureaus\' merged list, their totalCount, and CITY_UNAVAILABLE for each field it owed', async () => {
    federation.failing.add('510900');
    const result = await engine.execute({ query: CASES, variables: { first: 100 } }, federation.send);
    const list = result.data?.['list'] as Page;
    expect(new Set(list.edges.map((e) => e.node.cityCode))).toEqual(new Set(['500000', '511600']));
    expect(list.totalCount).toBe(14);
    expect(result.data?.['routed']).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'City 510900 is unavailable (timeout); its part of this result is missing.',
        path: ['list'],
        extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'timeout' },
      },
      {
        message: 'City 510900 is unavailable (timeout); its part of this result is missing.',
        path: ['routed'],
        extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'timeout' },
      },
    ]);
  });

  it('keeps its position in the cursor, so continuing the walk picks it up once it is back', async () => {
    federation.failing.add('510900');
    const first = (await engine.execute({ query: CASES, variables: { first: 100 } }, federation.send)).data?.['list'] as Page;
    expect(first.pageInfo.hasNextPage).toBe(false);
    federation.failing.clear();
    const next = (await engine.execute({ query: CASES, variables: { first: 100, after: first.pageInfo.endCursor } }, federation.send)).data?.['list'] as Page;
    expect(next.edges.map((e) => e.node.cityCode)).toEqual(Array(7).fill('510900'));
  });

  it('reports a bureau named by the cursor but no longer served, and still merges the rest', async () => {
    const LIST = `query($after: String) { list: enforcementCases(first: 3, after: $after) { edges { node { cityCode } } pageInfo { endCursor } } }`;
    const first = (await engine.execute({ query: LIST }, federation.send)).data?.['list'] as Page;
    expect(first.edges.map((e) => e.node.cityCode)).toEqual(['500000', '500000', '510900']);
    const without511600 = engine.withCities(['500000', '500152', '510900']);
    const result = await without511600.execute({ query: LIST, variables: { after: first.pageInfo.endCursor } }, federation.send);
    expect((result.data?.['list'] as Page).edges.map((e) => e.node.cityCode)).toEqual(['500000', '510900', '500000']); // 9 h, 8 h, then the 7 h tie goes to 500000
    expect(result.errors).toEqual([{
      message: 'City 511600 is unavailable (not-served); its part of this result is missing.',
      path: ['list'],
      extensions: { code: 'CITY_UNAVAILABLE', city: '511600', reason: 'not-served' },
    }]);
  });

  it('makes the list null only when every bureau asked failed', async () => {
    for (const city of SHARD_CITIES) federation.failing.add(city);
    const result = await engine.execute({ query: CASES, variables: { first: 5 } }, federation.send);
    expect(result.data).toEqual({ list: null, routed: null });
    expect(result.errors).toHaveLength(SHARD_CITIES.length + 1);
  });
});
