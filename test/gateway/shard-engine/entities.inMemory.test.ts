/**
 * `_entities` end to end over in-memory bureaus: representations split by the `cityCode` in their
 * key, answers back in the original order (Apollo Federation subgraph spec), identical
 * representations sent once, error paths moved to the original index, and `Enterprise` (keyed
 * without a city) broadcast to every bureau and merged.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createInMemoryCityFederation, type InMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { SHARD_BUREAUS, SHARD_CITIES } from '../../fixtures/shardBureauData.ts';
import { ENTERPRISE_A } from '../../fixtures/shardRecords.ts';

const engine = createShardEngine({ contract: loadContract(), cities: SHARD_CITIES });
const caseId = (city: string, n: number) => encodeGlobalId('EnforcementCase', city, `C${String(n).padStart(2, '0')}`);
const caseKey = (cityCode: string, n: number) => ({ __typename: 'EnforcementCase', cityCode, id: caseId(cityCode, n) });
const stationId = (city: string, local: string) => encodeGlobalId('Station', city, local);

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on EnforcementCase { __typename id cityCode }
      ...EnterpriseBits
    }
  }
  fragment EnterpriseBits on Enterprise { creditCode cases { id } sources { id } }
`;

let federation: InMemoryCityFederation;
beforeEach(() => {
  federation = createInMemoryCityFederation(SHARD_BUREAUS);
});

const sentRepresentations = () =>
  Object.fromEntries(federation.sent.map((f) => [f.city, f.variables['__shard_representations__entities']]));

describe('_entities across bureaus', () => {
  it('returns answers in the original order, sends duplicates once, and nulls only the slots of a bureau whose _entities failed', async () => {
    const representations = [
      caseKey('511600', 1),
      caseKey('500000', 2),
      caseKey('511600', 1),
      { __typename: 'EnforcementCase', cityCode: '999999', id: 'x' },
      { __typename: 'EnforcementCase', cityCode: '510900', id: encodeGlobalId('Project', '510900', 'P1') },
      caseKey('510900', 3),
    ];
    const result = await engine.execute({ query: ENTITIES, variables: { representations } }, federation.send);
    expect(result.data).toEqual({
      _entities: [
        { __typename: 'EnforcementCase', id: caseId('511600', 1), cityCode: '511600' },
        { __typename: 'EnforcementCase', id: caseId('500000', 2), cityCode: '500000' },
        { __typename: 'EnforcementCase', id: caseId('511600', 1), cityCode: '511600' },
        null,
        // The kit refuses the whole field when one key is not an EnforcementCase id: 510900's slots only.
        null,
        null,
      ],
    });
    expect(result.errors).toEqual([
      {
        message: 'The representation\'s cityCode "999999" names no served bureau.',
        path: ['_entities', 3],
        extensions: { code: 'UNKNOWN_CITY', city: '999999' },
      },
      { message: 'id names a Project, not a EnforcementCase.', path: ['_entities'], extensions: { argument: 'id', code: 'INVALID_ID', city: '510900' } },
    ]);
    expect(sentRepresentations()).toEqual({
      '500000': [representations[1]],
      '510900': [representations[4], representations[5]],
      '511600': [representations[0]],
    });
  });

  it('moves each bureau error from its index in the bureau\'s share to every original index it answers', async () => {
    const stationKey = (cityCode: string, local: string) => ({ __typename: 'Station', cityCode, id: stationId(cityCode, local) });
    const representations = [stationKey('511600', 'S01'), caseKey('500000', 2), stationKey('500000', 'S02'), stationKey('511600', 'S02'), stationKey('511600', 'S01')];
    const query = `query($representations: [_Any!]!, $from: DateTime, $to: DateTime) {
      _entities(representations: $representations) { ... on Station { id readings(from: $from, to: $to) { time } } ... on EnforcementCase { id } }
    }`;
    // from after to: the kit refuses each station's readings, which nulls that station.
    const variables = { representations, from: '2024-01-02T00:00:00+08:00', to: '2024-01-01T00:00:00+08:00' };
    const result = await engine.execute({ query, variables }, federation.send);
    expect(result.data).toEqual({ _entities: [null, { id: caseId('500000', 2) }, null, null, null] });
    const refused = { message: 'readings: from must not be after to.', extensions: { argument: 'from', code: 'BAD_USER_INPUT' } };
    expect(result.errors).toMatchObject([
      { ...refused, path: ['_entities', 2, 'readings'], extensions: { ...refused.extensions, city: '500000' } },
      { ...refused, path: ['_entities', 0, 'readings'], extensions: { ...refused.extensions, city: '511600' } },
      { ...refused, path: ['_entities', 4, 'readings'], extensions: { ...refused.extensions, city: '511600' } },
      { ...refused, path: ['_entities', 3, 'readings'], extensions: { ...refused.extensions, city: '511600' } },
    ]);
    expect(result.errors).toHaveLength(4);
    expect(sentRepresentations()).toEqual({ '500000': [representations[1], representations[2]], '511600': [representations[0], representations[3]] });
  });

  it('broadcasts an Enterprise to every bureau and concatenates its lists in ascending city order', async () => {
    const enterprise = { __typename: 'Enterprise', creditCode: ENTERPRISE_A };
    const result = await engine.execute({ query: ENTITIES, variables: { representations: [caseKey('510900', 1), enterprise, enterprise] } }, federation.send);
    const merged = {
      creditCode: ENTERPRISE_A,
      cases: [caseId('500000', 1), caseId('500000', 2), caseId('510900', 1), caseId('510900', 2), caseId('511600', 1), caseId('511600', 2)]
        .map((id) => ({ id })),
      sources: [stationId('500000', 'S01'), stationId('511600', 'S01'), stationId('511600', 'S02')].map((id) => ({ id })),
    };
    expect(result).toEqual({
      data: { _entities: [{ __typename: 'EnforcementCase', id: caseId('510900', 1), cityCode: '510900' }, merged, merged] },
    });
    expect(Object.keys(sentRepresentations())).toEqual([...SHARD_CITIES]);
    expect(sentRepresentations()['510900']).toEqual([caseKey('510900', 1), enterprise]);
  });

  it('keeps the other bureaus\' part of a broadcast entity when one bureau fails, with CITY_UNAVAILABLE for each slot', async () => {
    federation.failing.add('511600');
    const enterprise = { __typename: 'Enterprise', creditCode: ENTERPRISE_A };
    const result = await engine.execute({ query: ENTITIES, variables: { representations: [enterprise, caseKey('511600', 2)] } }, federation.send);
    expect(result.data).toEqual({
      _entities: [
        {
          creditCode: ENTERPRISE_A,
          cases: [caseId('500000', 1), caseId('500000', 2), caseId('510900', 1), caseId('510900', 2)].map((id) => ({ id })),
          sources: [{ id: stationId('500000', 'S01') }],
        },
        null,
      ],
    });
    expect(result.errors).toEqual([
      {
        message: 'City 511600 is unavailable (timeout); its part of this result is missing.',
        path: ['_entities', 0],
        extensions: { code: 'CITY_UNAVAILABLE', city: '511600', reason: 'timeout' },
      },
      {
        message: 'City 511600 is unavailable (timeout); its part of this result is missing.',
        path: ['_entities', 1],
        extensions: { code: 'CITY_UNAVAILABLE', city: '511600', reason: 'timeout' },
      },
    ]);
  });
});

describe('fetch strings exactly as Apollo\'s query planner (2.14) prints them for the cities subgraph', () => {
  it('answers the planner\'s Enterprise and Station entity fetches, nested @include included', async () => {
    const enterpriseFetch =
      'query($representations:[_Any!]!$inc:Boolean!){_entities(representations:$representations){...on Enterprise{cases{caseNumber filedAt}sources@include(if:$inc){name latest{time}}}}}';
    const stationFetch = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Station{code name}}}';
    const [enterprises, stations] = await Promise.all([
      engine.execute({ query: enterpriseFetch, variables: { representations: [{ __typename: 'Enterprise', creditCode: ENTERPRISE_A }], inc: false } }, federation.send),
      engine.execute({
        query: stationFetch,
        variables: { representations: [{ __typename: 'Station', cityCode: '511600', id: stationId('511600', 'S02') }, { __typename: 'Station', cityCode: '500000', id: stationId('500000', 'S01') }] },
      }, federation.send),
    ]);
    expect(enterprises.errors).toBeUndefined();
    expect((enterprises.data?.['_entities'] as Array<{ cases: unknown[] }>)[0]?.cases).toHaveLength(6);
    expect(Object.keys((enterprises.data?.['_entities'] as object[])[0] ?? {})).toEqual(['cases']);
    expect(stations).toEqual({ data: { _entities: [{ code: '511600S02', name: '监测点S02' }, { code: '500000S01', name: '监测点S01' }] } });
  });
});
