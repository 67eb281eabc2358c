/** The per-request limits through Apollo Server's real pipeline: introspection per caller, cost per jurisdiction. */
import { ApolloServer } from '@apollo/server';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';
import { DEFAULT_OPERATION_LIMITS } from '../../../gateway/limits/OperationLimits.ts';
import { createOperationCheck, useOperationLimits } from '../../../gateway/limits/useOperationLimits.ts';
import type { GatewayContext } from '../../../gateway/request/GatewayContext.ts';
import { readShardingPolicies } from '../../../schema/shardingPolicies.ts';

const contract = parse(`
  directive @cityFanout(merge: String! = "CONNECTION", sort: String = "id ASC") on FIELD_DEFINITION
  type Query { stations(cityCodes: [ID!], first: Int = 20): StationConnection @cityFanout }
  type StationConnection { totalCount: Int! edges: [StationEdge!]! }
  type StationEdge { node: Station! }
  type Station { id: ID! readings: [Reading!]! }
  type Reading { time: String! }
`);
const SIX = ['500000', '500152', '500153', '510500', '510900', '511600'];

function server(publicIntrospection: boolean) {
  return new ApolloServer<GatewayContext>({
    schema: buildASTSchema(contract),
    introspection: true,
    plugins: [useOperationLimits(createOperationCheck({
      limits: { ...DEFAULT_OPERATION_LIMITS, maxCost: 1000 },
      publicIntrospection,
      policies: readShardingPolicies(contract),
      broadcastFields: new Set(),
      servedCities: () => SIX,
    }))],
  });
}

const signedIn = (jurisdiction: ReadonlySet<string> | null = null): Caller => ({
  role: 'authenticated', subject: 'analyst', bureau: null, scopes: new Set(), jurisdiction,
});

async function run(apollo: ApolloServer<GatewayContext>, query: string, caller: Caller, variables?: Record<string, unknown>) {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: { requestId: 'r', caller, clientAddress: '127.0.0.1' } });
  const result = response.body.kind === 'single' ? response.body.singleResult : null;
  return { status: response.http.status ?? 200, errors: result?.errors, data: result?.data };
}

describe('useOperationLimits', () => {
  it('refuses introspection to callers without a token (HTTP 403) and serves it to signed-in ones', async () => {
    const apollo = server(false);
    const query = '{ __schema { queryType { name } } }';
    const refused = await run(apollo, query, PUBLIC_CALLER);
    expect(refused.status).toBe(403);
    expect(refused.errors).toEqual([{
      message: 'Introspection (__schema, __type) is open only to signed-in callers here; send a bearer token.',
      extensions: { code: 'INTROSPECTION_DISABLED' },
    }]);
    expect((await run(apollo, query, signedIn())).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await run(apollo, '{ __typename }', PUBLIC_CALLER)).data).toEqual({ __typename: 'Query' });
    await apollo.stop();
  });

  it('serves introspection to everyone when public introspection is on', async () => {
    const apollo = server(true);
    expect((await run(apollo, '{ __type(name: "Station") { name } }', PUBLIC_CALLER)).data).toEqual({ __type: { name: 'Station' } });
    await apollo.stop();
  });

  it('costs a fan-out over the bureaus of the caller\'s jurisdiction: refused over six, run over two', async () => {
    const apollo = server(false);
    // stations(first: 20) { edges { node { id readings { time } } } }: 1 + 20 × (edges 1 + node 1 + id 1 + readings (1 + 10)) = 281 per bureau.
    const query = '{ stations { edges { node { id readings { time } } } } }';
    const everywhere = await run(apollo, query, signedIn());
    expect(everywhere.status).toBe(400);
    expect(everywhere.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', max: 1000, measured: 6 * 281, bureaus: 6 });
    expect(everywhere.errors?.[0]?.message).toMatch(/^The operation's estimated cost is 1686; the limit is 1000\./);
    const twoBureaus = await run(apollo, query, signedIn(new Set(['510900', '500152', '999999'])));
    expect(twoBureaus.status).toBe(200);
    expect(twoBureaus.errors).toBeUndefined();
    await apollo.stop();
  });

  it('costs the same document anew for other variables and other bureaus, each time the same for the same ones', async () => {
    const apollo = server(false);
    // stations(first: $n) { edges { node { id } } }: 1 + n × 3 per bureau.
    const query = 'query Page($n: Int) { stations(first: $n) { edges { node { id } } } }';
    const measured = async (n: number, caller: Caller) => (await run(apollo, query, caller, { n })).errors?.[0]?.extensions?.['measured'] ?? 'ran';
    expect(await measured(100, signedIn())).toBe(6 * 301);
    expect(await measured(10, signedIn())).toBe('ran');
    expect(await measured(100, signedIn(new Set(['510900', '500152'])))).toBe('ran'); // 2 × 301 = 602
    expect(await measured(100, signedIn())).toBe(6 * 301);
    expect(await measured(60, signedIn())).toBe(6 * 181);
    await apollo.stop();
  });
});
