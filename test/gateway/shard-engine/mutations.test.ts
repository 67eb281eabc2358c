/**
 * Mutations: consecutive root fields for the same bureau travel together; the groups run strictly
 * one after another (GraphQL spec §6.2.2 executes mutation fields serially), a failed group is
 * never retried and does not stop the next ones. A fanned-out mutation is refused at startup.
 */
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CityFetch, CityOutcome } from '../../../gateway/shard-engine/index.ts';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { shardMutationContract } from '../../fixtures/shardMutationContract.ts';

const engine = createShardEngine({ contract: shardMutationContract(), cities: ['500000', '510900', '511600'] });
const caseIn500000 = encodeGlobalId('EnforcementCase', '500000', 'C01');

const MUTATION = /* GraphQL */ `
  mutation Ack($note: String, $id: ID!) {
    a: acknowledgeAlert(cityCode: "510900", note: $note) { message }
    b: acknowledgeAlert(cityCode: "510900") { cityCode }
    __typename
    c: closeCase(id: $id)
    d: acknowledgeAlert(cityCode: "510900", note: "again") { message }
  }`;

/** A bureau that takes a while, answering every requested key with something recognisable. */
function slowBureau(log: string[], delays: Record<string, number>, failing = new Set<string>()) {
  return async (fetch: CityFetch): Promise<CityOutcome> => {
    const keys = (parse(fetch.query).definitions[0] as unknown as { selectionSet: { selections: Array<{ alias?: { value: string } }> } })
      .selectionSet.selections.map((s) => s.alias?.value ?? '?');
    log.push(`start ${fetch.city} ${keys.join(',')}`);
    await new Promise((resolve) => setTimeout(resolve, delays[fetch.city] ?? 0));
    log.push(`end ${fetch.city}`);
    if (failing.has(fetch.city)) return { kind: 'failed', city: fetch.city, reason: 'timeout', message: 'deadline passed' };
    const data = Object.fromEntries(keys.map((k) => [k, k === 'c' ? true : { message: `ok ${k}` }]));
    return { kind: 'ok', city: fetch.city, response: { data } };
  };
}

describe('mutations routed to bureaus', () => {
  it('groups consecutive fields by bureau and runs the groups strictly in order', async () => {
    const log: string[] = [];
    const sent: CityFetch[] = [];
    const bureau = slowBureau(log, { '510900': 30, '500000': 5 });
    const result = await engine.execute({ query: MUTATION, variables: { note: 'seen', id: caseIn500000 } }, (f) => {
      sent.push(f);
      return bureau(f);
    });
    expect(log).toEqual(['start 510900 a,b', 'end 510900', 'start 500000 c', 'end 500000', 'start 510900 d', 'end 510900']);
    expect(sent.map(({ city, query, variables, operation }) => ({ city, query, variables, operation }))).toEqual([
      {
        city: '510900',
        query: print(parse(`mutation Ack($note: String) {
          a: acknowledgeAlert(cityCode: "510900", note: $note) { message }
          b: acknowledgeAlert(cityCode: "510900") { cityCode } }`)),
        variables: { note: 'seen' },
        operation: 'mutation',
      },
      { city: '500000', query: print(parse('mutation Ack($id: ID!) { c: closeCase(id: $id) }')), variables: { id: caseIn500000 }, operation: 'mutation' },
      { city: '510900', query: print(parse('mutation Ack { d: acknowledgeAlert(cityCode: "510900", note: "again") { message } }')), variables: {}, operation: 'mutation' },
    ]);
    expect(result).toEqual({
      data: { a: { message: 'ok a' }, b: { message: 'ok b' }, __typename: 'Mutation', c: true, d: { message: 'ok d' } },
    });
  });

  it('does not retry a group that timed out, and still runs the next groups once each', async () => {
    const log: string[] = [];
    const result = await engine.execute(
      { query: MUTATION, variables: { id: caseIn500000 } },
      slowBureau(log, {}, new Set(['500000'])),
    );
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 510900 a,b', 'start 500000 c', 'start 510900 d']);
    expect(result.data).toEqual({ a: { message: 'ok a' }, b: { message: 'ok b' }, __typename: 'Mutation', c: null, d: { message: 'ok d' } });
    expect(result.errors).toEqual([{
      message: 'City 500000 is unavailable (timeout); its part of this result is missing.',
      path: ['c'],
      extensions: { code: 'CITY_UNAVAILABLE', city: '500000', reason: 'timeout' },
    }]);
  });

  it('answers a mutation for an unknown bureau with null and UNKNOWN_CITY, sending nothing for it', async () => {
    const log: string[] = [];
    const result = await engine.execute({ query: `mutation { x: acknowledgeAlert(cityCode: "999999") { message } }` }, slowBureau(log, {}));
    expect(log).toEqual([]);
    expect(result).toMatchObject({ data: { x: null }, errors: [{ path: ['x'], extensions: { code: 'UNKNOWN_CITY' } }] });
  });

  it('refuses at startup a contract whose mutation fans out', () => {
    const contract = parse(`
      directive @cityFanout(merge: String! = "CONNECTION", sort: String = "id ASC") on FIELD_DEFINITION
      type Query { a: Int @cityFanout(merge: "LIST") }
      type Mutation { closeAll: Int @cityFanout(merge: "LIST") }`);
    expect(() => createShardEngine({ contract, cities: [] })).toThrow(/Mutation\.closeAll: mutations must be routed/);
  });

  it('refuses at startup a contract with a mutation that has no policy', () => {
    const contract = parse(`
      directive @cityRoute(argument: String!, decode: String! = "CITY_CODE") on FIELD_DEFINITION
      type Query { a(cityCode: ID!): Int @cityRoute(argument: "cityCode") }
      type Mutation { closeAll: Int }`);
    expect(() => createShardEngine({ contract, cities: [] })).toThrow(/Mutation\.closeAll has no sharding policy/);
  });
});
