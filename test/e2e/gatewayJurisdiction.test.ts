/**
 * Jurisdiction-aware fan-out on the real federation (issue 7 item 5): a caller whose token names
 * jurisdiction [510900] sees only 510900 in fan-outs (items and totals), and every lookup it makes
 * of another bureau (by cityCode, by global id, by `cityCodes`, through a region section's station)
 * is FORBIDDEN, the rest of the response intact. 511600 sits behind a recording proxy, which proves
 * it is never contacted for such a caller (and is, for a caller without a jurisdiction).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { startProxyWithDelay, type ProxyWithDelay } from '../fixtures/proxyWithDelay.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const MINE = '510900';
const THEIRS = '511600';

let federation: GatewayFederation;
let proxy: ProxyWithDelay;
/** Bodies of the GraphQL requests that reached 511600 through the proxy. */
const reachedTheirs: string[] = [];
let restricted: Record<string, string>;
let unrestricted: Record<string, string>;

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: ['500152', MINE, THEIRS] });
  proxy = await startProxyWithDelay(federation.bureau(THEIRS).url, {
    delayMs: 0,
    delayIf: (req) => (reachedTheirs.push(req.body), false),
  });
  federation.gateway.writeRegistry({
    ...federation.registry,
    cities: federation.registry.cities.map((c) => (c.code === THEIRS ? { ...c, url: proxy.url } : c)),
  });
  await pollUntil(async () => (await readReadiness(federation.gateway.origin)).body,
    (r) => r.cities.some((c) => c.code === THEIRS && c.url === proxy.url && c.status === 'up'), `${THEIRS} behind the recording proxy`);
  restricted = { authorization: `Bearer ${await callerToken({ sub: 'officer-510900', bureau: MINE, jurisdiction: [MINE] })}` };
  unrestricted = { authorization: `Bearer ${await callerToken({ sub: 'officer-500000', bureau: '500000' })}` };
});

afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
});

const ask = (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(federation.gateway.url, query, variables, headers);
/** Whether 511600 was sent anything carrying `marker` (an alias unique to one test) since `from`. */
const theirsSaw = (marker: string) => reachedTheirs.some((body) => body.includes(marker));
/** The engine's refusal, as the gateway passes it on. */
const forbidden = (city: string) => expect.objectContaining({ code: 'FORBIDDEN', city, reason: 'out-of-jurisdiction' });

interface Station { id: string; cityCode: string }
const STATIONS = (alias: string, args = '') => `{ ${alias}: stations(first: 100 ${args}) { totalCount edges { node { id cityCode } } } }`;
const stationsOf = (answer: GraphQLAnswer, alias: string) => answer.data![alias] as { totalCount: number; edges: Array<{ node: Station }> };

describe('a caller with jurisdiction [510900]', () => {
  it('fans out to 510900 only: the same items and total as asking for 510900 explicitly, and 511600 never contacted', async () => {
    const mine = await ask(restricted, STATIONS('jurisdictionFanout'));
    expect(mine.errors).toBeUndefined();
    const reference = await ask(unrestricted, STATIONS('explicitMine', `, cityCodes: ["${MINE}"]`));
    const everyone = await ask(unrestricted, STATIONS('everyone'));
    expect(stationsOf(mine, 'jurisdictionFanout')).toEqual(stationsOf(reference, 'explicitMine'));
    expect(stationsOf(mine, 'jurisdictionFanout').edges.every((e) => e.node.cityCode === MINE)).toBe(true);
    expect(stationsOf(mine, 'jurisdictionFanout').totalCount).toBeLessThan(stationsOf(everyone, 'everyone').totalCount);
    expect(theirsSaw('jurisdictionFanout')).toBe(false);
    expect(theirsSaw('everyone')).toBe(true); // the proxy does see what 511600 is asked
  });

  it('is FORBIDDEN a station of 511600 by cityCode and by global id, without contacting it, the rest intact', async () => {
    const all = stationsOf(await ask(unrestricted, STATIONS('list')), 'list').edges.map((e) => e.node);
    const theirs = all.find((s) => s.cityCode === THEIRS)!;
    const mine = all.find((s) => s.cityCode === MINE)!;
    const answer = await ask(restricted, `query($theirs: ID!, $mine: ID!) {
      routedTheirs: station(cityCode: "${THEIRS}", id: $theirs) { id }
      routedMine: station(cityCode: "${MINE}", id: $mine) { id }
      nodeTheirs: node(id: $theirs) { id }
      nodeMine: node(id: $mine) { id }
    }`, { theirs: theirs.id, mine: mine.id });
    expect(answer.data).toEqual({ routedTheirs: null, routedMine: { id: mine.id }, nodeTheirs: null, nodeMine: { id: mine.id } });
    expect(answer.errors?.map((e) => ({ path: e.path, extensions: e.extensions }))).toEqual([
      { path: ['routedTheirs'], extensions: forbidden(THEIRS) },
      { path: ['nodeTheirs'], extensions: forbidden(THEIRS) },
    ]);
    expect(theirsSaw('routedTheirs') || theirsSaw('nodeTheirs')).toBe(false);
  });

  it('is FORBIDDEN the bureaus it names in cityCodes outside its jurisdiction, and still gets its own', async () => {
    const answer = await ask(restricted, STATIONS('explicitBoth', `, cityCodes: ["${MINE}", "${THEIRS}"]`));
    expect(answer.errors?.map((e) => ({ path: e.path, extensions: e.extensions }))).toEqual([{ path: ['explicitBoth'], extensions: forbidden(THEIRS) }]);
    expect(stationsOf(answer, 'explicitBoth').edges.every((e) => e.node.cityCode === MINE)).toBe(true);
    expect(stationsOf(answer, 'explicitBoth').totalCount).toBeGreaterThan(0);
    const none = await ask(restricted, STATIONS('explicitTheirs', `, cityCodes: ["${THEIRS}"]`));
    expect(none.data).toEqual({ explicitTheirs: null });
    expect(none.errors?.[0]?.extensions).toEqual(forbidden(THEIRS));
    expect(theirsSaw('explicitBoth') || theirsSaw('explicitTheirs')).toBe(false);
  });

  it("reads the region's sections whole, with the stations of other bureaus FORBIDDEN (the region's own data is public)", async () => {
    type Sections = Array<{ id: string; station: { cityCode: string; jurisdictionStationName: string } | null }>;
    const query = `{ sections { id station { cityCode jurisdictionStationName: name } } }`;
    const everyone = (await ask(unrestricted, query)).data!['sections'] as Sections;
    // The station's key is the region's own data: the restricted caller reads it whole, no bureau asked.
    const keys = await ask(restricted, '{ sections { id station { cityCode } } }');
    expect(keys.errors).toBeUndefined();
    const owners = (keys.data!['sections'] as Array<{ station: { cityCode: string } | null }>).map((s) => s.station?.cityCode);
    const answer = await ask(restricted, query);
    const sections = answer.data!['sections'] as Sections;
    expect(sections.map((s) => s.id)).toEqual(everyone.map((s) => s.id));
    const cityOf = (i: number) => owners[i];
    const indexes = (city: string) => owners.flatMap((owner, i) => (owner === city ? [i] : []));
    expect(indexes(MINE).length).toBeGreaterThan(0);
    expect(indexes(THEIRS).length).toBeGreaterThan(0);
    for (const i of indexes(MINE)) expect(sections[i]?.station).toEqual(everyone[i]?.station);
    // A station of another bureau: its name cannot be read, so the (non-null) name nulls the station.
    for (const i of indexes(THEIRS)) expect(sections[i]?.station).toBeNull();
    const refused = (answer.errors ?? []).filter((e) => e.extensions?.['code'] === 'FORBIDDEN');
    for (const error of refused) {
      expect(error.path?.slice(0, 3)).toEqual(['sections', expect.any(Number), 'station']);
      expect(error.extensions?.['city']).toBe(cityOf(error.path![1] as number));
      expect(error.extensions?.['city']).not.toBe(MINE);
    }
    expect(refused.filter((e) => e.extensions?.['city'] === THEIRS)).toHaveLength(indexes(THEIRS).length);
    expect(theirsSaw('jurisdictionStationName')).toBe(true); // asked once, by the unrestricted caller
    const before = reachedTheirs.length;
    await ask(restricted, query);
    expect(reachedTheirs.slice(before).some((body) => body.includes('jurisdictionStationName'))).toBe(false);
  });
});

describe('callers without a jurisdiction', () => {
  it('reach every bureau, with a token or without one', async () => {
    for (const headers of [unrestricted, {}]) {
      const answer = await ask(headers, STATIONS('unrestrictedFanout'));
      expect(answer.errors).toBeUndefined();
      expect(new Set(stationsOf(answer, 'unrestrictedFanout').edges.map((e) => e.node.cityCode))).toEqual(new Set(['500152', MINE, THEIRS]));
    }
  });
});
