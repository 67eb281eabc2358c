/**
 * Planning from tables: a planner fetch and its variables in, the per-bureau fetches out,
 * compared after `print(parse())` so layout does not matter. Every bureau answers "timeout" here:
 * only what is sent is under test.
 */
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encodeCompositeCursor } from '../../../gateway/shard-engine/compositeCursor.ts';
import { createShardEngine, type CityFetch } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { loadContract } from '../../../schema/loadContract.ts';

const CITIES = ['500000', '510900', '511600'];
const engine = createShardEngine({ contract: loadContract(), cities: CITIES });

/** The selections the engine adds to a connection to merge it. */
const hidden = (sort: string, sortWhen?: string) => `
  __shard_edges: edges { __shard_cursor: cursor __shard_node: node { __shard_id: id __shard_sort: ${sort}${sortWhen ? ` __shard_sortWhen: ${sortWhen}` : ''} } }
  __shard_pageInfo: pageInfo { hasNextPage }
  __shard_totalCount: totalCount`;

interface Row {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly expected: ReadonlyArray<{ city: string; query: string; variables: Record<string, unknown> }>;
}

const caseKey = (cityCode: string, local: string) => ({ __typename: 'EnforcementCase', cityCode, id: encodeGlobalId('EnforcementCase', cityCode, local) });
const enterprise = { __typename: 'Enterprise', creditCode: '91510900MA62XXXX0A' };
const cursor = encodeCompositeCursor({
  list: 'enforcementCases', sort: 'filedAt DESC',
  positions: new Map([['500000', 'QUJD'], ['510900', null]]),
  exhausted: new Map([['511600', 4]]),
});

const rows: Row[] = [
  {
    name: 'sends a fan-out connection to every served bureau, each with its own after and the hidden merge selections',
    query: `query Q($first: Int) { enforcementCases(first: $first) { edges { node { id } } } }`,
    variables: { first: 5 },
    expected: CITIES.map((city) => ({
      city,
      query: `query Q($first: Int, $__shard_after_enforcementCases: String) {
        enforcementCases(first: $first, after: $__shard_after_enforcementCases) { edges { node { id } } ${hidden('filedAt')} } }`,
      variables: { first: 5, __shard_after_enforcementCases: null },
    })),
  },
  {
    name: 'asks only the bureaus in cityCodes, ignoring codes no bureau serves',
    query: `{ list: stations(cityCodes: ["510900", "999999"]) { totalCount } }`,
    expected: [{
      city: '510900',
      query: `query($__shard_after_list: String) { list: stations(cityCodes: ["510900", "999999"], after: $__shard_after_list) { totalCount ${hidden('code')} } }`,
      variables: { __shard_after_list: null },
    }],
  },
  {
    name: 'asks for both sort keys of a list with @citySortWhen, and passes the client\'s after nowhere',
    query: `query R($near: GeoPointInput, $after: String) { emergencyResources(near: $near, after: $after) { totalCount } }`,
    variables: { near: { longitude: 105.6, latitude: 30.5 } },
    expected: CITIES.map((city) => ({
      city,
      query: `query R($near: GeoPointInput, $__shard_after_emergencyResources: String) {
        emergencyResources(near: $near, after: $__shard_after_emergencyResources) { totalCount ${hidden('id', 'distanceKm')} } }`,
      variables: { near: { longitude: 105.6, latitude: 30.5 }, __shard_after_emergencyResources: null },
    })),
  },
  {
    name: 'splits root fields by bureau, each document keeping only the fragments and variables its fields use',
    query: `query Q($pid: ID!, $status: CaseStatus) {
      project(cityCode: "510900", id: $pid) { ...P }
      cases: enforcementCases(cityCodes: ["500000", "510900"], status: $status) { edges { node { ...C } } }
    }
    fragment P on Project { name }
    fragment C on EnforcementCase { caseNumber ...D }
    fragment D on EnforcementCase { filedAt }`,
    variables: { pid: 'p1' },
    expected: [
      {
        city: '510900',
        query: `query Q($pid: ID!, $status: CaseStatus, $__shard_after_cases: String) {
          project(cityCode: "510900", id: $pid) { ...P }
          cases: enforcementCases(cityCodes: ["500000", "510900"], status: $status, after: $__shard_after_cases) { edges { node { ...C } } ${hidden('filedAt')} }
        }
        fragment P on Project { name }
        fragment C on EnforcementCase { caseNumber ...D }
        fragment D on EnforcementCase { filedAt }`,
        variables: { pid: 'p1', __shard_after_cases: null },
      },
      {
        city: '500000',
        query: `query Q($status: CaseStatus, $__shard_after_cases: String) {
          cases: enforcementCases(cityCodes: ["500000", "510900"], status: $status, after: $__shard_after_cases) { edges { node { ...C } } ${hidden('filedAt')} }
        }
        fragment C on EnforcementCase { caseNumber ...D }
        fragment D on EnforcementCase { filedAt }`,
        variables: { __shard_after_cases: null },
      },
    ],
  },
  {
    name: 'evaluates root @include/@skip, drops them and the root fragments, and keeps nested directives',
    query: `query Q($a: Boolean!, $b: Boolean!, $deep: Boolean!) {
      ...Root
      x: project(cityCode: "500000", id: "i") @include(if: $a) { id name @include(if: $deep) }
      y: project(cityCode: "500000", id: "j") @skip(if: $b) { id }
      ... on Query @include(if: $b) { z: station(cityCode: "500000", id: "k") { id } }
      __typename
    }
    fragment Root on Query { w: station(cityCode: "511600", id: "s") { code } }`,
    variables: { a: true, b: true, deep: false },
    expected: [
      { city: '511600', query: `query Q { w: station(cityCode: "511600", id: "s") { code } }`, variables: {} },
      {
        city: '500000',
        query: `query Q($deep: Boolean!) {
          x: project(cityCode: "500000", id: "i") { id name @include(if: $deep) }
          z: station(cityCode: "500000", id: "k") { id } }`,
        variables: { deep: false },
      },
    ],
  },
  {
    name: 'routes node(id) to the bureau inside the global id',
    query: `query N($id: ID!) { node(id: $id) { id } }`,
    variables: { id: encodeGlobalId('Station', '511600', 'S1') },
    expected: [{ city: '511600', query: `query N($id: ID!) { node(id: $id) { id } }`, variables: { id: encodeGlobalId('Station', '511600', 'S1') } }],
  },
  {
    name: 'gives each bureau its share of _entities and every bureau the keys without a city, each once',
    query: `query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on EnforcementCase { id } } }`,
    variables: { representations: [caseKey('511600', 'C1'), enterprise, caseKey('500000', 'C9'), caseKey('511600', 'C1'), enterprise] },
    expected: [
      { city: '500000', representations: [enterprise, caseKey('500000', 'C9')] },
      { city: '510900', representations: [enterprise] },
      { city: '511600', representations: [caseKey('511600', 'C1'), enterprise] },
    ].map(({ city, representations }) => ({
      city,
      query: `query E($__shard_representations__entities: [_Any!]!) {
        _entities(representations: $__shard_representations__entities) { ... on EnforcementCase { id } } }`,
      variables: { __shard_representations__entities: representations },
    })),
  },
  {
    name: 'resumes each bureau of a composite cursor after its own cursor, and does not ask bureaus that ran out',
    query: `query P($after: String) { enforcementCases(first: 2, after: $after) { totalCount } }`,
    variables: { after: cursor },
    expected: [['500000', 'QUJD'], ['510900', null]].map(([city, after]) => ({
      city: city as string,
      query: `query P($__shard_after_enforcementCases: String) {
        enforcementCases(first: 2, after: $__shard_after_enforcementCases) { totalCount ${hidden('filedAt')} } }`,
      variables: { __shard_after_enforcementCases: after },
    })),
  },
];

describe('planning per-bureau fetches', () => {
  it.each(rows)('$name', async ({ query, variables, expected }) => {
    const sent: CityFetch[] = [];
    await engine.execute({ query, variables }, async (fetch) => {
      sent.push(fetch);
      return { kind: 'failed', city: fetch.city, reason: 'timeout', message: 'not under test' };
    });
    expect(sent.map((f) => ({ city: f.city, query: f.query, variables: f.variables })))
      .toEqual(expected.map((e) => ({ ...e, query: print(parse(e.query)) })));
    expect(sent.every((f) => f.operation === 'query')).toBe(true);
  });

  it('prints each distinct per-bureau document once and reuses it for the next call of the same fetch', async () => {
    const first: CityFetch[] = [];
    const second: CityFetch[] = [];
    const request = { query: `{ enforcementCases { totalCount } }` };
    const fail = (into: CityFetch[]) => async (fetch: CityFetch) => {
      into.push(fetch);
      return { kind: 'failed' as const, city: fetch.city, reason: 'timeout' as const, message: '' };
    };
    await engine.execute(request, fail(first));
    await engine.execute(request, fail(second));
    expect(second.map((f) => f.query)).toEqual(first.map((f) => f.query));
  });
});
