/**
 * Section.assessment and CompensationAgreement.settlement: the region asks the bureaus for their
 * stations' period means through the gateway (here the real shard engine over in-process bureaus)
 * and assesses them against the targets it owns. Also: batching into one gateway call per 10 stations,
 * and each way the bureau data can be missing, with its stable code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayCityData } from '../../../subgraphs/region/createGatewayCityData.ts';
import { createGatewayPost } from '../../../subgraphs/region/createGatewayPost.ts';
import { DEFAULT_GATEWAY_TIMEOUT_MS, DEFAULT_GATEWAY_URL, loadGatewayLink } from '../../../subgraphs/config/loadGatewayLink.ts';
import { QIONGJIANG_AGREEMENT, settle } from '../../../subgraphs/standards/index.ts';
import { openInProcessRegion, type InProcessRegion } from './inProcessRegion.ts';

let region: InProcessRegion;
beforeAll(async () => {
  region = await openInProcessRegion();
});
afterAll(async () => {
  await region?.close();
});

const ASSESS = `query($period: String!) { sections(crossBorderOnly: true) { id name targetClass station { cityCode id }
  assessment(period: $period) {
    section { id } period from to station { cityCode id } standard waterClass descriptor targetClass meetsTarget
    means { code name unit value count } indicators { code waterClass evaluated } mainPollutants { code multiple }
    targetExceedances { code waterClass multiple } } } }`;

const GUANGHUI = 'qiongjiang-guanghui';
const served = (s: any) => s.station && ['500152', '500000'].includes(s.station.cityCode);

describe('Section.assessment', () => {
  it("assesses each served section's October against its own target, from its bureau's means", async () => {
    const posted = region.posted.length;
    const res = await region.execute(ASSESS, { period: '2026-10' });
    // One gateway call per 10 sections of the request (the gateway's root-field limit).
    expect(region.posted.length - posted).toBe(Math.ceil(res.data.sections.filter((s: any) => s.station).length / 10));
    const sections = res.data.sections.filter(served);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const s of sections) {
      expect(s.assessment, s.name).toMatchObject({
        section: { id: s.id }, period: '2026-10', from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00',
        station: s.station, standard: 'GB 3838-2002', targetClass: s.targetClass,
      });
      expect(s.assessment.means.find((m: any) => m.code === 'w21003')).toMatchObject({ name: '氨氮', unit: 'mg/L' });
    }
    const guanghui = sections.find((s: any) => s.id === GUANGHUI).assessment;
    // The bureau's own assessment of the same window, given the section's target, must agree.
    const city = await region.federation.ask('500152', `query($id: ID!) { station(cityCode: "500152", id: $id) {
      waterQuality(from: "2026-10-01T00:00:00+08:00", to: "2026-11-01T00:00:00+08:00", targetClass: III) {
        waterClass meetsTarget means { code value count } } } }`, { id: guanghui.station.id });
    const own = (city.response as any).data.station.waterQuality;
    expect(guanghui).toMatchObject({ waterClass: own.waterClass, meetsTarget: own.meetsTarget });
    expect(guanghui.means.map((m: any) => [m.code, m.value, m.count])).toEqual(own.means.map((m: any) => [m.code, m.value, m.count]));
  });

  it('reports a bureau that cannot answer as CITY_DATA_UNAVAILABLE for its sections only', async () => {
    region.federation.failing.add('500152');
    try {
      const res = await region.execute(ASSESS, { period: '2026-10' });
      // (Bureaus this fixture does not serve fail as well, as UNKNOWN_CITY.)
      const failed = res.errors?.filter((e: any) => e.extensions?.code === 'CITY_DATA_UNAVAILABLE' && e.extensions?.cityCode === '500152') ?? [];
      expect(failed.length).toBe(2);
      expect(failed[0].extensions).toMatchObject({ reason: 'CITY_FAILED', cityCode: '500152', upstreamCode: 'CITY_UNAVAILABLE', city: 'region' });
      const sections = res.data.sections.filter(served);
      expect(sections.find((s: any) => s.id === GUANGHUI).assessment).toBeNull();
      expect(sections.filter((s: any) => s.station.cityCode === '500000').every((s: any) => s.assessment !== null)).toBe(true);
    } finally {
      region.federation.failing.delete('500152');
    }
  });

  it('is INSUFFICIENT_DATA for a period without readings, and null for a section without a station', async () => {
    const res = await region.execute(`{ s: sections { id station { id } assessment(period: "2024-01") { waterClass } } }`);
    const errors = res.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e: any) => e.extensions?.code === 'INSUFFICIENT_DATA' || e.extensions?.code === 'CITY_DATA_UNAVAILABLE')).toBe(true);
    expect(errors.find((e: any) => e.extensions?.code === 'INSUFFICIENT_DATA')?.extensions).toMatchObject({ reason: 'NO_VALID_READINGS', period: '2024-01' });
  });

  it.each(['October', '2026-13', '1999', '2026-1'])('refuses the period %j with BAD_USER_INPUT', async (period) => {
    const res = await region.execute(`query($p: String!) { sections(riverId: "qiongjiang") { assessment(period: $p) { waterClass } } }`, { p: period });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
  });
});

const SETTLE = `query($id: ID!, $period: String!) { compensationAgreement(id: $id) { settlement(period: $period) {
  agreementId period comparisonPeriod lineItems
  sections { sectionId section { name } name targetClass waterClass previousClass meetsTarget trend trendBasis outcome payer payee amountWanYuan explanation }
  transfers { from fromCity { name } to toCity { name } amountWanYuan }
  net { from to amountWanYuan } } } }`;

describe('CompensationAgreement.settlement', () => {
  it('settles a month from the bureaus’ means for it and for the same month a year earlier', async () => {
    const posted = region.posted.length;
    const res = await region.execute(SETTLE, { id: QIONGJIANG_AGREEMENT.id, period: '2026-10' });
    expect(res.errors).toBeUndefined();
    expect(region.posted.length - posted).toBe(1);
    const settlement = res.data.compensationAgreement.settlement;
    expect(settlement).toMatchObject({ agreementId: QIONGJIANG_AGREEMENT.id, period: '2026-10', comparisonPeriod: '2025-10' });
    expect(settlement.sections).toHaveLength(1);
    const section = settlement.sections[0];
    expect(section).toMatchObject({ sectionId: GUANGHUI, section: { name: '光辉' }, name: '光辉', targetClass: 'III' });
    expect(section.previousClass).not.toBeNull();
    expect(section.explanation).toContain('光辉（琼江）');
    expect(settlement.lineItems.at(-1)).toMatch(/^净额 \/ net/);

    // The library settles the same means the same way.
    const means = async (from: string, to: string) => ((await region.federation.ask('500152', `query($id: ID!) { station(cityCode: "500152", id: $id) {
      waterQuality(from: "${from}", to: "${to}") { means { code value } } } }`, { id: await guanghuiStation() })).response as any).data.station.waterQuality.means;
    const oracle = settle(QIONGJIANG_AGREEMENT, {
      period: '2026-10',
      sections: [{ sectionId: GUANGHUI, means: await means('2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00') }],
      previous: [{ sectionId: GUANGHUI, means: await means('2025-10-01T00:00:00+08:00', '2025-11-01T00:00:00+08:00') }],
    });
    expect(section).toMatchObject({
      waterClass: oracle.sections[0]!.waterClass, trend: oracle.sections[0]!.trend, outcome: oracle.sections[0]!.outcome,
      amountWanYuan: oracle.sections[0]!.amountWanYuan, payer: oracle.sections[0]!.payer,
    });
    expect(settlement.net).toEqual(oracle.net);
    for (const t of settlement.transfers) expect(t.fromCity.name).toMatch(/遂宁市|潼南区/);
  });

  it('settles a yearly agreement over two sections of another bureau', async () => {
    const res = await region.execute(SETTLE, { id: 'jialingjiang-qujiang-511600-500000', period: '2026' });
    expect(res.errors).toBeUndefined();
    const settlement = res.data.compensationAgreement.settlement;
    expect(settlement).toMatchObject({ period: '2026', comparisonPeriod: '2025' });
    expect(settlement.sections.map((s: any) => s.name)).toEqual(['利泽', '码头']);
    const paid = settlement.sections.reduce((sum: number, s: any) => sum + (s.payer === '500000' ? s.amountWanYuan : -s.amountWanYuan), 0);
    expect(settlement.net === null ? 0 : settlement.net.from === '500000' ? settlement.net.amountWanYuan : -settlement.net.amountWanYuan).toBeCloseTo(paid, 6);
  });

  it('settles without a trend when the comparison period has no data', async () => {
    const res = await region.execute(SETTLE, { id: QIONGJIANG_AGREEMENT.id, period: '2026-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data.compensationAgreement.settlement.sections[0]).toMatchObject({ previousClass: null, trend: 'UNKNOWN', trendBasis: 'NONE' });
  });

  it.each([
    ['a year for a monthly agreement', QIONGJIANG_AGREEMENT.id, '2026', 'BAD_USER_INPUT'],
    ['a period without readings', QIONGJIANG_AGREEMENT.id, '2024-03', 'INSUFFICIENT_DATA'],
  ])('refuses %s', async (_what, id, period, code) => {
    const res = await region.execute(SETTLE, { id, period });
    expect(res.data.compensationAgreement.settlement).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe(code);
  });

  it('does not settle when a bureau cannot answer', async () => {
    region.federation.failing.add('500152');
    try {
      const res = await region.execute(SETTLE, { id: QIONGJIANG_AGREEMENT.id, period: '2026-10' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CITY_DATA_UNAVAILABLE', cityCode: '500152' });
    } finally {
      region.federation.failing.delete('500152');
    }
  });
});

async function guanghuiStation(): Promise<string> {
  const res = await region.execute(`{ sections(riverId: "qiongjiang") { id station { id } } }`);
  return res.data.sections.find((s: any) => s.id === GUANGHUI).station.id;
}

describe('the gateway link', () => {
  let silent: Server;
  let html: Server;
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  beforeAll(async () => {
    silent = createServer(() => { /* never answers */ });
    html = createServer((_req, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<h1>Bad Gateway</h1>'); });
    await Promise.all([silent, html].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  });
  afterAll(async () => {
    silent?.closeAllConnections();
    await Promise.all([silent, html].map((s) => new Promise((resolve) => s?.close(resolve))));
  });

  const assessOver = async (url: string, timeoutMs = 300) => {
    const over = await openInProcessRegion({ cityData: () => createGatewayCityData(createGatewayPost({ url, timeoutMs })) });
    try {
      return await over.execute(`{ sections(riverId: "qiongjiang") { id assessment(period: "2026-10") { waterClass } } }`);
    } finally {
      await over.close();
    }
  };

  it.each([
    ['unreachable', () => 'http://127.0.0.1:9/graphql', 'GATEWAY_UNREACHABLE'],
    ['too slow', () => urlOf(silent), 'GATEWAY_TIMEOUT'],
    ['not answering GraphQL', () => urlOf(html), 'GATEWAY_FAILED'],
  ])('reports a gateway that is %s as CITY_DATA_UNAVAILABLE', async (_what, url, reason) => {
    // A region that waited on a silent gateway without its deadline would hit the test's timeout.
    const res = await assessOver(url());
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CITY_DATA_UNAVAILABLE', reason });
    expect(res.errors?.[0]?.message).toMatch(/gateway/i);
  });

  it('reads its URL and deadline from the environment, with defaults below the gateway’s own deadline', () => {
    expect(loadGatewayLink({})).toEqual({ url: DEFAULT_GATEWAY_URL, timeoutMs: DEFAULT_GATEWAY_TIMEOUT_MS });
    expect(loadGatewayLink({ ECOGRAPH_GATEWAY_URL: 'http://10.0.0.5:4000/graphql', ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS: '1200' }))
      .toEqual({ url: 'http://10.0.0.5:4000/graphql', timeoutMs: 1200 });
    // `npm start` with the gateway on another port: the region follows it (0, a test's "any port", does not count).
    expect(loadGatewayLink({ ECOGRAPH_GATEWAY_PORT: '4100' }).url).toBe('http://127.0.0.1:4100/graphql');
    expect(loadGatewayLink({ ECOGRAPH_GATEWAY_PORT: '0' }).url).toBe(DEFAULT_GATEWAY_URL);
    expect(() => loadGatewayLink({ ECOGRAPH_GATEWAY_URL: 'ftp://x' })).toThrow(/ECOGRAPH_GATEWAY_URL/);
    expect(() => loadGatewayLink({ ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS: 'soon' })).toThrow(/ECOGRAPH_REGION_GATEWAY_TIMEOUT_MS/);
  });
});
