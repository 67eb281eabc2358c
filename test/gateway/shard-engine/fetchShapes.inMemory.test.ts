/**
 * The shapes of planner fetches the engine must take apart and put back, end to end over in-memory
 * bureaus: several root fields, aliases, named and inline fragments at the root and nested,
 * variables with defaults, `@include`/`@skip`, `__typename`, routed fields, `_service`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { SHARD_BUREAUS, SHARD_CITIES } from '../../fixtures/shardBureauData.ts';

const contract = loadContract();
const engine = createShardEngine({ contract, cities: SHARD_CITIES });
const caseId = (city: string, n: number) => encodeGlobalId('EnforcementCase', city, `C${String(n).padStart(2, '0')}`);

let federation: InMemoryCityFederation;
beforeEach(() => {
  federation = createInMemoryCityFederation(SHARD_BUREAUS);
});

const unknownCity = (city: string, path: string[]) => ({
  message: `cityCodes names "${city}", which no served bureau has; it selected nothing.`,
  path,
  extensions: { code: 'UNKNOWN_CITY', city },
});

const MIXED = /* GraphQL */ `
  query Mixed($cities: [ID!], $withCount: Boolean!, $skipOlder: Boolean = false, $first: Int = 3, $id: ID!) {
    __typename
    recent: enforcementCases(cityCodes: $cities, first: $first) { ...Page }
    older: enforcementCases(cityCodes: ["510900"], first: 1) @skip(if: $skipOlder) { totalCount }
    ... on Query { one: enforcementCase(cityCode: "511600", id: $id) { __typename id caseNumber } }
    ...RootBits
    ... @include(if: $withCount) { counted: jointPatrols { totalCount } }
  }
  fragment Page on EnforcementCaseConnection {
    __typename
    totalCount @include(if: $withCount)
    edges { node { ... on EnforcementCase { id } ...Cities } }
    pageInfo { __typename hasNextPage }
  }
  fragment Cities on EnforcementCase { city: cityCode }
  fragment RootBits on Query { kind: __typename }
`;

describe('a fetch with several root fields, aliases, fragments and directives', () => {
  it('answers every response key as one bureau holding all the data would', async () => {
    const result = await engine.execute(
      { query: MIXED, variables: { cities: ['510900', '511600', '999999'], withCount: true, id: caseId('511600', 2) } },
      federation.send,
    );
    expect(result).toEqual({
      data: {
        __typename: 'Query',
        recent: {
          __typename: 'EnforcementCaseConnection',
          totalCount: 12,
          edges: [
            { node: { id: caseId('510900', 1), city: '510900' } },
            { node: { id: caseId('511600', 1), city: '511600' } },
            { node: { id: caseId('511600', 2), city: '511600' } },
          ],
          pageInfo: { __typename: 'PageInfo', hasNextPage: true },
        },
        older: { totalCount: 7 },
        one: { __typename: 'EnforcementCase', id: caseId('511600', 2), caseNumber: '511600罚〔2024〕C02号' },
        kind: 'Query',
        counted: { totalCount: 0 },
      },
      errors: [unknownCity('999999', ['recent'])],
    });
  });

  it('leaves out what @skip and @include leave out, and asks no bureau for a skipped field', async () => {
    const result = await engine.execute(
      { query: MIXED, variables: { cities: ['500152'], withCount: false, skipOlder: true, id: caseId('511600', 2) } },
      federation.send,
    );
    expect(result.data).toEqual({
      __typename: 'Query',
      recent: { __typename: 'EnforcementCaseConnection', edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false } },
      one: { __typename: 'EnforcementCase', id: caseId('511600', 2), caseNumber: '511600罚〔2024〕C02号' },
      kind: 'Query',
    });
    expect(federation.sent.map((f) => f.city).sort()).toEqual(['500152', '511600']);
  });

  it('gives an empty connection and says UNKNOWN_CITY, without asking anyone, when cityCodes names no served bureau', async () => {
    const result = await engine.execute(
      { query: `{ list: enforcementCases(cityCodes: ["999999"]) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }` },
      federation.send,
    );
    expect(result).toEqual({
      data: { list: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
      errors: [unknownCity('999999', ['list'])],
    });
    expect(federation.sent).toEqual([]);
  });

  it('merges two aliases of one list with different arguments separately', async () => {
    const result = await engine.execute(
      { query: `{ a: enforcementCases(first: 1) { edges { node { id } } } b: enforcementCases(first: 2, status: CLOSED) { edges { node { id } } } }` },
      federation.send,
    );
    expect(result.data).toEqual({
      a: { edges: [{ node: { id: caseId('500000', 1) } }] },
      b: { edges: [{ node: { id: caseId('500000', 1) } }, { node: { id: caseId('510900', 1) } }] },
    });
    expect(federation.sent).toHaveLength(SHARD_CITIES.length); // both aliases travel in one fetch per bureau
  });
});

describe('routed root fields', () => {
  it.each([
    ['a city code literal', `{ x: enforcementCase(cityCode: "510900", id: "${caseId('510900', 3)}") { id } }`, {}, '510900'],
    ['a city code variable', `query($c: ID!, $i: ID!) { x: enforcementCase(cityCode: $c, id: $i) { id } }`, { c: '510900', i: caseId('510900', 3) }, '510900'],
    ['a global id (node)', `query($i: ID!) { x: node(id: $i) { ... on EnforcementCase { id } } }`, { i: caseId('510900', 3) }, '510900'],
  ])('sends a field routed by %s to that bureau only', async (_name, query, variables, city) => {
    const result = await engine.execute({ query, variables }, federation.send);
    expect(result).toEqual({ data: { x: { id: caseId('510900', 3) } } });
    expect(federation.sent.map((f) => f.city)).toEqual([city]);
  });

  it.each([
    ['an unknown city code', `{ x: enforcementCase(cityCode: "999999", id: "abc") { id } }`, 'UNKNOWN_CITY'],
    ['a global id of no served bureau', `{ x: node(id: "${encodeGlobalId('Project', '650100', 'P1')}") { id } }`, 'UNKNOWN_CITY'],
    ['a malformed global id', `{ x: node(id: "not-an-id") { id } }`, 'INVALID_ID'],
  ])('answers %s with null and an error, asking no bureau', async (_name, query, code) => {
    const result = await engine.execute({ query }, federation.send);
    expect(result.data).toEqual({ x: null });
    expect(result.errors).toMatchObject([{ path: ['x'], extensions: { code } }]);
    expect(federation.sent).toEqual([]);
  });
});

describe('_service', () => {
  it('answers the SDL from the contract without asking any bureau', async () => {
    const result = await engine.execute({ query: `{ _service { sdl __typename } }` }, federation.send);
    const service = result.data?.['_service'] as { sdl: string; __typename: string };
    expect(service.__typename).toBe('_Service');
    expect(service.sdl).toContain('type EnforcementCase implements Node @key(fields: "cityCode id")');
    expect(federation.sent).toEqual([]);
  });
});
