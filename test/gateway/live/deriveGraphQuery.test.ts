import { describe, expect, it } from 'vitest';
import { buildSchema, parse, subscribe, type GraphQLResolveInfo } from 'graphql';
import { deriveGraphQuery, type GraphPart } from '../../../gateway/live/deriveGraphQuery.ts';

const schema = buildSchema(`
  type Query { station(cityCode: ID!, id: ID!): Station }
  interface Node { id: ID! }
  type River { name: String! }
  type Station implements Node { id: ID! name: String! river: River readings(limit: Int): [Float!]! }
  type Alarm { id: ID! station: Station! }
  type AlarmEvent { id: ID! alarm: Alarm! }
  type Subscription { alarmRaised(since: String): AlarmEvent }
`);
const STATION: GraphPart = { path: ['alarm', 'station'], root: (selection, v) => `station(cityCode: ${v('cityCode')}, id: ${v('stationId')}) ${selection}` };
const TYPES = { cityCode: 'ID!', stationId: 'ID!' };

/** The resolve info graphql-js gives the subscription field for `source` with `variables`. */
async function infoOf(source: string, variables: Record<string, unknown> = {}): Promise<GraphQLResolveInfo> {
  let captured: GraphQLResolveInfo | undefined;
  await subscribe({
    schema, document: parse(source), variableValues: variables,
    subscribeFieldResolver: (_root, _args, _context, info) => {
      captured = info;
      throw new Error('captured');
    },
  });
  return captured!;
}

describe('the graph query of a subscription', () => {
  it('puts the selection under the station with the subscriber\'s aliases, one root field per response key', async () => {
    const info = await infoOf('subscription { alarmRaised { id alarm { id station { name } other: station { n: name river { name } } } } }');
    const query = deriveGraphQuery(info, [STATION], TYPES, 'Live_alarmRaised');
    expect(query.source).toBe('query Live_alarmRaised($livecityCode: ID!, $livestationId: ID!) { '
      + 'live0: station(cityCode: $livecityCode, id: $livestationId) {\n  name\n  __typename\n} '
      + 'live1: station(cityCode: $livecityCode, id: $livestationId) {\n  n: name\n  river {\n    name\n    __typename\n  }\n  __typename\n} }');
    expect([...query.aliases]).toEqual([['alarm.station', 'live0'], ['alarm.other', 'live1']]);
    expect([...query.variableNames]).toEqual([['livecityCode', 'cityCode'], ['livestationId', 'stationId']]);
  });

  it('follows fragments at the event\'s level and @include, and carries the fragments and variables the selection uses', async () => {
    const info = await infoOf(`subscription($withRiver: Boolean!, $n: Int) {
      alarmRaised { ...Ev }
    }
    fragment Ev on AlarmEvent { alarm { station @include(if: $withRiver) { ...S readings(limit: $n) } } }
    fragment S on Station { name river { name } }`, { withRiver: true, n: 3 });
    const query = deriveGraphQuery(info, [STATION], TYPES, 'Q');
    expect(query.source).toContain('query Q($livecityCode: ID!, $livestationId: ID!, $n: Int)');
    expect(query.source).toContain('...S\n  readings(limit: $n)');
    expect(query.source).toContain('fragment S on Station {\n  name\n  river {\n    name\n    __typename\n  }\n  __typename\n}');
    expect(query.subscriberVariables).toEqual({ n: 3 });
    const skipped = deriveGraphQuery(await infoOf(info.operation.loc!.source.body, { withRiver: false, n: 3 }), [STATION], TYPES, 'Q');
    expect(skipped.source).toBeNull();
  });

  it('asks the graph nothing when the selection needs nothing from it', async () => {
    expect(deriveGraphQuery(await infoOf('subscription { alarmRaised { id alarm { id } } }'), [STATION], TYPES, 'Q').source).toBeNull();
  });

  it('names its own variables apart from the subscriber\'s', async () => {
    const info = await infoOf('subscription($livecityCode: String) { alarmRaised(since: $livecityCode) { alarm { station { name } } } }');
    expect(deriveGraphQuery(info, [STATION], TYPES, 'Q').source).toContain('$live_cityCode: ID!');
  });
});
