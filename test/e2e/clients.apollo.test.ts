/**
 * Apollo Client 4, as a front-end team sets it up (HttpLink with the caller's token, an
 * InMemoryCache with its default settings, no type policies), against the real gateway over real
 * bureau processes. Each answer
 * the client gives is compared with the same request sent without the client, or with the bureau
 * asked directly.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql, type NormalizedCacheObject } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../schema/globalId.ts';
import {
  ALL_STATIONS, CASES_PAGE, DASHBOARD, DASHBOARD_VARIABLES, NODE_REFETCH, recordingFetch, sentOperation,
} from '../fixtures/frontEndOperations.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { READINGS_SUBSCRIPTION, expectLiveThenResumed, startLogger, type ReadingSeen } from '../fixtures/deviceReadings.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

let federation: GatewayFederation;
/** A signed-in analyst (the fixture's caller): cases need the `cases:read` scope. */
const auth = () => federation.gateway.callerHeaders;

beforeAll(async () => {
  federation = await startGatewayFederation();
});

afterAll(async () => {
  await federation?.stop();
});

/** A fresh client per test: the cache starts empty, so each test proves what it reads from it. */
function apolloClient() {
  const recorder = recordingFetch();
  const cache = new InMemoryCache();
  const client = new ApolloClient({ link: new HttpLink({ uri: federation.gateway.url, fetch: recorder.fetch, headers: auth() }), cache });
  return { client, cache, requests: recorder.requests };
}

type CacheEntry = { __typename?: string; id?: string; cityCode?: string } & Record<string, unknown>;
const entriesOf = (cache: NormalizedCacheObject, typename: string) =>
  Object.entries(cache).filter(([, value]) => (value as CacheEntry | undefined)?.__typename === typename) as Array<[string, CacheEntry]>;

describe('Apollo Client against the gateway', () => {
  it('loads a cross-bureau dashboard that equals the same request sent without the client', async () => {
    const { client, requests } = apolloClient();
    const result = await client.query({ query: gql(DASHBOARD), variables: DASHBOARD_VARIABLES });
    expect(result.error).toBeUndefined();

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.status).toBe(200);
    expect(sent!.contentType).toMatch(/^application\/graphql-response\+json/); // the type the client asked for first
    const { query, variables } = sentOperation(sent!);
    const direct = await postGraphQL(federation.gateway.url, query, variables, auth());
    expect(direct.errors).toBeUndefined();
    expect(result.data).toEqual(direct.data);

    const data = result.data as any;
    const bureaus = new Set<string>([
      ...data.sections.flatMap((s: any) => (s.station ? [s.station.cityCode] : [])),
      ...data.enforcementCases.edges.map((e: any) => e.node.cityCode),
      ...data.emergencyResources.edges.map((e: any) => e.node.cityCode),
    ]);
    expect(bureaus.size, 'the dashboard spans several bureaus').toBeGreaterThanOrEqual(3);
    expect(data.sections.some((s: any) => s.station?.latest?.values.length > 0), 'stations carry their latest readings').toBe(true);
    client.stop();
  });

  it('pages with fetchMore (first 7, after endCursor, updateQuery appending): every case once, in the order of one big page', async () => {
    const { client } = apolloClient();
    const big = await postGraphQL(federation.gateway.url, CASES_PAGE, { first: 100 }, auth());
    expect(big.errors).toBeUndefined();
    expect(big.data!['enforcementCases'].pageInfo.hasNextPage, 'the seed scale outgrew one page').toBe(false);
    const everyCase = big.data!['enforcementCases'].edges.map((e: any) => e.node);
    expect(everyCase.length).toBeGreaterThan(20);

    // One subscription for the whole walk, as a mounted list component holds it (Apollo tears a
    // query down when its last subscriber leaves).
    // One subscription for the whole walk, as a mounted list component holds it (Apollo tears a
    // query down when its last subscriber leaves).
    const observable = client.watchQuery({ query: gql(CASES_PAGE), variables: { first: 7 } });
    let latest: any = null;
    let waiting: { until: (data: any) => boolean; resolve: () => void } | null = null;
    const rendered = (until: (data: any) => boolean) => new Promise<void>((resolve) => {
      if (latest && until(latest)) resolve();
      else waiting = { until, resolve };
    });
    const watching = observable.subscribe((result) => {
      if (result.dataState !== 'complete' || result.loading) return;
      latest = result.data;
      if (waiting?.until(latest)) waiting.resolve();
    });
    await rendered(() => true);
    expect(latest.enforcementCases.edges).toHaveLength(7);
    let pageInfo = latest.enforcementCases.pageInfo;
    let pages = 1;
    while (pageInfo.hasNextPage) {
      const more = await observable.fetchMore({
        variables: { after: pageInfo.endCursor },
        updateQuery: (previous: any, { fetchMoreResult }: any) => ({
          enforcementCases: {
            ...fetchMoreResult.enforcementCases,
            edges: [...previous.enforcementCases.edges, ...fetchMoreResult.enforcementCases.edges],
          },
        }),
      });
      const page = (more.data as any).enforcementCases;
      expect(page.edges.length, `page ${pages + 1}`).toBeLessThanOrEqual(7);
      expect(page.totalCount, `page ${pages + 1}: totalCount`).toBe(everyCase.length);
      pageInfo = page.pageInfo;
      pages += 1;
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(everyCase.length / 7));

    // The merged list reaches the subscriber once the cache broadcasts the last write.
    await rendered((data) => data.enforcementCases.edges.length >= everyCase.length);
    expect(observable.getCurrentResult().data).toEqual(latest);
    const shown = latest.enforcementCases.edges.map((e: any) => e.node);
    expect(new Set(shown.map((node: any) => node.id)).size, 'no case twice').toBe(shown.length);
    expect(shown.map(({ __typename, ...node }: any) => node)).toEqual(everyCase);
    watching.unsubscribe();
    client.stop();
  });

  it('refetches by node(id) an object of every bureau, equal to what the owning bureau answers', async () => {
    const { client, cache, requests } = apolloClient();
    const stations = (await client.query({ query: gql(ALL_STATIONS) })).data as any;
    const cases = (await client.query({ query: gql(CASES_PAGE), variables: { first: 100 } })).data as any;
    const picks = [
      ...federation.codes.map((code) => stations.stations.edges.map((e: any) => e.node).find((s: any) => s.cityCode === code)),
      ...federation.codes.map((code) => cases.enforcementCases.edges.map((e: any) => e.node).find((c: any) => c.cityCode === code)),
    ];
    expect(picks.every(Boolean), 'every bureau has a station and a case').toBe(true);

    for (const pick of picks) {
      const refetch = gql(NODE_REFETCH[pick.__typename as keyof typeof NODE_REFETCH]);
      const refetched = await client.query({ query: refetch, variables: { id: pick.id }, fetchPolicy: 'network-only' });
      // The very operation the client sent, to the owning bureau itself (as the gateway calls it).
      const { query, variables } = sentOperation(requests.at(-1)!);
      const direct = await federation.bureau(pick.cityCode).post(query, variables);
      expect(direct.errors).toBeUndefined();
      expect(refetched.data, pick.id).toEqual(direct.data);
      expect((refetched.data as any).node.cityCode).toBe(decodeGlobalId(pick.id)!.cityCode);
    }
    // The refetches landed on the entries the lists created: one entry per object, not a copy each.
    const extracted = cache.extract();
    expect(entriesOf(extracted, 'Station')).toHaveLength(stations.stations.totalCount);
    expect(entriesOf(extracted, 'EnforcementCase')).toHaveLength(cases.enforcementCases.totalCount);
    client.stop();
  });

  it('keeps one cache entry per (bureau, local id): records with the same local id in different bureaus never merge', async () => {
    const { client, cache } = apolloClient();
    const stations = (await client.query({ query: gql(ALL_STATIONS) })).data as any;
    const cases = (await client.query({ query: gql(CASES_PAGE), variables: { first: 100 } })).data as any;
    const extracted = cache.extract();

    for (const [typename, nodes] of [
      ['Station', stations.stations.edges.map((e: any) => e.node)],
      ['EnforcementCase', cases.enforcementCases.edges.map((e: any) => e.node)],
    ] as const) {
      const entries = entriesOf(extracted, typename);
      const owners = entries.map(([, entry]) => decodeGlobalId(entry.id!)!);
      const pairs = new Set(owners.map((o) => `${o.cityCode}:${o.localId}`));
      expect(entries, typename).toHaveLength(nodes.length);
      expect(pairs.size, `${typename}: one entry per (bureau, local id)`).toBe(nodes.length);

      // The seeded data reuses local ids across bureaus (every bureau numbers its own records).
      const byLocalId = new Map<string, typeof owners>();
      for (const owner of owners) byLocalId.set(owner.localId, [...(byLocalId.get(owner.localId) ?? []), owner]);
      const shared = [...byLocalId.values()].filter((group) => new Set(group.map((o) => o.cityCode)).size > 1);
      expect(shared.length, `${typename}: some local id is used by several bureaus`).toBeGreaterThan(0);
      for (const group of shared) {
        for (const owner of group) {
          const node = nodes.find((n: any) => decodeGlobalId(n.id)!.cityCode === owner.cityCode && decodeGlobalId(n.id)!.localId === owner.localId);
          const key = cache.identify(node)!;
          expect(key).toBe(`${typename}:${node.id}`);
          // Each entry keeps its own bureau and its own fields, exactly as the gateway answered.
          expect(extracted[key]).toEqual(node);
          expect(extracted[key]!['cityCode']).toBe(owner.cityCode);
        }
      }
    }

    // A refetch of one of a colliding pair updates that entry only.
    const [left, right] = entriesOf(extracted, 'EnforcementCase')
      .map(([, entry]) => entry)
      .filter((entry, _, all) => all.filter((other) => decodeGlobalId(other.id!)!.localId === decodeGlobalId(entry.id!)!.localId).length > 1)
      .sort((a, b) => decodeGlobalId(a.id!)!.localId.localeCompare(decodeGlobalId(b.id!)!.localId) || a.cityCode!.localeCompare(b.cityCode!));
    expect(decodeGlobalId(left!.id!)!.localId).toBe(decodeGlobalId(right!.id!)!.localId);
    expect(left!.cityCode).not.toBe(right!.cityCode);
    await client.query({ query: gql(NODE_REFETCH.EnforcementCase), variables: { id: left!.id }, fetchPolicy: 'network-only' });
    const after = cache.extract();
    expect(after[cache.identify(right as any)!]).toEqual(right);
    expect(after[cache.identify(left as any)!]!['cityCode']).toBe(left!.cityCode);
    client.stop();
  });

  it('gives the gateway\'s error codes to the client (a 400 and a 200 with errors, both as application/graphql-response+json)', async () => {
    const { client, requests } = apolloClient();
    for (const [query, code, status] of [
      ['query TooBig { stations(first: 500) { totalCount } }', 'PAGE_SIZE_OUT_OF_RANGE', 200],
      ['query BadEnum { stations(kind: NOPE) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED', 400],
    ] as const) {
      const result = await client.query({ query: gql(query), errorPolicy: 'all' });
      expect(result.error, query).toBeDefined();
      expect((result.error as any).errors.map((e: any) => e.extensions?.code), query).toEqual([code]);
      expect(requests.at(-1)!.status, query).toBe(status);
      expect(requests.at(-1)!.contentType, query).toMatch(/^application\/graphql-response\+json/);
    }
    client.stop();
  });
});

describe('Apollo Client writes', () => {
  it('reports an incident with client.mutate (what useMutation calls), and the cache holds the incident and its notice by global id', async () => {
    // The reporting bureau asks the graph for the river's sections: it needs the gateway's address.
    await federation.killBureau('510900');
    await federation.restartBureau('510900', { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
    await expect.poll(async () => (await readReadiness(federation.gateway.origin)).body.cities.find((c) => c.code === '510900'), { timeout: 30_000 })
      .toMatchObject({ status: 'up', circuit: 'closed' });
    const token = await callerToken({ sub: 'wang.fang', bureau: '510900', scope: 'incidents:write' });
    const cache = new InMemoryCache();
    const client = new ApolloClient({ link: new HttpLink({ uri: federation.gateway.url, headers: { authorization: `Bearer ${token}` } }), cache });
    const REPORT = gql`mutation ReportIncident($key: ID!, $input: ReportIncidentInput!) {
      reportIncident(cityCode: "510900", idempotencyKey: $key, input: $input) { id status notices { id recipientCityCode state } }
    }`;
    const variables = {
      key: randomUUID(), // one key per user action: a retry of the same action sends the same key
      input: {
        title: '琼江柴油泄漏', description: '罐车侧翻，约 2 吨柴油入河', occurredAt: '2026-05-01T08:30:00+08:00',
        location: { longitude: 105.56, latitude: 30.21 }, riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan',
      },
    };
    const first = await client.mutate({ mutation: REPORT, variables });
    const again = await client.mutate({ mutation: REPORT, variables }); // a retry: the first result, nothing written twice
    const incident = (first.data as { reportIncident: { id: string; status: string; notices: Array<{ id: string; recipientCityCode: string }> } }).reportIncident;
    expect((again.data as { reportIncident: { id: string } }).reportIncident.id).toBe(incident.id);
    expect(incident.notices.map((n) => n.recipientCityCode)).toEqual(['500152']);
    const entries = cache.extract();
    expect(entriesOf(entries, 'EnvironmentalIncident').map(([key]) => key)).toEqual([`EnvironmentalIncident:${incident.id}`]);
    expect(entriesOf(entries, 'IncidentNotice')).toHaveLength(1);
  });
});

/**
 * The README's subscription set-up: one client, queries and mutations over HttpLink, subscriptions
 * over GraphQLWsLink (graphql-ws), chosen by `split` on the operation type. The token goes in
 * connection_init (a browser cannot set a WebSocket's headers). Node 20 has no WebSocket of its own,
 * so the `ws` package stands in for the browser's (`webSocketImpl`, the only difference).
 */
function liveApolloClient(origin: string, token: string) {
  const wsClient = createClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${token}` }),
    webSocketImpl: WebSocket,
  });
  const httpLink = new HttpLink({ uri: `${origin}/graphql`, headers: { authorization: `Bearer ${token}` } });
  const link = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(wsClient), httpLink);
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), wsClient };
}

describe('Apollo Client subscriptions (GraphQLWsLink, split by operation type)', () => {
  it('receives readingReported for HJ 212 packets sent to 荣昌\'s ingest, queries still over HTTP, and resumes with since', async () => {
    const token = await callerToken({ sub: 'apollo-live' });
    const { client, wsClient } = liveApolloClient(federation.gateway.origin, token);
    const logger = await startLogger(federation);
    const readings = gql(READINGS_SUBSCRIPTION);
    try {
      await expectLiveThenResumed(logger, (variables, sink) => client.subscribe({ query: readings, variables }).subscribe({
        next: (result) => (result.error ? sink.fail(result.error) : sink.next((result.data as { readingReported: ReadingSeen }).readingReported)),
        error: (error) => sink.fail(error),
      }), 100, 777);
      // The same client's queries go over HTTP (the split's other side).
      const station = await client.query({ query: gql`query Device($id: ID!) { node(id: $id) { id ... on Station { code } } }`, variables: { id: logger.stationId } });
      expect(station.data).toEqual({ node: { __typename: 'Station', id: logger.stationId, code: logger.mn } });
    } finally {
      await logger.close();
      client.stop();
      await wsClient.dispose();
    }
  });
});

