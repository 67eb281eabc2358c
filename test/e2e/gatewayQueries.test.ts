/**
 * The gateway as a front end meets it, over a healthy federation of real processes: the region,
 * six bureaus on seeded embedded stores, and `gateway/server/gateway.main.ts` on free loopback ports. Every
 * expectation is computed from the bureaus and the region asked directly, never from the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../schema/globalId.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

let federation: GatewayFederation;

beforeAll(async () => {
  federation = await startGatewayFederation();
});

afterAll(async () => {
  await federation?.stop();
});

/** As an analyst with every scope: cases and emergency resources are partners-only (test/e2e/security covers the roles). */
const gateway = (query: string, variables?: Record<string, unknown>) => postGraphQL(federation.gateway.url, query, variables, federation.gateway.callerHeaders);
/** Direct calls carry a gateway token (an officer of that bureau), as the gateway's would. */
const bureau = (code: string, query: string, variables?: Record<string, unknown>) => federation.bureau(code).post(query, variables);
const region = (query: string, variables?: Record<string, unknown>) => federation.region().post(query, variables);

type SortKind = 'instant' | 'number' | 'string';
interface Item { readonly id: string; readonly cityCode: string; readonly key: string | number }

/** The contract's global order: sort key, then (cityCode, id) ascending, by code units. */
function globalOrder(direction: 'ASC' | 'DESC', kind: SortKind) {
  const value = (item: Item) => (kind === 'instant' ? Date.parse(String(item.key)) : item.key);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: Item, b: Item) => {
    const [x, y] = [value(a), value(b)];
    const byKey = x < y ? -1 : x > y ? 1 : 0;
    return (direction === 'ASC' ? byKey : -byKey) || text(a.cityCode, b.cityCode) || text(a.id, b.id);
  };
}

/** Every bureau's whole list, asked directly (each holds far fewer than 100 items at this scale). */
async function everyBureausItems(field: string, keyField: string, args = '') {
  const answers = await Promise.all(federation.codes.map((code) => bureau(code,
    `{ list: ${field}(first: 100 ${args}) { totalCount pageInfo { hasNextPage } edges { node { id cityCode key: ${keyField} } } } }`)));
  return answers.map((answer, i) => {
    expect(answer.errors, federation.codes[i]).toBeUndefined();
    expect(answer.data!['list'].pageInfo.hasNextPage, 'the seed scale outgrew one page per bureau').toBe(false);
    return { totalCount: answer.data!['list'].totalCount as number, items: answer.data!['list'].edges.map((e: any) => e.node as Item) };
  });
}

/** Walks a fan-out list through the gateway page by page; returns what a client would collect. */
async function walkGateway(field: string, keyField: string, first: number, args = '') {
  const items: Item[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 500; page += 1) {
    const answer = await gateway(`query($first: Int, $after: String) {
      list: ${field}(first: $first, after: $after ${args}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id cityCode key: ${keyField} } } } }`, { first, after });
    expect(answer.errors).toBeUndefined();
    const list = answer.data!['list'];
    totals.add(list.totalCount);
    expect(list.edges.length).toBeLessThanOrEqual(first);
    items.push(...list.edges.map((e: any) => e.node as Item));
    if (!list.pageInfo.hasNextPage) return { items, totals };
    expect(list.edges.length, 'a page before the last is full').toBe(first);
    after = list.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end within 500 pages`);
}

const FAN_OUT_LISTS = [
  { field: 'projects', keyField: 'updatedAt', direction: 'DESC', kind: 'instant' },
  { field: 'stations', keyField: 'code', direction: 'ASC', kind: 'string' },
  { field: 'enforcementCases', keyField: 'filedAt', direction: 'DESC', kind: 'instant' },
  { field: 'jointPatrols', keyField: 'startedAt', direction: 'DESC', kind: 'instant' },
  { field: 'emergencyResources', keyField: 'id', direction: 'ASC', kind: 'string' },
] as const;

const NEAR_SUINING = ', near: { longitude: 105.59, latitude: 30.52 }, radiusKm: 500';

describe('fan-out through the gateway', () => {
  it.each(FAN_OUT_LISTS)('$field: totalCount is the sum of the bureaus\' and the items are their union, in global order', async (list) => {
    const perBureau = await everyBureausItems(list.field, list.keyField);
    const expected = perBureau.flatMap((b) => b.items).sort(globalOrder(list.direction, list.kind));
    const sum = perBureau.reduce((total, b) => total + b.totalCount, 0);
    expect(sum, 'every bureau contributes').toBeGreaterThan(perBureau[0]!.totalCount);

    const answer = await gateway(`{ list: ${list.field}(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id cityCode key: ${list.keyField} } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['list'].totalCount).toBe(sum);
    expect(answer.data!['list'].pageInfo.hasNextPage).toBe(false);
    expect(answer.data!['list'].edges.map((e: any) => e.node)).toEqual(expected);
  });

  it('restricts the fan-out to the bureaus named in cityCodes', async () => {
    const [a, b] = [federation.codes[0]!, federation.codes[3]!];
    const perBureau = await everyBureausItems('enforcementCases', 'filedAt');
    const expected = [a, b].flatMap((code) => perBureau[federation.codes.indexOf(code)]!.items).sort(globalOrder('DESC', 'instant'));
    const answer = await gateway(`query($codes: [ID!]) { enforcementCases(first: 100, cityCodes: $codes) {
      totalCount edges { node { id cityCode key: filedAt } } } }`, { codes: [a, b] });
    expect(answer).toEqual({ data: { enforcementCases: { totalCount: expected.length, edges: expected.map((node) => ({ node })) } } });
  });

  it.each([
    { what: 'enforcement cases (filedAt DESC)', field: 'enforcementCases', keyField: 'filedAt', direction: 'DESC', kind: 'instant', args: '' },
    { what: 'stations (code ASC)', field: 'stations', keyField: 'code', direction: 'ASC', kind: 'string', args: '' },
    { what: 'resources near a point (distanceKm ASC)', field: 'emergencyResources', keyField: 'distanceKm', direction: 'ASC', kind: 'number', args: NEAR_SUINING },
  ] as const)('paging $what with first 1, 7 and 50 walks every item once, in global order', async (list) => {
    const perBureau = await everyBureausItems(list.field, list.keyField, list.args);
    const expected = perBureau.flatMap((b) => b.items).sort(globalOrder(list.direction, list.kind));
    expect(expected.length).toBeGreaterThan(20); // enough to cross bureaus many times at first 7
    for (const first of [1, 7, 50]) {
      const walked = await walkGateway(list.field, list.keyField, first, list.args);
      expect(walked.totals, `first ${first}: totalCount on every page`).toEqual(new Set([expected.length]));
      expect(walked.items, `first ${first}`).toEqual(expected);
    }
  });
});

describe('joins across subgraphs', () => {
  it('resolves each region section\'s station (name, latest reading) from the bureau that owns it', async () => {
    const answer = await gateway('{ sections { id name station { id cityCode name latest { time } } } }');
    expect(answer.errors).toBeUndefined();
    const fromRegion = (await region('{ sections { id station { id cityCode } } }')).data!['sections'] as Array<{ id: string; station: { id: string; cityCode: string } | null }>;
    const withStation = fromRegion.filter((s) => s.station !== null);
    expect(withStation.length).toBeGreaterThan(5);

    const expected = new Map<string, unknown>();
    for (const code of new Set(withStation.map((s) => s.station!.cityCode))) {
      const reps = withStation.filter((s) => s.station!.cityCode === code).map((s) => ({ __typename: 'Station', ...s.station }));
      const direct = await bureau(code, 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Station { id cityCode name latest { time } } } }', { reps });
      expect(direct.errors).toBeUndefined();
      direct.data!['_entities'].forEach((station: any, i: number) => expected.set(reps[i]!.id!, station));
    }
    const sections = answer.data!['sections'] as Array<{ id: string; station: { id: string } | null }>;
    expect(sections.map((s) => s.id)).toEqual(fromRegion.map((s) => s.id));
    for (const section of sections) {
      const station = fromRegion.find((s) => s.id === section.id)!.station;
      expect(section.station, section.id).toEqual(station ? expected.get(station.id) : null);
    }
    expect(sections.every((s: any) => s.station === null || (s.station.name && s.station.latest?.time))).toBe(true);
  });

  it("gives each case's enterprise its name from the region and its cases and sources from every bureau, merged", async () => {
    const answer = await gateway(`{ enforcementCases(first: 100) { edges { node {
      caseNumber enterprise { creditCode name cases { caseNumber cityCode } sources { code cityCode } } } } } }`);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const enterprises = new Map<string, { name: string; cases: unknown[]; sources: unknown[] }>();
    for (const edge of answer.data!['enforcementCases'].edges) enterprises.set(edge.node.enterprise.creditCode, edge.node.enterprise);
    const reps = [...enterprises.keys()].map((creditCode) => ({ __typename: 'Enterprise', creditCode }));

    const names = (await region('query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { name } } }', { reps })).data!['_entities'];
    // Broadcast entities concatenate each bureau's list in ascending bureau order
    // (gateway/shard-engine/mergeBroadcastValues.ts).
    const casesByBureau = await Promise.all(federation.codes.map((code) =>
      bureau(code, `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Enterprise { cases { caseNumber cityCode } sources { code cityCode } } } }`, { reps })));
    let spanning = 0;
    reps.forEach((rep, i) => {
      const cases = casesByBureau.flatMap((b) => b.data!['_entities'][i].cases);
      const sources = casesByBureau.flatMap((b) => b.data!['_entities'][i].sources);
      if (new Set(cases.map((c: any) => c.cityCode)).size > 1) spanning += 1;
      expect(enterprises.get(rep.creditCode), rep.creditCode).toEqual({ creditCode: rep.creditCode, name: names[i].name, cases, sources });
    });
    expect(spanning, 'some enterprise has cases in several bureaus').toBeGreaterThan(0);
  });

  it('names the partner bureaus of joint cases from the region (City entity stubs)', async () => {
    const answer = await gateway('{ enforcementCases(first: 100, jointOnly: true) { edges { node { cityCode jointPartners { code name } } } } }');
    expect(answer.errors).toBeUndefined();
    const names = new Map((await region('{ cities { code name } }')).data!['cities'].map((c: any) => [c.code, c.name]));
    const partners = answer.data!['enforcementCases'].edges.flatMap((e: any) => e.node.jointPartners);
    expect(partners.length).toBeGreaterThan(0);
    for (const partner of partners) expect(partner).toEqual({ code: partner.code, name: names.get(partner.code) });
  });

  it("routes node(id) to the bureau named in the id and answers with that bureau's object", async () => {
    const ids = (await gateway(`{
      s: stations(first: 100) { edges { node { id cityCode } } }
      c: enforcementCases(first: 100) { edges { node { id cityCode } } }
    }`)).data!;
    // One station and one case of every bureau.
    const picks = federation.codes.flatMap((code) => [
      { type: 'Station', ...ids['s'].edges.find((e: any) => e.node.cityCode === code).node },
      { type: 'EnforcementCase', ...ids['c'].edges.find((e: any) => e.node.cityCode === code).node },
    ]);
    for (const pick of picks) {
      const answer = await gateway(`query($id: ID!) { node(id: $id) { __typename id
        ... on Station { cityCode name } ... on EnforcementCase { cityCode caseNumber } } }`, { id: pick.id });
      const direct = await bureau(pick.cityCode, `query($id: ID!) { node(id: $id) { __typename id
        ... on Station { cityCode name } ... on EnforcementCase { cityCode caseNumber } } }`, { id: pick.id });
      expect(direct.data!['node'], 'the reference answer').toMatchObject({ __typename: pick.type, id: pick.id, cityCode: pick.cityCode });
      expect(answer, `${pick.type} of ${pick.cityCode}`).toEqual(direct);
    }
  });

  it('answers node(id) of a bureau it does not serve with null and UNKNOWN_CITY', async () => {
    const id = encodeGlobalId('EnforcementCase', '999999', 'C0001');
    const answer = await gateway('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(answer.data).toEqual({ node: null });
    expect(answer.errors).toMatchObject([{ path: ['node'], extensions: { code: 'UNKNOWN_CITY', city: '999999' } }]);
  });
});

describe('operation shapes through the gateway', () => {
  const PLAIN = (first: number, codes?: string[]) =>
    gateway(`query($first: Int, $codes: [ID!]) { enforcementCases(first: $first, cityCodes: $codes) { totalCount edges { node { id cityCode caseNumber } } } }`, { first, codes });

  it('answers each alias of one fan-out field with its own arguments, merged by response key', async () => {
    const code = federation.codes[1]!;
    const answer = await gateway(`{
      newest: enforcementCases(first: 3) { total: totalCount edges { item: node { key: id city: cityCode number: caseNumber } } }
      local: enforcementCases(first: 2, cityCodes: ["${code}"]) { totalCount edges { node { id cityCode caseNumber } } }
      kind: __typename
    }`);
    expect(answer.errors).toBeUndefined();
    const [newest, local] = [(await PLAIN(3)).data!['enforcementCases'], (await PLAIN(2, [code])).data!['enforcementCases']];
    expect(answer.data).toEqual({
      newest: { total: newest.totalCount, edges: newest.edges.map((e: any) => ({ item: { key: e.node.id, city: e.node.cityCode, number: e.node.caseNumber } })) },
      local,
      kind: 'Query',
    });
    expect(local.edges.every((e: any) => e.node.cityCode === code)).toBe(true);
  });

  it('expands named and inline fragments, with variables, as the plain query would', async () => {
    const answer = await gateway(`
      query Cases($first: Int!) { list: enforcementCases(first: $first) { ...Page } }
      fragment Page on EnforcementCaseConnection { totalCount edges { node { ...CaseFields ... on Node { id } } } }
      fragment CaseFields on EnforcementCase { cityCode ... on EnforcementCase { caseNumber } }`, { first: 5 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['list']).toEqual((await PLAIN(5)).data!['enforcementCases']);
  });

  it.each([
    { withTotal: true, skipEdges: false },
    { withTotal: false, skipEdges: false },
    { withTotal: true, skipEdges: true },
  ])('with withTotal=$withTotal and skipEdges=$skipEdges, returns exactly the fields @include and @skip leave in', async (vars) => {
    const answer = await gateway(`query($withTotal: Boolean!, $skipEdges: Boolean!) {
      enforcementCases(first: 2) { totalCount @include(if: $withTotal) edges @skip(if: $skipEdges) { node { id cityCode caseNumber } } } }`, vars);
    expect(answer.errors).toBeUndefined();
    const plain = (await PLAIN(2)).data!['enforcementCases'];
    expect(answer.data).toEqual({ enforcementCases: {
      ...(vars.withTotal && { totalCount: plain.totalCount }),
      ...(!vars.skipEdges && { edges: plain.edges }),
    } });
  });

  it('passes a bureau\'s argument error to the client with its code, path and bureau', async () => {
    const answer = await gateway('{ enforcementCases(first: 101) { totalCount } }');
    expect(answer.data).toEqual({ enforcementCases: null });
    expect(answer.errors).toMatchObject([{ path: ['enforcementCases'], extensions: { code: 'PAGE_SIZE_OUT_OF_RANGE' } }]);
  });
});

describe('health endpoints of a healthy federation', () => {
  it('answers /livez with 200', async () => {
    const res = await fetch(`${federation.gateway.origin}/livez`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive' });
  });

  it('answers /readyz with 200, the region and every bureau up', async () => {
    const { status, body } = await readReadiness(federation.gateway.origin);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: true, region: { status: 'up' } });
    expect(body.cities.map((c) => [c.code, c.status, c.circuit])).toEqual(federation.codes.map((code) => [code, 'up', 'closed']));
  });
});

describe('production hygiene', () => {
  it.each([
    ['a syntax error', '{ enforcementCases(first: 1 { totalCount } }', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ enforcementCases(first: 1) { noSuchField } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a bureau refusing an argument', '{ enforcementCases(first: -1) { totalCount } }', 'PAGE_SIZE_OUT_OF_RANGE'],
    ['a malformed id', '{ node(id: "42") { id } }', 'INVALID_ID'],
    ['a malformed cursor', '{ stations(after: "not-a-cursor") { totalCount } }', 'INVALID_CURSOR'],
  ])('answers %s with its code and no stack trace', async (_what, query, code) => {
    const res = await fetch(federation.gateway.url, {
      method: 'POST', headers: { 'content-type': 'application/json', ...federation.gateway.callerHeaders }, body: JSON.stringify({ query }),
    });
    const text = await res.text();
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toBe(code);
    expect(text).not.toMatch(/stacktrace|exception|\.ts:\d+|node_modules/);
  });

  it('never exposes the query plan, even when a client asks for it', async () => {
    for (const format of ['prettified', 'internal']) {
      const res = await fetch(federation.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-query-plan-experimental': '1', 'apollo-query-plan-experimental-format': format },
        body: JSON.stringify({ query: '{ sections { name station { name } } }' }),
      });
      const body = (await res.json()) as Record<string, unknown>;
      expect(body['errors']).toBeUndefined();
      expect(body['extensions']).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/queryPlan|QueryPlan|Fetch\(service/);
    }
  });

  it('does not serve Apollo\'s landing page (it loads Sandbox from a CDN) at GET /graphql', async () => {
    const res = await fetch(`${federation.gateway.url}`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(res.status).not.toBe(200);
    expect(text).not.toMatch(/apollographql\.com|cdn|<script/i);
  });

  it('serves the bundled IDE at GET / with scripts from its own origin only', async () => {
    const res = await fetch(`${federation.gateway.origin}/`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    // 503 only when the IDE was never built; either way nothing may point at another host.
    expect([200, 503]).toContain(res.status);
    expect(text).not.toMatch(/apollographql\.com|cdn|https?:\/\//i);
  });
});
