/**
 * The wrapper around Apollo's gateway: what the inner executor is given (the original request, or
 * the filtered operation under its own source and hash) and what the client gets back.
 */
import { ApolloGateway } from '@apollo/gateway';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { parse, print, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessControlledGateway } from '../../../gateway/access/AccessControlledGateway.ts';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { readAccessPolicies } from '../../../schema/accessPolicies.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';

process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

let schema: GraphQLSchema;
beforeAll(async () => {
  const gateway = new ApolloGateway({ supergraphSdl: composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract()) });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (schema = apiSchema));
  await gateway.load();
  await gateway.stop();
});

/** An inner gateway whose executor records what it was given and answers `answer(document)`. */
function innerGateway(answer: (source: string) => Record<string, unknown>) {
  const seen: GatewayGraphQLRequestContext[] = [];
  const executor: GatewayExecutor = async (requestContext) => {
    seen.push(requestContext);
    return { data: answer(requestContext.source) };
  };
  const inner: GatewayInterface = {
    onSchemaLoadOrUpdate: () => () => {},
    load: async () => ({ executor }),
    stop: async () => {},
  };
  return { inner, seen };
}

function requestContext(query: string, caller: Caller): GatewayGraphQLRequestContext {
  const document = parse(query);
  return {
    request: { query, variables: {} },
    document,
    source: query,
    queryHash: `hash-of-${query}`,
    operation: document.definitions[0] as never,
    operationName: null,
    schema,
    context: { requestId: 'r', caller, clientAddress: '127.0.0.1' },
  } as unknown as GatewayGraphQLRequestContext;
}

const partner = (...scopes: string[]): Caller => ({ role: 'authenticated', subject: 's', bureau: '500152', scopes: new Set(scopes), jurisdiction: null });

describe('the access-controlled gateway', () => {
  it('passes an operation the caller may read through untouched', async () => {
    const { inner, seen } = innerGateway(() => ({ stations: { totalCount: 3 } }));
    const { executor } = await new AccessControlledGateway(inner, readAccessPolicies(loadContract())).load({ apollo: {} });
    const context = requestContext('{ stations { totalCount } }', PUBLIC_CALLER);
    expect(await executor!(context)).toEqual({ data: { stations: { totalCount: 3 } } });
    expect(seen[0]).toBe(context);
  });

  it('runs the filtered operation under its own source and hash, then nulls the cut field with an error', async () => {
    const { inner, seen } = innerGateway(() => ({ enforcementCase: { caseNumber: '潼环罚〔2024〕1号' } }));
    const { executor } = await new AccessControlledGateway(inner, readAccessPolicies(loadContract())).load({ apollo: {} });
    const query = '{ enforcementCase(cityCode: "500152", id: "1") { caseNumber evidence { type } } }';
    const result = await executor!(requestContext(query, partner('cases:read')));
    expect(print(seen[0]!.document)).toBe(seen[0]!.source);
    expect(seen[0]!.source).not.toContain('evidence');
    expect(seen[0]!.request.query).toBe(seen[0]!.source);
    expect(seen[0]!.queryHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.data).toEqual({ enforcementCase: { caseNumber: '潼环罚〔2024〕1号', evidence: null } });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([[['enforcementCase', 'evidence'], 'FORBIDDEN']]);
  });

  it('answers without an errors key when the checked operation lost nothing the caller asked for (`"errors": []` fails urql)', async () => {
    const id = 'U3RhdGlvbjo1MDAxNTM6ZGV2aWNl';
    const { inner } = innerGateway(() => ({ node: { __typename: 'Station', id, code: 'MN1' } }));
    const { executor } = await new AccessControlledGateway(inner, readAccessPolicies(loadContract())).load({ apollo: {} });
    for (const caller of [partner(), PUBLIC_CALLER]) {
      const result = await executor!(requestContext(`{ node(id: "${id}") { id ... on Station { code } } }`, caller));
      expect(result).toEqual({ data: { node: { __typename: 'Station', id, code: 'MN1' } } });
      expect('errors' in result).toBe(false);
    }
  });

  it('does not call the inner gateway when nothing the caller may read is left', async () => {
    const { inner, seen } = innerGateway(() => ({}));
    const { executor } = await new AccessControlledGateway(inner, readAccessPolicies(loadContract())).load({ apollo: {} });
    const result = await executor!(requestContext('{ emergencyResources { totalCount } }', PUBLIC_CALLER));
    expect(seen).toHaveLength(0);
    expect(result.data).toEqual({ emergencyResources: null });
    expect(result.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('keeps one analysis per access profile: the same document is cut differently for different scopes', async () => {
    const { inner, seen } = innerGateway(() => ({ enforcementCase: null }));
    const { executor } = await new AccessControlledGateway(inner, readAccessPolicies(loadContract())).load({ apollo: {} });
    const query = '{ enforcementCase(cityCode: "500152", id: "1") { caseNumber evidence { type } } }';
    await executor!(requestContext(query, partner('cases:read')));
    await executor!(requestContext(query, partner('cases:read', 'cases:internal')));
    await executor!(requestContext(query, partner('cases:read', 'unrelated:scope')));
    expect(seen.map((c) => c.source.includes('evidence'))).toEqual([false, true, false]);
    expect(seen[0]!.queryHash).toBe(seen[2]!.queryHash);
  });
});
