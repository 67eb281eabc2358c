import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateCost, type CostOptions } from '../../../gateway/limits/estimateCost.ts';
import { readShardingPolicies } from '../../../schema/shardingPolicies.ts';

/** A slice of the contract's shapes: a fan-out connection, a routed field, lists without paging, a broadcast field. */
const contract = parse(`
  directive @cityFanout(merge: String! = "CONNECTION", sort: String = "id ASC") on FIELD_DEFINITION
  directive @cityRoute(argument: String!, decode: String! = "CITY_CODE") on FIELD_DEFINITION
  type Query {
    stations(cityCodes: [ID!], first: Int = 20, after: String): StationConnection @cityFanout(sort: "code ASC")
    station(cityCode: ID!, id: ID!): Station @cityRoute(argument: "cityCode")
    enterprise(cityCode: ID!): Enterprise @cityRoute(argument: "cityCode")
  }
  type StationConnection { totalCount: Int! edges: [StationEdge!]! }
  type StationEdge { cursor: String! node: Station! }
  type Station { id: ID! name: String! readings: [Reading!]! tags: [String!]! }
  type Reading { time: String! value: Float }
  type Enterprise { creditCode: ID! cases: [Case!]! }
  type Case { id: ID! }
`);
const schema = buildASTSchema(contract);
const policies = readShardingPolicies(contract);
const SIX = new Set(['500000', '500152', '500153', '510500', '510900', '511600']);

const cost = (query: string, reached: ReadonlySet<string> = SIX, options: CostOptions = {}) =>
  estimateCost(parse(query), schema, policies, reached, options);

/** stations(first: 10) { edges { node { id name } } } on one bureau: 1 + 10 × (edges 1 + node (1 + 2)). */
const PAGE_OF_TEN = '{ stations(first: 10) { edges { node { id name } } } }';

describe('estimateCost', () => {
  it('multiplies a fan-out by the bureaus it reaches: six bureaus cost 6× one', () => {
    const one = cost(PAGE_OF_TEN, new Set(['510900']));
    expect(one).toBe(41);
    expect(cost(PAGE_OF_TEN, SIX)).toBe(6 * one);
  });

  it('counts only the bureaus in cityCodes (literal or variable) among those reached', () => {
    expect(cost('{ stations(first: 10, cityCodes: ["510900"]) { edges { node { id name } } } }')).toBe(41);
    expect(cost('query($c: [ID!]) { stations(first: 10, cityCodes: $c) { edges { node { id name } } } }', SIX, {
      variables: { c: ['510900', '500152', '999999'] },
    })).toBe(82);
    // The caller's jurisdiction (two bureaus) bounds what cityCodes can add.
    expect(cost('{ stations(first: 10, cityCodes: ["510900", "500152", "500000"]) { edges { node { id name } } } }', new Set(['510900', '500152']))).toBe(82);
  });

  it('takes the page size from the argument, a variable, the field default, and caps it at MAX_PAGE_SIZE', () => {
    const one = new Set(['510900']);
    expect(cost('{ stations { edges { node { id name } } } }', one)).toBe(1 + 20 * 4);
    expect(cost('query($n: Int) { stations(first: $n) { edges { node { id name } } } }', one, { variables: { n: 50 } })).toBe(1 + 50 * 4);
    expect(cost('{ stations(first: 100000) { edges { node { id name } } } }', one)).toBe(1 + 100 * 4);
    expect(cost('{ stations(first: 0) { totalCount edges { node { id } } } }', one)).toBe(1);
  });

  it('multiplies a list without a page size by the assumed list length, once per level', () => {
    // station 1 + readings (1 + 10 × (time + value)) = 22; tags is a list of scalars: 1.
    expect(cost('{ station(cityCode: "510900", id: "s") { readings { time value } tags } }')).toBe(1 + (1 + 10 * 2) + 1);
    expect(cost('{ station(cityCode: "510900", id: "s") { readings { time } } }', SIX, { listSize: 100 })).toBe(1 + 1 + 100);
  });

  it('multiplies a broadcast entity field by every bureau reached', () => {
    const query = '{ enterprise(cityCode: "510900") { creditCode cases { id } } }';
    expect(cost(query)).toBe(1 + 1 + (1 + 10));
    expect(cost(query, SIX, { broadcastFields: new Set(['Enterprise.cases']) })).toBe(1 + 1 + 6 * (1 + 10));
  });

  it('expands fragments, and costs a fragment bomb without expanding it', () => {
    expect(cost('{ stations(first: 10) { ...E } } fragment E on StationConnection { edges { node { ...N } } } fragment N on Station { id name }', new Set(['510900']))).toBe(41);
    const bomb = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Station { ...F${i + 1} ...F${i + 1} }`).join(' ');
    // 2^40 spreads: expanding them would never finish, so the test's own timeout is the hang guard.
    expect(cost(`{ station(cityCode: "510900", id: "s") { ...F0 } } ${bomb} fragment F40 on Station { id }`)).toBe(1 + 2 ** 40);
  });

  it('costs introspection 1 per field, unmultiplied: the gateway answers it from memory', () => {
    expect(cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(9);
    expect(cost('{ __typename }')).toBe(1);
  });

  it('costs the operation the request names, and 0 for a name the document lacks', () => {
    const document = `query A { stations(first: 10) { edges { node { id name } } } } query B { station(cityCode: "510900", id: "s") { id } }`;
    expect(cost(document, SIX, { operationName: 'B' })).toBe(2);
    expect(cost(document, SIX, { operationName: 'A' })).toBe(246);
    expect(cost(document, SIX, { operationName: 'C' })).toBe(0);
  });
});
