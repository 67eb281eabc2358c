/**
 * The N+1 guard: a page of cases with their enterprises' cases and sources, their stations and
 * those stations' latest readings costs the same number of store statements for 100 cases as for 20.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitySubgraph } from '../../../subgraphs/kit/createCitySubgraph.ts';
import { generateWorld } from '../../../devtools/demo-world/generateWorld.ts';
import { openTestBureau } from '../../fixtures/openTestStores.ts';

const CITY = '510900';
let store: Awaited<ReturnType<typeof openTestBureau>>;
let subgraph: ReturnType<typeof createCitySubgraph>;

const QUERY = `query($first: Int) {
  enforcementCases(first: $first) {
    edges { node {
      caseNumber
      enterprise { creditCode cases { caseNumber } sources { code latest { time } } }
      station { code name latest { time values { code value } } }
    } }
  }
}`;

beforeAll(async () => {
  const world = generateWorld({ seed: 'loader-test', scale: 0.5, until: Date.parse('2026-11-01T00:00:00+08:00') });
  const bureau = world.bureaus[CITY]!;
  store = await openTestBureau({ ...bureau, readingsOf: (s) => bureau.readings(s) }, ':memory:', CITY);
  subgraph = createCitySubgraph(store.source, () => undefined);
  await subgraph.apollo.start();
});

afterAll(async () => {
  await subgraph?.apollo.stop();
  await store?.source.close();
});

async function statementsFor(first: number): Promise<{ statements: number; cases: number; stations: number }> {
  let body: any;
  const statements = await store.log.count(async () => {
    const res = await subgraph.apollo.executeOperation({ query: QUERY, variables: { first } }, { contextValue: subgraph.context() });
    body = res.body.kind === 'single' ? res.body.singleResult : null;
  });
  expect(body.errors).toBeUndefined();
  const edges = body.data.enforcementCases.edges;
  return { statements, cases: edges.length, stations: edges.filter((e: any) => e.node.station).length };
}

describe('per-request loaders', () => {
  it('keep store statements constant from 20 to 100 cases with enterprises, stations and readings', async () => {
    const small = await statementsFor(20);
    const large = await statementsFor(100);
    expect(large.cases).toBe(100);
    expect(small.stations).toBeGreaterThan(0);
    expect(large.stations).toBeGreaterThan(small.stations);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
