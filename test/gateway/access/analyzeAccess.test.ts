/**
 * Field access analysis over the real API schema (the region composed with the city contract), for
 * each kind of caller: what is cut from the document, what is masked per runtime type, and where
 * the nulls and errors go (applyAccessRemovals).
 */
import { ApolloGateway } from '@apollo/gateway';
import { parse, print, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TYPENAME_KEY, analyzeAccess, type AccessCaller } from '../../../gateway/access/analyzeAccess.ts';
import { applyAccessRemovals } from '../../../gateway/access/applyAccessRemovals.ts';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { readAccessPolicies, type AccessPolicies } from '../../../schema/accessPolicies.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';

process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

let schema: GraphQLSchema;
let policies: AccessPolicies;

beforeAll(async () => {
  const gateway = new ApolloGateway({ supergraphSdl: composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract()) });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (schema = apiSchema));
  await gateway.load();
  await gateway.stop();
  policies = readAccessPolicies(loadContract());
});

const PUBLIC: AccessCaller = { authenticated: false, scopes: new Set() };
const partner = (...scopes: string[]): AccessCaller => ({ authenticated: true, scopes: new Set(scopes) });
const analyze = (query: string, caller: AccessCaller, operationName?: string) => analyzeAccess(parse(query), schema, policies, caller, operationName);
const compact = (doc: ReturnType<typeof analyze>['document']) => (doc ? print(doc).replace(/\s+/g, ' ').trim() : null);

describe('field access analysis', () => {
  it('leaves a public operation untouched (same document, nothing to apply)', () => {
    const document = parse('{ stations(first: 2) { totalCount edges { node { name latest { time } } } } }');
    const analysis = analyzeAccess(document, schema, policies, PUBLIC);
    expect(analysis).toMatchObject({ changed: false, removals: [], addsTypename: false });
    expect(analysis.document).toBe(document);
  });

  it('cuts a partners-only root field for the public role and keeps the public ones', () => {
    const analysis = analyze('{ stations(first: 1) { totalCount } enforcementCases(first: 2) { totalCount } }', PUBLIC);
    expect(compact(analysis.document)).toBe('{ stations(first: 1) { totalCount } }');
    expect(analysis.removals).toMatchObject([{ steps: [{ key: 'enforcementCases', types: null }], code: 'UNAUTHENTICATED', field: 'Query.enforcementCases' }]);
  });

  it('answers FORBIDDEN with the scope that opens it to a partner without it', () => {
    const analysis = analyze('{ emergencyResources { totalCount } }', partner('cases:read'));
    expect(analysis.document).toBeNull(); // nothing left to run
    expect(analysis.removals).toMatchObject([{ code: 'FORBIDDEN', field: 'Query.emergencyResources', requiredScopes: [['emergency:read']] }]);
  });

  it('cuts scope-restricted fields deep in a connection, through aliases and named fragments', () => {
    const query = `
      query Cases { enforcementCases(first: 3) { edges { node { ...Internals caseNumber fineYuan } } } }
      fragment Internals on EnforcementCase { proof: evidence { type } violationFacts }`;
    const analysis = analyze(query, partner('cases:read'), 'Cases');
    expect(compact(analysis.document)).toBe(
      'query Cases { enforcementCases(first: 3) { edges { node { caseNumber fineYuan } } } }',
    );
    expect(analysis.removals.map((r) => [r.steps.map((s) => s.key).join('.'), r.code, r.field])).toEqual([
      ['enforcementCases.edges.node.proof', 'FORBIDDEN', 'EnforcementCase.evidence'],
      ['enforcementCases.edges.node.violationFacts', 'FORBIDDEN', 'EnforcementCase.violationFacts'],
    ]);
    // With the scope, nothing is cut.
    expect(analyze(query, partner('cases:read', 'cases:internal'), 'Cases').changed).toBe(false);
  });

  it('keeps a selection set valid when everything in it is cut', () => {
    const analysis = analyze('{ emergencyResource(cityCode: "500152", id: "1") { contact { phone person } } }', partner('emergency:read'));
    expect(compact(analysis.document)).toBe(`{ emergencyResource(cityCode: "500152", id: "1") { contact { ${ACCESS_TYPENAME_KEY}: __typename } } }`);
    expect(analysis.removals.map((r) => r.field)).toEqual(['ResourceContact.phone', 'ResourceContact.person']);
  });

  it('protects cases reached from the region (Enterprise.cases)', () => {
    const analysis = analyze('{ enterprise(creditCode: "x") { name cases { caseNumber } } }', PUBLIC);
    expect(compact(analysis.document)).toBe('{ enterprise(creditCode: "x") { name } }');
    expect(analysis.removals).toMatchObject([{ field: 'Enterprise.cases', code: 'UNAUTHENTICATED' }]);
  });

  it('judges node(id) by the runtime type: case fragments cut, interface fields masked for protected types only', () => {
    const analysis = analyze('{ node(id: "x") { id ... on EnforcementCase { caseNumber } ... on Station { name } } }', PUBLIC);
    expect(compact(analysis.document)).toBe(`{ node(id: "x") { ${ACCESS_TYPENAME_KEY}: __typename id ... on Station { name } } }`);
    const [id, caseNumber] = analysis.removals;
    expect(id!.steps.at(-1)!.key).toBe('id');
    expect([...id!.steps.at(-1)!.types!].sort()).toEqual(['ActionItem', 'Bulletin', 'EmergencyResource', 'EnforcementCase', 'EnvironmentalIncident', 'IncidentNotice', 'JointCaseProposal', 'JointMeeting', 'JointPatrol', 'JointPatrolProposal', 'ResourceRequest']);
    expect(caseNumber!.steps.at(-1)).toEqual({ key: 'caseNumber', types: new Set(['EnforcementCase']) });

    // A case comes back with its fields nulled; a station is untouched; the added typename is gone.
    const asCase = applyAccessRemovals({ node: { [ACCESS_TYPENAME_KEY]: 'EnforcementCase', id: 'secret-id' } }, analysis, {});
    expect(asCase.data).toEqual({ node: { id: null, caseNumber: null } });
    expect(asCase.errors.map((e) => [e.path, e.extensions['code']])).toEqual([[['node', 'id'], 'UNAUTHENTICATED'], [['node', 'caseNumber'], 'UNAUTHENTICATED']]);
    const asStation = applyAccessRemovals({ node: { [ACCESS_TYPENAME_KEY]: 'Station', id: 'st', name: '北碚' } }, analysis, {});
    expect(asStation).toEqual({ data: { node: { id: 'st', name: '北碚' } }, errors: [] });
  });
});

describe('applying removals to a response', () => {
  it('puts null at every path of a removed field, walking lists, with one error each, and leaves the rest', () => {
    const analysis = analyze('{ stations(first: 1) { totalCount } enforcementCases(first: 2) { edges { node { caseNumber evidence { type } } } } }', partner('cases:read'));
    const data = {
      stations: { totalCount: 7 },
      enforcementCases: { edges: [{ node: { caseNumber: 'A' } }, { node: { caseNumber: 'B' } }] },
    };
    const result = applyAccessRemovals(data, analysis, {});
    expect(result.data).toEqual({
      stations: { totalCount: 7 },
      enforcementCases: { edges: [{ node: { caseNumber: 'A', evidence: null } }, { node: { caseNumber: 'B', evidence: null } }] },
    });
    expect(result.errors.map((e) => e.path)).toEqual([['enforcementCases', 'edges', 0, 'node', 'evidence'], ['enforcementCases', 'edges', 1, 'node', 'evidence']]);
    expect(result.errors[0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'missing-scope', field: 'EnforcementCase.evidence', requiredScopes: [['cases:internal']] });
    expect(result.errors[0]!.message).toBe('EnforcementCase.evidence needs the scope cases:internal.');
  });

  it('answers a fully removed operation with null root fields', () => {
    const analysis = analyze('{ a: enforcementCases { totalCount } b: jointPatrols { totalCount } }', PUBLIC);
    const result = applyAccessRemovals(null, analysis, {});
    expect(result.data).toEqual({ a: null, b: null });
    expect(result.errors.map((e) => [e.path, e.extensions['code'], e.extensions['reason']])).toEqual([
      [['a'], 'UNAUTHENTICATED', 'not-authenticated'], [['b'], 'UNAUTHENTICATED', 'not-authenticated'],
    ]);
  });

  it('adds nothing for a removed field the request skipped (@include / @skip)', () => {
    const analysis = analyze('query ($x: Boolean!) { stations(first: 1) { totalCount } enforcementCases @include(if: $x) { totalCount } }', PUBLIC);
    expect(applyAccessRemovals({ stations: { totalCount: 1 } }, analysis, { x: false })).toEqual({ data: { stations: { totalCount: 1 } }, errors: [] });
    expect(applyAccessRemovals({ stations: { totalCount: 1 } }, analysis, { x: true }).errors).toHaveLength(1);
  });

  it('overwrites a masked value, so it never reaches the response', () => {
    const analysis = analyze('{ node(id: "x") { id } }', partner('cases:read'));
    const result = applyAccessRemovals({ node: { [ACCESS_TYPENAME_KEY]: 'EmergencyResource', id: 'leak' } }, analysis, {});
    expect(JSON.stringify(result.data)).not.toContain('leak');
    expect(result.errors[0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'EmergencyResource.id', requiredScopes: [['emergency:read']] });
  });
});
