/**
 * The known-operation path (gateway/known-operations/) against Apollo Server's own pipeline: two real
 * gateways over the same bureaus, one with the path (the default) and one without
 * (ECOGRAPH_KNOWN_OPERATION_PATH=false). Every answer the path gives must be Apollo's, byte for byte;
 * whatever it cannot answer so (errors, refusals, unknown texts, other Accept headers) Apollo answers,
 * without the bureaus being asked twice or a token checked twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';
import type { GatewayProcess } from '../../fixtures/gatewayProcess.ts';
import { inProcessGateway } from '../../fixtures/inProcessGateway.ts';

const ROUTED = '510900';
const OTHER = '500152';

/** A cost limit a page of 100 stations with their readings exceeds over two bureaus, and a page of 1 does not. */
const LIMITS = { ECOGRAPH_MAX_COST: '20000' };

let federation: GatewayFederation;
let withoutPath: GatewayProcess;
let caseId: string;

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [ROUTED, OTHER], startGateway: inProcessGateway({}), gatewayEnv: LIMITS });
  withoutPath = await inProcessGateway({})(federation.registry, { env: { ...LIMITS, ECOGRAPH_KNOWN_OPERATION_PATH: 'false' } });
  const probe = await post(federation.gateway, { query: `{ enforcementCases(first: 1, cityCodes: ["${ROUTED}"]) { edges { node { id } } } }` });
  caseId = (JSON.parse(probe.body) as { data: { enforcementCases: { edges: Array<{ node: { id: string } }> } } }).data.enforcementCases.edges[0]!.node.id;
});

afterAll(async () => {
  await withoutPath?.stop();
  await federation?.stop();
});

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly cacheControl: string | null;
  readonly headerNames: readonly string[];
  readonly body: string;
}

async function post(gateway: GatewayProcess, body: unknown, headers: Record<string, string> = gateway.callerHeaders): Promise<Answer> {
  const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  // The date and the request id differ from answer to answer; which headers there are must not.
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), headerNames: [...res.headers.keys()].sort(), body: await res.text() };
}

async function metric(gateway: GatewayProcess, name: string): Promise<number> {
  const text = await (await fetch(`${gateway.origin}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const pathAnswers = () => metric(federation.gateway, 'gateway_known_operation_requests_total');
const bureauRequests = () => metric(federation.gateway, 'gateway_subgraph_request_duration_seconds_count');

/** The same request to both gateways, twice to the one with the path (the first teaches it the text). */
async function compare(body: unknown, headers?: (gateway: GatewayProcess) => Record<string, string>) {
  const first = await post(federation.gateway, body, headers?.(federation.gateway));
  const answered = await pathAnswers();
  const again = await post(federation.gateway, body, headers?.(federation.gateway));
  const byApollo = await post(withoutPath, body, headers?.(withoutPath));
  return { first, again, byApollo, byPath: (await pathAnswers()) - answered };
}

describe('the known-operation path', () => {
  it('answers a query it has seen again byte for byte as Apollo Server does, routed and fanned out', async () => {
    const requests = [
      { query: 'query Case($code: ID!, $id: ID!) { enforcementCase(cityCode: $code, id: $id) { caseNumber partyName cause filedAt status } }', variables: { code: ROUTED, id: caseId } },
      { query: '{ enforcementCases(first: 5) { totalCount edges { node { cityCode caseNumber filedAt } } } }' },
      // Two operations, picked by name; aliases, a fragment and __typename shaped by Apollo's gateway.
      {
        query: `query A { cities { code } }
          query B($code: ID!, $id: ID!) { c: enforcementCase(cityCode: $code, id: $id) { ...Parts __typename } }
          fragment Parts on EnforcementCase { number: caseNumber status }`,
        operationName: 'B',
        variables: { code: ROUTED, id: caseId },
      },
      { query: 'query A { cities { code } } query B { cities { name } }', operationName: 'A', variables: null },
    ];
    for (const body of requests) {
      const { first, again, byApollo, byPath } = await compare(body);
      expect(byPath, JSON.stringify(body)).toBe(1);
      expect(first.status).toBe(200);
      expect(again).toEqual(first);
      expect(again).toEqual(byApollo);
      expect(JSON.parse(again.body)).not.toHaveProperty('errors');
    }
  });

  it('gives every Accept header of its table the content type Apollo negotiates, and leaves any other to Apollo', async () => {
    const body = { query: '{ cities { code name } }' };
    const table = [
      '*/*', 'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json',
      'application/graphql-response+json,application/json;q=0.9', 'application/graphql-response+json, application/json;q=0.9',
      'application/json, multipart/mixed',
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
    ];
    for (const accept of table) {
      const { again, byApollo, byPath } = await compare(body, (gateway) => ({ ...gateway.callerHeaders, accept }));
      expect(byPath, accept).toBe(1);
      expect(again, accept).toEqual(byApollo);
    }
    for (const accept of ['application/json;q=0.5, application/graphql-response+json', 'text/html', 'application/xml']) {
      const { again, byApollo, byPath } = await compare(body, (gateway) => ({ ...gateway.callerHeaders, accept }));
      expect(byPath, accept).toBe(0);
      expect(again, accept).toEqual(byApollo);
    }
  });

  it('hands a result with errors to Apollo to format, without running the query again', async () => {
    const query = 'query Case($code: ID!, $id: ID!) { enforcementCase(cityCode: $code, id: $id) { caseNumber partyName } }';
    await post(federation.gateway, { query, variables: { code: ROUTED, id: caseId } }); // a clean answer teaches the path the text
    const notAnId = { query, variables: { code: ROUTED, id: 'not-a-global-id' } };
    const sent = async (gateway: GatewayProcess) => {
      const before = await metric(gateway, 'gateway_subgraph_request_duration_seconds_count');
      const answer = await post(gateway, notAnId);
      return { answer, bureauRequests: (await metric(gateway, 'gateway_subgraph_request_duration_seconds_count')) - before };
    };
    const answered = await pathAnswers();
    const viaPath = await sent(federation.gateway);
    expect(await pathAnswers()).toBe(answered);
    const byApollo = await sent(withoutPath);
    expect(viaPath).toEqual(byApollo);
    expect(JSON.parse(viaPath.answer.body).errors[0].extensions.code).toBe('INVALID_ID');
  });

  it('leaves refusals to Apollo: a refused token (checked once), variables of the wrong type, a cost over the limit', async () => {
    const query = 'query Case($code: ID!, $id: ID!) { enforcementCase(cityCode: $code, id: $id) { caseNumber } }';
    await post(federation.gateway, { query, variables: { code: ROUTED, id: caseId } });
    const refusedBefore = federation.gateway.logs().filter((line) => line['msg'] === 'caller token refused').length;
    const badToken = { authorization: 'Bearer not-a-token' };
    const refused = await post(federation.gateway, { query, variables: { code: ROUTED, id: caseId } }, badToken);
    expect(refused.status).toBe(401);
    expect(refused).toEqual(await post(withoutPath, { query, variables: { code: ROUTED, id: caseId } }, badToken));
    expect(federation.gateway.logs().filter((line) => line['msg'] === 'caller token refused').length).toBe(refusedBefore + 1);

    const wrongType = { query, variables: { code: ROUTED, id: { not: 'an id' } } };
    const coerced = await post(federation.gateway, wrongType);
    expect(coerced.status).toBe(400);
    expect(coerced).toEqual(await post(withoutPath, wrongType));

    const stations = 'query Stations($n: Int!) { stations(first: $n) { edges { node { id readings { time values { code value } } } } } }';
    const small = await post(federation.gateway, { query: stations, variables: { n: 1 } }); // known from here on
    expect(small.status).toBe(200);
    const answered = await pathAnswers();
    const tooCostly = await post(federation.gateway, { query: stations, variables: { n: 100 } });
    expect(tooCostly.status).toBe(400);
    expect(JSON.parse(tooCostly.body).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(tooCostly).toEqual(await post(withoutPath, { query: stations, variables: { n: 100 } }));
    expect(await pathAnswers()).toBe(answered);
  });

  it('leaves mutations, persisted queries and bodies with other fields to Apollo', async () => {
    const bodies = [
      { query: 'mutation { __typename }' },
      { query: '{ cities { code } }', extensions: { clientLibrary: 'x' } },
      { query: '{ cities { code } }', id: 'other-field' },
    ];
    for (const body of bodies) {
      const { again, byApollo, byPath } = await compare(body);
      expect(byPath, JSON.stringify(body)).toBe(0);
      expect(again).toEqual(byApollo);
    }
  });

  it('counts and logs what it answers as Apollo does: gateway_requests_total, the duration histogram, one log line', async () => {
    const body = { query: 'query LoggedTwice { cities { code } }' };
    await post(federation.gateway, body);
    const answered = await pathAnswers();
    const res = await fetch(federation.gateway.url, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'known-op-log-test', ...federation.gateway.callerHeaders }, body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(await pathAnswers()).toBe(answered + 1);
    const lines = federation.gateway.logs().filter((line) => line['msg'] === 'request' && line['operationName'] === 'LoggedTwice');
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[1]!).sort()).toEqual(Object.keys(lines[0]!).sort());
    expect(lines[1]).toMatchObject({ level: 'info', requestId: 'known-op-log-test', outcome: 'ok' });
    expect(await metric(federation.gateway, 'gateway_requests_total{operation="LoggedTwice",outcome="ok"}')).toBe(2);
    expect(await metric(federation.gateway, 'gateway_request_duration_seconds_count{operation="LoggedTwice",outcome="ok"}')).toBe(2);
  });
});
