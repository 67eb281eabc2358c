/**
 * Merging from tables: each bureau's answer in (with the hidden `__shard_` selections the
 * engine asked for), the merged `data` and `errors` out. Covers the global sort (instants, numbers,
 * ties), the cut, sums, failures, error-path remapping, entity order and hostile payloads.
 */
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCompositeCursor } from '../../../gateway/shard-engine/compositeCursor.ts';
import { createShardEngine, type CityOutcome, type SendCityFetch, type ShardResponse } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { shardMutationContract } from '../../fixtures/shardMutationContract.ts';

type Answer = (CityOutcome & { kind: 'ok' })['response'] | 'timeout';

/** Bureaus answering from a table; a city missing from the table would be a planning bug. */
const answering = (answers: Readonly<Record<string, Answer>>): SendCityFetch => async ({ city }) => {
  const answer = answers[city];
  if (answer === undefined) throw new Error(`${city} was not expected to be asked`);
  return answer === 'timeout' ? { kind: 'failed', city, reason: 'timeout', message: 'deadline passed' } : { kind: 'ok', city, response: answer };
};

/** A bureau's page of `list: …{ totalCount edges { node { id } } pageInfo { hasNextPage } }` with the hidden selections. */
function page(items: ReadonlyArray<readonly [id: string, sort: unknown]>, more = false, sortAlias = '__shard_sort') {
  return {
    totalCount: items.length + (more ? 10 : 0),
    edges: items.map(([id]) => ({ node: { id } })),
    pageInfo: { hasNextPage: more },
    __shard_edges: items.map(([id, sort]) => ({ __shard_cursor: `own-${id}`, __shard_node: { __shard_id: id, [sortAlias]: sort } })),
    __shard_pageInfo: { hasNextPage: more },
    __shard_totalCount: items.length + (more ? 10 : 0),
  };
}
const ids = (...list: string[]) => list.map((id) => ({ node: { id } }));
const unavailable = (city: string, path: Array<string | number>): GraphQLFormattedError => ({
  message: `City ${city} is unavailable (timeout); its part of this result is missing.`,
  path,
  extensions: { code: 'CITY_UNAVAILABLE', city, reason: 'timeout' },
});

const CASES = `{ list: enforcementCases(first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`;
const NEAR = `{ list: emergencyResources(near: { longitude: 105.6, latitude: 30.5 }, first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`;

interface Row {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly expected: ShardResponse;
}

const connectionRows: Row[] = [
  {
    name: 'orders DateTimes as instants whatever their offset, newest first, and cuts at first',
    query: CASES,
    answers: {
      '500000': { data: { list: page([['a1', '2024-01-01T10:00:00+08:00'], ['a2', '2024-01-01T01:00:00Z']]) } },
      '510900': { data: { list: page([['b1', '2024-01-01T02:30:00Z'], ['b2', '2024-01-01T09:59:00.500+08:00']]) } },
    },
    expected: { data: { list: { totalCount: 4, edges: ids('b1', 'a1', 'b2'), pageInfo: { hasNextPage: true } } } },
  },
  {
    name: 'breaks ties on the sort key by cityCode, then id, in code-unit order',
    query: CASES,
    answers: {
      '510900': { data: { list: page([['B', '2024-01-01T10:00:00+08:00']]) } },
      '500000': { data: { list: page([['Z', '2024-01-01T10:00:00+08:00'], ['a', '2024-01-01T10:00:00+08:00']]) } },
    },
    expected: { data: { list: { totalCount: 3, edges: ids('Z', 'a', 'B'), pageInfo: { hasNextPage: false } } } },
  },
  {
    name: 'compares numbers as numbers (9.5 before 10.25 before 100) under @citySortWhen',
    query: NEAR,
    answers: {
      '500000': { data: { list: page([['r100', 100], ['r101', 101]], false, '__shard_sortWhen') } },
      '510900': { data: { list: page([['r9', 9.5], ['r10', 10.25]], true, '__shard_sortWhen') } },
    },
    expected: { data: { list: { totalCount: 14, edges: ids('r9', 'r10', 'r100'), pageInfo: { hasNextPage: true } } } },
  },
  {
    name: 'keeps the answering bureaus\' page and total when one bureau fails, with CITY_UNAVAILABLE at the field',
    query: CASES,
    answers: {
      '500000': 'timeout',
      '510900': { data: { list: page([['b1', '2024-01-01T02:30:00Z']]) } },
    },
    expected: {
      data: { list: { totalCount: 1, edges: ids('b1'), pageInfo: { hasNextPage: false } } },
      errors: [unavailable('500000', ['list'])],
    },
  },
  {
    name: 'moves a bureau error under edges[i] to the merged index, and one on an item cut from this page onto the field',
    query: CASES,
    answers: {
      '500000': { data: { list: page([['a1', '2024-01-01T10:00:00+08:00'], ['a2', '2024-01-01T09:00:00+08:00']]) } },
      '510900': {
        data: { list: page([['b1', '2024-01-01T09:30:00+08:00'], ['b2', '2024-01-01T08:00:00+08:00']]) },
        errors: [
          { message: 'station lookup failed', path: ['list', 'edges', 0, 'node', 'station'], extensions: { code: 'CITY_SOURCE_UNAVAILABLE', city: 'forged' } },
          { message: 'b2 is broken', path: ['list', 'edges', 1, 'node'] },
        ],
      },
    },
    expected: {
      data: { list: { totalCount: 4, edges: ids('a1', 'b1', 'a2'), pageInfo: { hasNextPage: true } } },
      errors: [
        { message: 'station lookup failed', path: ['list', 'edges', 1, 'node', 'station'], extensions: { code: 'CITY_SOURCE_UNAVAILABLE', city: '510900' } },
        { message: 'b2 is broken', path: ['list'], extensions: { city: '510900' } },
      ],
    },
  },
  {
    name: 'passes a bureau\'s own field error (its null list) through and still merges the others',
    query: CASES,
    answers: {
      '500000': { data: { list: null }, errors: [{ message: 'after is not a valid cursor.', path: ['list'], extensions: { code: 'INVALID_CURSOR' } }] },
      '510900': { data: { list: page([['b1', '2024-01-01T02:30:00Z']]) } },
    },
    expected: {
      data: { list: { totalCount: 1, edges: ids('b1'), pageInfo: { hasNextPage: false } } },
      errors: [{ message: 'after is not a valid cursor.', path: ['list'], extensions: { code: 'INVALID_CURSOR', city: '500000' } }],
    },
  },
];

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { creditCode cases { id } } } }`;
const enterprise = { __typename: 'Enterprise', creditCode: 'E1' };

const entityRows: Row[] = [
  {
    name: 'concatenates a broadcast entity\'s lists in city order and shifts a bureau\'s error index by the lists before it',
    query: ENTITIES,
    variables: { representations: [enterprise] },
    answers: {
      '500000': { data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'a1' }, { id: 'a2' }] }] } },
      '510900': {
        data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'b1' }, { id: 'b2' }] }] },
        errors: [{ message: 'no station', path: ['_entities', 0, 'cases', 1, 'station'] }],
      },
    },
    expected: {
      data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'a1' }, { id: 'a2' }, { id: 'b1' }, { id: 'b2' }] }] },
      errors: [{ message: 'no station', path: ['_entities', 0, 'cases', 3, 'station'], extensions: { city: '510900' } }],
    },
  },
  {
    name: 'ignores __proto__ keys of a bureau\'s payload instead of merging them into a prototype',
    query: ENTITIES,
    variables: { representations: [enterprise] },
    answers: {
      '500000': JSON.parse('{"data":{"_entities":[{"creditCode":"E1","cases":[],"__proto__":{"polluted":true}}]}}'),
      '510900': JSON.parse('{"data":{"_entities":[{"creditCode":"E1","__proto__":{"polluted":true},"cases":[{"id":"b1"}]}]}}'),
    },
    expected: { data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'b1' }] }] } },
  },
  {
    name: 'treats an answer that is not a GraphQL response as that bureau failing (bad-response)',
    query: ENTITIES,
    variables: { representations: [enterprise] },
    answers: {
      '500000': { data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'a1' }] }] } },
      '510900': { data: 'not an object' } as never,
    },
    expected: {
      data: { _entities: [{ creditCode: 'E1', cases: [{ id: 'a1' }] }] },
      errors: [{
        message: 'City 510900 is unavailable (bad-response); its part of this result is missing.',
        path: ['_entities', 0],
        extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'bad-response' },
      }],
    },
  },
];

describe('merging bureau answers', () => {
  const engine = createShardEngine({ contract: loadContract(), cities: ['500000', '510900'] });

  it.each([...connectionRows, ...entityRows])('$name', async ({ query, variables, answers, expected }) => {
    const merged = await engine.execute({ query, variables }, answering(answers));
    expect(JSON.parse(JSON.stringify(merged))).toEqual(expected);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('writes composite cursors that hold each bureau\'s own cursor of its last item taken, and which bureaus ran out', async () => {
    const query = `{ list: enforcementCases(first: 2) { edges { cursor } pageInfo { endCursor } } }`;
    const merged = await engine.execute({ query }, answering({
      '500000': { data: { list: { ...page([['a1', '2024-01-01T10:00:00+08:00']]), edges: [{ cursor: 'own-a1' }] } } },
      '510900': { data: { list: { ...page([['b1', '2024-01-01T09:00:00+08:00'], ['b2', '2024-01-01T08:00:00+08:00']], true), edges: [{ cursor: 'own-b1' }, { cursor: 'own-b2' }] } } },
    }));
    const list = merged.data?.['list'] as { edges: Array<{ cursor: string }>; pageInfo: { endCursor: string } };
    const decoded = list.edges.map((e) => decodeCompositeCursor(e.cursor, 'enforcementCases', 'filedAt DESC'));
    expect(decoded).toEqual([
      { ok: true, cursor: { list: 'enforcementCases', sort: 'filedAt DESC', positions: new Map([['510900', null]]), exhausted: new Map([['500000', 1]]) } },
      { ok: true, cursor: { list: 'enforcementCases', sort: 'filedAt DESC', positions: new Map([['510900', 'own-b1']]), exhausted: new Map([['500000', 1]]) } },
    ]);
    expect(list.pageInfo.endCursor).toBe(list.edges[1]?.cursor);
  });

  it('caps the merged errors at maxErrors', async () => {
    const capped = createShardEngine({ contract: loadContract(), cities: ['500000'], maxErrors: 3 });
    const representations = Array.from({ length: 10 }, (_, i) => ({ __typename: 'EnforcementCase', cityCode: '500000', id: `c${i}` }));
    const merged = await capped.execute({ query: ENTITIES, variables: { representations } }, answering({ '500000': 'timeout' }));
    expect(merged.data).toEqual({ _entities: Array(10).fill(null) });
    expect(merged.errors).toHaveLength(3);
  });
});

describe('merging a LIST fan-out (test contract)', () => {
  const engine = createShardEngine({ contract: shardMutationContract(), cities: ['500000', '510900', '511600'] });

  it('concatenates in ascending city order and shifts error indexes by the items before', async () => {
    const merged = await engine.execute({ query: `{ alerts { message } }` }, answering({
      '511600': { data: { alerts: [{ message: 'c1' }] } },
      '500000': { data: { alerts: [{ message: 'a1' }, { message: 'a2' }] } },
      '510900': { data: { alerts: [{ message: 'b1' }, null] }, errors: [{ message: 'bad alert', path: ['alerts', 1, 'message'] }] },
    }));
    expect(JSON.parse(JSON.stringify(merged))).toEqual({
      data: { alerts: [{ message: 'a1' }, { message: 'a2' }, { message: 'b1' }, null, { message: 'c1' }] },
      errors: [{ message: 'bad alert', path: ['alerts', 3, 'message'], extensions: { city: '510900' } }],
    });
  });

  it('asks only the bureaus in cityCodes and gives [] when none is served', async () => {
    const merged = await engine.execute({ query: `{ a: alerts(cityCodes: ["511600"]) { message } b: alerts(cityCodes: []) { message } }` },
      answering({ '511600': { data: { a: [{ message: 'c1' }] } } }));
    expect(JSON.parse(JSON.stringify(merged))).toEqual({ data: { a: [{ message: 'c1' }], b: [] } });
  });
});
