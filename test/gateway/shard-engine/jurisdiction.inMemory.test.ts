/**
 * Jurisdiction-aware execution (issue 7 item 5), in process over four in-memory bureaus that record
 * every fetch: a fan-out asks only the bureaus the caller may reach (its totals and pages cover only
 * those), and anything the request names outside them is FORBIDDEN without that bureau ever being
 * contacted, while the rest of the response is intact. The bureaus asked directly are the reference.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createShardEngine, type CityFetch, type CityOutcome } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { SHARD_BUREAUS, SHARD_CITIES } from '../../fixtures/shardBureauData.ts';
import { shardMutationContract } from '../../fixtures/shardMutationContract.ts';
import { ENTERPRISE_A } from '../../fixtures/shardRecords.ts';

const engine = createShardEngine({ contract: loadContract(), cities: SHARD_CITIES });
/** A caller of 重庆 and 遂宁: 500152 and 511600 are outside. */
const MINE = new Set(['500000', '510900']);
const OUTSIDE = ['500152', '511600'];
const caseId = (city: string, n: number) => encodeGlobalId('EnforcementCase', city, `C${String(n).padStart(2, '0')}`);

let federation: InMemoryCityFederation;
beforeEach(() => {
  federation = createInMemoryCityFederation(SHARD_BUREAUS);
});
const contacted = () => [...new Set(federation.sent.map((f) => f.city))].sort();
const forbidden = (city: string, path: Array<string | number>) => ({
  message: `City "${city}" is outside your jurisdiction; it was not asked.`,
  path,
  extensions: { code: 'FORBIDDEN', city, reason: 'out-of-jurisdiction' },
});

const CASES = /* GraphQL */ `
  query Cases($first: Int, $after: String, $cityCodes: [ID!]) {
    list: enforcementCases(first: $first, after: $after, cityCodes: $cityCodes) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id cityCode } }
    }
  }`;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; cityCode: string } }> };

/** Each bureau's whole case list and count, asked directly. */
async function bureauCases(city: string) {
  const answer = await federation.ask(city, `{ list: enforcementCases(first: 100) { totalCount edges { node { id } } } }`);
  const list = (answer.response.data as { list: { totalCount: number; edges: Array<{ node: { id: string } }> } }).list;
  return { totalCount: list.totalCount, ids: list.edges.map((e) => e.node.id) };
}

async function walk(jurisdiction: ReadonlySet<string> | null, first: number, after: string | null = null) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let pages = 0; pages < 100; pages += 1) {
    const result = await engine.execute({ query: CASES, variables: { first, after } }, federation.send, { jurisdiction });
    expect(result.errors).toBeUndefined();
    const list = (result.data as { list: Page }).list;
    ids.push(...list.edges.map((e) => e.node.id));
    totals.add(list.totalCount);
    if (!list.pageInfo.hasNextPage) return { ids, totals };
    after = list.pageInfo.endCursor;
  }
  throw new Error('the walk does not end');
}

describe('fan-out within a jurisdiction', () => {
  it('asks only the reachable bureaus, and its pages and totalCount cover exactly their items', async () => {
    const reference = await Promise.all([...MINE].map(bureauCases));
    federation.sent.length = 0;
    const { ids, totals } = await walk(MINE, 3);
    expect(contacted()).toEqual([...MINE]);
    expect(ids.sort()).toEqual(reference.flatMap((r) => r.ids).sort());
    expect([...totals]).toEqual([reference.reduce((sum, r) => sum + r.totalCount, 0)]);
    expect(ids.some((id) => OUTSIDE.some((city) => id === caseId(city, 1)))).toBe(false);
  });

  it('behaves as before with no jurisdiction (null) and asks nobody with an empty one', async () => {
    await walk(null, 100);
    expect(contacted()).toEqual([...SHARD_CITIES]);
    federation.sent.length = 0;
    const result = await engine.execute({ query: CASES, variables: {} }, federation.send, { jurisdiction: new Set() });
    expect(result).toEqual({ data: { list: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } });
    expect(federation.sent).toEqual([]);
  });

  it('never follows a cursor into a bureau outside the jurisdiction, nor counts its total', async () => {
    // A cursor made for an unrestricted caller (all four bureaus, some exhausted), replayed by a restricted one.
    const first = await engine.execute({ query: CASES, variables: { first: 12 } }, federation.send);
    const cursor = (first.data as { list: Page }).list.pageInfo.endCursor;
    federation.sent.length = 0;
    const { ids, totals } = await walk(MINE, 5, cursor);
    expect(contacted()).toEqual([...MINE]);
    expect(ids.every((id) => [...MINE].some((city) => Buffer.from(id, 'base64url').toString().includes(`:${city}:`)))).toBe(true);
    const reference = await Promise.all([...MINE].map(bureauCases));
    expect([...totals]).toEqual([reference.reduce((sum, r) => sum + r.totalCount, 0)]);
  });

  it('refuses cityCodes entries outside the jurisdiction with FORBIDDEN each, and still merges the reachable ones', async () => {
    const reference = await bureauCases('510900');
    federation.sent.length = 0;
    const result = await engine.execute({ query: CASES, variables: { first: 100, cityCodes: ['511600', '510900', '999999'] } }, federation.send, { jurisdiction: MINE });
    expect(contacted()).toEqual(['510900']);
    expect((result.data as { list: Page }).list.totalCount).toBe(reference.totalCount);
    expect((result.data as { list: Page }).list.edges.map((e) => e.node.id)).toEqual(reference.ids);
    expect(result.errors).toEqual([forbidden('511600', ['list']), forbidden('999999', ['list'])]);
  });

  it('nulls the field when every named bureau is outside, asking nobody', async () => {
    const result = await engine.execute({ query: CASES, variables: { cityCodes: ['511600'] } }, federation.send, { jurisdiction: MINE });
    expect(result).toEqual({ data: { list: null }, errors: [forbidden('511600', ['list'])] });
    expect(federation.sent).toEqual([]);
  });
});

describe('routed lookups outside a jurisdiction', () => {
  const ROUTED = /* GraphQL */ `
    query Routed($outside: ID!, $inside: ID!) {
      theirs: enforcementCase(cityCode: "511600", id: $outside) { id }
      mine: enforcementCase(cityCode: "510900", id: $inside) { id }
      theirNode: node(id: $outside) { id }
      myNode: node(id: $inside) { id }
    }`;

  it('are FORBIDDEN without contacting the bureau, by cityCode and by global id, the rest intact', async () => {
    const variables = { outside: caseId('511600', 1), inside: caseId('510900', 1) };
    const result = await engine.execute({ query: ROUTED, variables }, federation.send, { jurisdiction: MINE });
    expect(contacted()).toEqual(['510900']);
    expect(result.data).toEqual({ theirs: null, mine: { id: variables.inside }, theirNode: null, myNode: { id: variables.inside } });
    expect(result.errors).toEqual([forbidden('511600', ['theirs']), forbidden('511600', ['theirNode'])]);
  });

  it('are FORBIDDEN even for a code no bureau serves, while an unknown code inside stays UNKNOWN_CITY', async () => {
    const query = `{ a: station(cityCode: "999999", id: "S01") { id } b: station(cityCode: "999999", id: "S01") { id } }`;
    const outside = await engine.execute({ query }, federation.send, { jurisdiction: MINE });
    expect(outside.errors).toEqual([forbidden('999999', ['a']), forbidden('999999', ['b'])]);
    const inside = await engine.execute({ query }, federation.send, { jurisdiction: new Set(['999999']) });
    expect(inside.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNKNOWN_CITY', 'UNKNOWN_CITY']);
    expect(federation.sent).toEqual([]);
  });
});

describe('_entities within a jurisdiction', () => {
  const ENTITIES = /* GraphQL */ `
    query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on EnforcementCase { id }
        ... on Enterprise { creditCode cases { cityCode } }
      }
    }`;

  it('refuses representations of outside bureaus slot by slot and broadcasts only to reachable bureaus', async () => {
    const representations = [
      { __typename: 'EnforcementCase', cityCode: '511600', id: caseId('511600', 1) },
      { __typename: 'EnforcementCase', cityCode: '500000', id: caseId('500000', 1) },
      { __typename: 'Enterprise', creditCode: ENTERPRISE_A },
      { __typename: 'EnforcementCase', cityCode: '511600', id: caseId('511600', 1) },
    ];
    const result = await engine.execute({ query: ENTITIES, variables: { representations } }, federation.send, { jurisdiction: MINE });
    expect(contacted()).toEqual([...MINE]);
    const [theirs, mine, enterprise, again] = (result.data as { _entities: Array<Record<string, unknown> | null> })._entities;
    expect([theirs, again]).toEqual([null, null]);
    expect(mine).toEqual({ id: caseId('500000', 1) });
    const caseCities = new Set((enterprise?.['cases'] as Array<{ cityCode: string }>).map((c) => c.cityCode));
    expect([...caseCities].sort()).toEqual(['500000', '510900']);
    expect(result.errors).toEqual([forbidden('511600', ['_entities', 0]), forbidden('511600', ['_entities', 3])]);
  });
});

describe('LIST fan-outs and mutations within a jurisdiction', () => {
  const listEngine = createShardEngine({ contract: shardMutationContract(), cities: ['500000', '510900', '511600'] });
  const recorded = (sent: CityFetch[]) => async (fetch: CityFetch): Promise<CityOutcome> => {
    sent.push(fetch);
    const data = fetch.operation === 'mutation'
      ? { ack: { message: `ok ${fetch.city}` } }
      : { alerts: [{ cityCode: fetch.city }] };
    return { kind: 'ok', city: fetch.city, response: { data } };
  };

  it('concatenates only reachable bureaus, refuses named outside ones, and nulls the list when none is left', async () => {
    const sent: CityFetch[] = [];
    const query = `query($only: [ID!]) { alerts(cityCodes: $only) { cityCode } }`;
    const all = await listEngine.execute({ query }, recorded(sent), { jurisdiction: new Set(['510900', '511600']) });
    expect(all).toEqual({ data: { alerts: [{ cityCode: '510900' }, { cityCode: '511600' }] } });
    const some = await listEngine.execute({ query, variables: { only: ['500000', '511600'] } }, recorded(sent), { jurisdiction: new Set(['511600']) });
    expect(some).toEqual({ data: { alerts: [{ cityCode: '511600' }] }, errors: [forbidden('500000', ['alerts'])] });
    const none = await listEngine.execute({ query, variables: { only: ['500000'] } }, recorded(sent), { jurisdiction: new Set(['511600']) });
    expect(none).toEqual({ data: { alerts: null }, errors: [forbidden('500000', ['alerts'])] });
    expect(sent.map((f) => f.city)).toEqual(['510900', '511600', '511600']);
  });

  it('refuses a routed mutation to an outside bureau without sending it', async () => {
    const sent: CityFetch[] = [];
    const mutation = `mutation { ack: acknowledgeAlert(cityCode: "500000") { message } }`;
    const result = await listEngine.execute({ query: mutation }, recorded(sent), { jurisdiction: new Set(['511600']) });
    expect(result).toEqual({ data: { ack: null }, errors: [forbidden('500000', ['ack'])] });
    expect(sent).toEqual([]);
  });
});
