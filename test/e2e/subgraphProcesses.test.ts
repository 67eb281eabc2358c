/**
 * The seven subgraph processes as `npm start` runs them (same entries, real HTTP, real embedded
 * stores seeded by the real generator at a small scale), checked the way a gateway and a front end
 * would use them.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareToContract } from '../../schema/compareToContract.ts';
import { expandSubgraphSdl } from '../../schema/expandSubgraphSdl.ts';
import { loadContract, loadRegion } from '../../schema/loadContract.ts';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { seedTestData, type SeededData } from '../fixtures/seedTestData.ts';
import { startSubgraphProcess, type SubgraphProcess } from '../fixtures/startSubgraphProcess.ts';

const BUREAUS = listBureauCodes();
let data: SeededData;
let region: SubgraphProcess;
const bureaus = new Map<string, SubgraphProcess>();

beforeAll(async () => {
  data = await seedTestData(0.1);
  const started = await Promise.all([
    startSubgraphProcess('region', [], data.env),
    ...BUREAUS.map((code) => startSubgraphProcess('city', [code], data.env)),
  ]);
  region = started[0]!;
  BUREAUS.forEach((code, i) => bureaus.set(code, started[i + 1]!));
});

afterAll(async () => {
  await Promise.all([region?.stop(), ...[...bureaus.values()].map((b) => b.stop())]);
  data?.remove();
});

const urlOf = (code: string) => bureaus.get(code)!.url;
/** Every call carries a gateway token (an officer of that bureau), as the gateway's would. */
const bureau = (code: string) => bureaus.get(code)!;

/** Every fan-out list of the contract with the node fields whose order the contract declares. */
const LISTS = [
  { field: 'projects', sortField: 'updatedAt', direction: 'DESC', type: 'Project' },
  { field: 'stations', sortField: 'code', direction: 'ASC', type: 'Station' },
  { field: 'enforcementCases', sortField: 'filedAt', direction: 'DESC', type: 'EnforcementCase' },
  { field: 'jointPatrols', sortField: 'startedAt', direction: 'DESC', type: 'JointPatrol' },
  { field: 'emergencyResources', sortField: 'id', direction: 'ASC', type: 'EmergencyResource' },
] as const;

async function walk(subgraph: SubgraphProcess, field: string, sortField: string, first: number, extraArgs = '') {
  const seen: Array<{ id: string; key: string | number }> = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 1000; page++) {
    const res = await subgraph.post(
      `query($first: Int, $after: String) { list: ${field}(first: $first, after: $after ${extraArgs}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id key: ${sortField} } } } }`,
      { first, after },
    );
    expect(res.errors).toBeUndefined();
    const list = res.data!['list'];
    totalCount = list.totalCount;
    seen.push(...list.edges.map((e: any) => e.node));
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { seen, totalCount };
}

describe('bureau subgraph processes', () => {
  it.each(BUREAUS)('%s serves the city contract unchanged, definition by definition', async (code) => {
    const res = await bureau(code).post('{ _service { sdl } }');
    expect(compareToContract(expandSubgraphSdl(loadContract()), parse(res.data!['_service'].sdl))).toEqual([]);
  });

  it('the region serves the region SDL unchanged', async () => {
    const res = await region.post('{ _service { sdl } }');
    expect(compareToContract(expandSubgraphSdl(loadRegion()), parse(res.data!['_service'].sdl))).toEqual([]);
  });

  it.each(BUREAUS)('%s answers every root field of the contract', async (code) => {
    const lists = await bureau(code).post(`{
      projects(first: 1) { totalCount edges { node { id cityCode name eia { status } partners { code } rivers { id } updatedAt } } }
      stations(first: 1) { totalCount edges { node { id cityCode code name kind latest { time values { code name value unit flag } } } } }
      enforcementCases(first: 1) { totalCount edges { node { id cityCode caseNumber enterprise { creditCode } filedAt penaltyBasis { law version article } } } }
      jointPatrols(first: 1) { totalCount edges { node { id cityCode river { id } startedAt } } }
      emergencyResources(first: 1) { totalCount edges { node { id cityCode category quantity unit location { longitude latitude } } } }
      near: emergencyResources(first: 3, near: { longitude: 105.6, latitude: 30.4 }, radiusKm: 500) { edges { node { id distanceKm } } }
    }`);
    expect(lists.errors).toBeUndefined();
    const first = (field: string) => lists.data![field].edges[0].node;
    for (const field of ['projects', 'stations', 'enforcementCases', 'jointPatrols', 'emergencyResources']) {
      expect(lists.data![field].totalCount, field).toBeGreaterThan(0);
      expect(first(field).cityCode).toBe(code);
    }
    const distances = lists.data!['near'].edges.map((e: any) => e.node.distanceKm);
    expect(distances.length).toBeGreaterThan(0);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    const ids = {
      project: first('projects').id, station: first('stations').id,
      enforcementCase: first('enforcementCases').id, emergencyResource: first('emergencyResources').id,
      patrol: first('jointPatrols').id,
    };
    const lookups = await bureau(code).post(`query($code: ID!, $p: ID!, $s: ID!, $c: ID!, $r: ID!, $j: ID!) {
      project(cityCode: $code, id: $p) { id }
      station(cityCode: $code, id: $s) { id readings { time } }
      enforcementCase(cityCode: $code, id: $c) { id }
      emergencyResource(cityCode: $code, id: $r) { id }
      nodeP: node(id: $p) { __typename id }
      nodeJ: node(id: $j) { __typename id ... on JointPatrol { name } }
    }`, { code, p: ids.project, s: ids.station, c: ids.enforcementCase, r: ids.emergencyResource, j: ids.patrol });
    expect(lookups.errors).toBeUndefined();
    expect(lookups.data).toMatchObject({
      project: { id: ids.project }, station: { id: ids.station }, enforcementCase: { id: ids.enforcementCase },
      emergencyResource: { id: ids.emergencyResource },
      nodeP: { __typename: 'Project', id: ids.project }, nodeJ: { __typename: 'JointPatrol', id: ids.patrol },
    });
    expect(lookups.data!['station'].readings.length).toBeGreaterThan(0);
  });

  it.each(LISTS)('paging $field with first 7 walks the whole list of a bureau once, in the contract order', async (list) => {
    const { seen, totalCount } = await walk(bureau('510900'), list.field, list.sortField, 7);
    expect(seen.length).toBe(totalCount);
    expect(new Set(seen.map((n) => n.id)).size).toBe(totalCount);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      const cmp = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      const ordered = list.direction === 'ASC' ? cmp < 0 || (cmp === 0 && a.id < b.id) : cmp > 0 || (cmp === 0 && a.id < b.id);
      expect(ordered, `${list.field} items ${i - 1} and ${i}`).toBe(true);
    }
  });

  it('paging resources near a point walks them by distance without gaps', async () => {
    const near = ', near: { longitude: 105.59, latitude: 30.52 }, radiusKm: 300';
    const { seen, totalCount } = await walk(bureau('510900'), 'emergencyResources', 'distanceKm', 7, near);
    expect(seen.length).toBe(totalCount);
    expect(new Set(seen.map((n) => n.id)).size).toBe(totalCount);
    const keys = seen.map((n) => n.key as number);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  it('answers an empty page when cityCodes leaves the bureau out', async () => {
    const res = await bureau('500152').post('{ projects(cityCodes: ["510900"]) { totalCount edges { cursor } pageInfo { hasNextPage } } }');
    expect(res.data).toEqual({ projects: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } } });
  });

  it.each([
    ['a negative first', '{ projects(first: -1) { totalCount } }', 'PAGE_SIZE_OUT_OF_RANGE'],
    ['first above the cap', '{ stations(first: 101) { totalCount } }', 'PAGE_SIZE_OUT_OF_RANGE'],
    ['a malformed cursor', '{ enforcementCases(after: "not-a-cursor") { totalCount } }', 'INVALID_CURSOR'],
    ['an unknown enum value', '{ projects(status: DEMOLISHED) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a malformed node id', '{ node(id: "42") { id } }', 'INVALID_ID'],
    ['a station id given as a project id', null, 'INVALID_ID'],
    ['a readings range over 92 days', null, 'BAD_USER_INPUT'],
    ['a time without offset', null, 'BAD_USER_INPUT'],
    ['a radius without a point', '{ emergencyResources(radiusKm: 5) { totalCount } }', 'BAD_USER_INPUT'],
  ])('refuses %s with a clear error code', async (_what, query, code) => {
    const post = bureau('500152').post;
    let res;
    if (query) {
      res = await post(query);
    } else {
      const station = (await post('{ stations(first: 1) { edges { node { id } } } }')).data!['stations'].edges[0].node.id;
      if (_what.startsWith('a station id')) {
        res = await post('query($id: ID!) { project(cityCode: "500152", id: $id) { id } }', { id: station });
      } else if (_what.startsWith('a readings range')) {
        res = await post('query($id: ID!) { station(cityCode: "500152", id: $id) { readings(from: "2024-01-01T00:00:00+08:00", to: "2024-06-01T00:00:00+08:00") { time } } }', { id: station });
      } else {
        res = await post('query($to: DateTime) { stations(first: 1) { edges { node { readings(to: $to) { time } } } } }', { to: '2024-01-01T00:00:00' });
      }
    }
    expect(res.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(res.errors?.[0]?.message.length).toBeGreaterThan(15);
  });

  it('labels errors with the bureau that raised them', async () => {
    const res = await bureau('511600').post('{ projects(first: -5) { totalCount } }');
    expect(res.errors?.[0]).toMatchObject({ path: ['projects'], extensions: { code: 'PAGE_SIZE_OUT_OF_RANGE', city: '511600' } });
  });

  it('reports health on /health', async () => {
    const res = await fetch(urlOf('510500').replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('links cross-border sections to a water station that its bureau serves', async () => {
    const res = await region.post('{ sections(crossBorderOnly: true) { name boundaryType upstreamCity { code } downstreamCity { code } targetClass station { cityCode id } } }');
    const sections = res.data!['sections'];
    expect(sections.map((s: any) => s.name)).toEqual(expect.arrayContaining([expect.stringContaining('光辉')]));
    for (const section of sections.filter((s: any) => s.station && bureaus.has(s.station.cityCode))) {
      const found = await bureau(section.station.cityCode).post('query($c: ID!, $id: ID!) { station(cityCode: $c, id: $id) { kind } }', { c: section.station.cityCode, id: section.station.id });
      expect(found.data!['station'], section.name).toEqual({ kind: 'WATER_QUALITY' });
    }
  });

  it("lists an enterprise's cases and sources within a bureau", async () => {
    const enterprise = (await bureau('510500').post('{ enforcementCases(first: 1) { edges { node { enterprise { creditCode } } } } }'))
      .data!['enforcementCases'].edges[0].node.enterprise.creditCode;
    const res = await bureau('510500').post(`query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Enterprise { creditCode cases { id cityCode } } } }`, {
      rep: [{ __typename: 'Enterprise', creditCode: enterprise }],
    });
    expect(res.data!['_entities'][0].cases.length).toBeGreaterThan(0);
    const registry = await region.post('query($c: ID!) { enterprise(creditCode: $c) { name cityCode } }', { c: enterprise });
    expect(registry.data!['enterprise'].name).toBeTruthy();
  });

  it('a second process on a port in use exits with a message naming the port', async () => {
    const port = new URL(urlOf('500000')).port;
    await expect(startSubgraphProcess('city', ['500000'], { ...data.env, ECOGRAPH_PORT: port })).rejects.toThrow(
      new RegExp(`Port ${port} .* already in use`),
    );
  });
});
