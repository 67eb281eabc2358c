/**
 * urql (@urql/core 6) against the real gateway over real bureau processes. urql sends queries as
 * GET by default (`preferGetMethod: 'within-url-limit'`) with no content type, which Apollo
 * Server's CSRF prevention (kept on) refuses: these tests prove the refusal says what to send, and
 * that the two documented set-ups work for a dashboard, paging and refetches by id.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type ClientOptions, type OperationResult } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../schema/globalId.ts';
import {
  ALL_STATIONS, CASES_PAGE, DASHBOARD, DASHBOARD_VARIABLES, NODE_REFETCH, recordingFetch, sentOperation,
} from '../fixtures/frontEndOperations.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { READINGS_SUBSCRIPTION, expectLiveThenResumed, startLogger } from '../fixtures/deviceReadings.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';

let federation: GatewayFederation;
/** A signed-in analyst (the fixture's caller): cases need the `cases:read` scope. */
const auth = () => federation.gateway.callerHeaders;

beforeAll(async () => {
  federation = await startGatewayFederation();
});

afterAll(async () => {
  await federation?.stop();
});

/** The README's set-ups: POST with a JSON body, or GET with the header that forces a CORS preflight. */
const WORKING_SETUPS: ReadonlyArray<{ name: string; options: Partial<ClientOptions>; headers: Record<string, string>; method: string }> = [
  { name: 'preferGetMethod: false (POST)', options: { preferGetMethod: false }, headers: {}, method: 'POST' },
  { name: 'GET with apollo-require-preflight', options: {}, headers: { 'apollo-require-preflight': 'true' }, method: 'GET' },
];

/** A client with the caller's token (and `headers`) on every request. */
function urqlClient(options: Partial<ClientOptions> = {}, headers: Record<string, string> = {}) {
  const recorder = recordingFetch();
  const client = new Client({
    url: federation.gateway.url,
    exchanges: [cacheExchange, fetchExchange],
    fetch: recorder.fetch,
    fetchOptions: { headers: { ...auth(), ...headers } },
    ...options,
  });
  return { client, requests: recorder.requests };
}

describe('urql against the gateway', () => {
  it('with urql\'s defaults (GET, no content type) is refused by CSRF prevention with a message that says what to send', async () => {
    const { client, requests } = urqlClient();
    const result = await client.query(DASHBOARD, DASHBOARD_VARIABLES).toPromise();

    expect(requests.map((r) => r.method)).toEqual(['GET']);
    expect(requests[0]!.headers['content-type']).toBeUndefined();
    expect(requests[0]!.headers['authorization'], 'a bearer token does not count as a preflight header').toBeDefined();
    expect(requests[0]!.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors.map((e) => e.extensions['code'])).toEqual(['BAD_REQUEST']);
    const message = result.error!.message;
    expect(message).toContain('Cross-Site Request Forgery');
    expect(message).toContain('apollo-require-preflight');
    expect(message).toContain("'content-type'");
  });

  it.each(WORKING_SETUPS)('with $name loads the cross-bureau dashboard, equal to the same request sent without the client', async ({ options, headers, method }) => {
    const { client, requests } = urqlClient(options, headers);
    const result = await client.query(DASHBOARD, DASHBOARD_VARIABLES).toPromise();
    expect(result.error).toBeUndefined();
    expect(requests.map((r) => [r.method, r.status])).toEqual([[method, 200]]);
    expect(requests[0]!.contentType).toMatch(/^application\/graphql-response\+json/); // urql's first choice

    const { query, variables } = sentOperation(requests[0]!);
    const direct = await postGraphQL(federation.gateway.url, query, variables, auth());
    expect(direct.errors).toBeUndefined();
    expect(result.data).toEqual(direct.data);
    const bureaus = new Set(result.data.enforcementCases.edges.map((e: any) => e.node.cityCode));
    for (const s of result.data.sections) if (s.station) bureaus.add(s.station.cityCode);
    expect(bureaus.size, 'the dashboard spans several bureaus').toBeGreaterThanOrEqual(3);
  });

  it.each(WORKING_SETUPS)('with $name pages through every case (first 7, after endCursor): each once, in the order of one big page', async ({ options, headers }) => {
    const big = await postGraphQL(federation.gateway.url, CASES_PAGE, { first: 100 }, auth());
    expect(big.errors).toBeUndefined();
    expect(big.data!['enforcementCases'].pageInfo.hasNextPage, 'the seed scale outgrew one page').toBe(false);
    const everyCase = big.data!['enforcementCases'].edges.map((e: any) => e.node);
    expect(everyCase.length).toBeGreaterThan(20);

    const { client } = urqlClient(options, headers);
    const shown: any[] = [];
    let after: string | null = null;
    for (let page = 1; ; page += 1) {
      expect(page).toBeLessThan(50);
      const result: OperationResult<any> = await client.query(CASES_PAGE, { first: 7, after }).toPromise();
      expect(result.error, `page ${page}`).toBeUndefined();
      const { edges, pageInfo, totalCount } = result.data.enforcementCases;
      expect(totalCount, `page ${page}: totalCount`).toBe(everyCase.length);
      expect(edges.length, `page ${page}`).toBe(pageInfo.hasNextPage ? 7 : everyCase.length - shown.length);
      shown.push(...edges.map((e: any) => e.node));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(new Set(shown.map((node) => node.id)).size, 'no case twice').toBe(shown.length);
    expect(shown.map(({ __typename, ...node }) => node)).toEqual(everyCase);
  });

  it('refetches by node(id) a station and a case of every bureau (network-only), equal to what the owning bureau answers', async () => {
    const { client, requests } = urqlClient({ preferGetMethod: false });
    const stations = (await client.query(ALL_STATIONS, {}).toPromise()).data.stations.edges.map((e: any) => e.node);
    const cases = (await client.query(CASES_PAGE, { first: 100 }).toPromise()).data.enforcementCases.edges.map((e: any) => e.node);
    const picks = federation.codes.flatMap((code) => [stations.find((s: any) => s.cityCode === code), cases.find((c: any) => c.cityCode === code)]);
    expect(picks.every(Boolean), 'every bureau has a station and a case').toBe(true);

    for (const pick of picks) {
      const refetch = NODE_REFETCH[pick.__typename as keyof typeof NODE_REFETCH];
      const result = await client.query(refetch, { id: pick.id }, { requestPolicy: 'network-only' }).toPromise();
      expect(result.error, pick.id).toBeUndefined();
      expect(requests.at(-1)!.body, 'went to the network').toContain(pick.id);
      const { query, variables } = sentOperation(requests.at(-1)!);
      const direct = await federation.bureau(pick.cityCode).post(query, variables);
      expect(direct.errors).toBeUndefined();
      expect(result.data, pick.id).toEqual(direct.data);
      expect(result.data.node.cityCode).toBe(decodeGlobalId(pick.id)!.cityCode);
    }
  });
});

/**
 * The README's subscription set-up for urql: subscriptionExchange forwarding to graphql-sse's client
 * (POST /graphql/stream, the token as a header), queries by POST through fetchExchange.
 */
function liveUrqlClient(origin: string, token: string) {
  const sse = createSseClient({ url: `${origin}/graphql/stream`, headers: () => ({ authorization: `Bearer ${token}` }) });
  const client = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, sse };
}

describe('urql subscriptions (subscriptionExchange over graphql-sse)', () => {
  it('receives readingReported for HJ 212 packets sent to 荣昌\'s ingest, queries still by POST, and resumes with since', async () => {
    const token = await callerToken({ sub: 'urql-live' });
    const { client, sse } = liveUrqlClient(federation.gateway.origin, token);
    const logger = await startLogger(federation);
    try {
      await expectLiveThenResumed(logger, (variables, sink) => client.subscription(READINGS_SUBSCRIPTION, variables).subscribe((result) => {
        if (result.error) sink.fail(result.error);
        else sink.next(result.data.readingReported);
      }), 200, 888);
      const station = await client.query(`query Device($id: ID!) { node(id: $id) { id ... on Station { code } } }`, { id: logger.stationId }).toPromise();
      expect(station.error).toBeUndefined();
      expect(station.data).toEqual({ node: { __typename: 'Station', id: logger.stationId, code: logger.mn } });
    } finally {
      await logger.close();
      sse.dispose();
    }
  });
});

