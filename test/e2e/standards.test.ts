/**
 * The standards in the graph, end to end through the real gateway over the real processes (issue
 * "The standards in the graph", items 1–6): water-quality assessments (a station's, and a section's
 * that the region gets from the bureau through the gateway), AQI, alarms across bureaus, the
 * compensation settlement, incident grading, and the nearest emergency resources at a border point.
 *
 * The fixture starts the region before the gateway exists, so the region is restarted on its port
 * with ECOGRAPH_GATEWAY_URL once the gateway's URL is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';

const HOUR = 3_600_000;
const CST = 8 * HOUR;
let federation: GatewayFederation;

/** The last full month and its year, in China Standard Time: always inside the seeded 90 days. */
const lastMonth = (() => {
  const now = new Date(Date.now() + CST);
  const year = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const month = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`;
  return {
    period: `${year}-${String(month).padStart(2, '0')}`, year: String(year),
    from: iso(year, month), to: month === 12 ? iso(year + 1, 1) : iso(year, month + 1),
  };
})();
const yesterday = new Date(Date.now() + CST - 24 * HOUR).toISOString().slice(0, 10);

/** As an analyst with every scope: emergency resources are partners-only. */
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(federation.gateway.url, query, variables, federation.gateway.callerHeaders);

beforeAll(async () => {
  // Scale 0.1: the smallest at which both 遂宁 and 潼南 hold monitoring equipment near 光辉.
  federation = await startGatewayFederation({ scale: 0.1 });
  await federation.connectRegionToGateway();
}, 120_000);

afterAll(async () => {
  await federation?.stop();
});

const byDistance = (list: Array<{ distanceKm: number }>) => list.map((n) => n.distanceKm);

describe('water', () => {
  it("assesses each cross-border section's last month in the region from its bureau's means, as the station itself does", async () => {
    const res = await gql(`query($period: String!, $from: DateTime!, $to: DateTime!) {
      sections(crossBorderOnly: true) { id name targetClass
        station { cityCode id waterQuality(from: $from, to: $to) { waterClass means { code value count } } }
        assessment(period: $period) { period targetClass waterClass meetsTarget descriptor means { code value count }
          indicators { code waterClass } mainPollutants { code waterClass multiple } } } }`, lastMonth);
    expect(res.errors).toBeUndefined();
    const sections = res.data!['sections'].filter((s: any) => s.station);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(new Set(sections.map((s: any) => s.station.cityCode)).size).toBeGreaterThanOrEqual(3);
    for (const s of sections) {
      expect(s.assessment, s.name).toMatchObject({ period: lastMonth.period, targetClass: s.targetClass, waterClass: s.station.waterQuality.waterClass });
      expect(s.assessment.means, s.name).toEqual(s.station.waterQuality.means);
      expect(typeof s.assessment.meetsTarget).toBe('boolean');
    }
  });

  it('evaluates a sample in the region', async () => {
    const res = await gql(`{ evaluateWaterSample(values: [{ code: "w21003", value: 1.2 }, { code: "w01009", value: 6.2 }], waterBody: RIVER, targetClass: III) {
      waterClass meetsTarget indicators { code waterClass } mainPollutants { code waterClass multiple } } }`);
    expect(res.data!['evaluateWaterSample']).toEqual({
      waterClass: 'IV', meetsTarget: false,
      indicators: [{ code: 'w21003', waterClass: 'IV' }, { code: 'w01009', waterClass: 'II' }],
      mainPollutants: [{ code: 'w21003', waterClass: 'IV', multiple: 0.2 }],
    });
    const bad = await gql('{ evaluateWaterSample(values: [{ code: "w21003", value: -1 }], waterBody: RIVER) { waterClass } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STANDARDS_INPUT', reason: 'NEGATIVE_VALUE' });
  });
});

describe('air', () => {
  it("gives every air station's real-time and daily AQI, by either HJ 633 edition", async () => {
    const res = await gql(`query($day: Date!) { stations(kind: AIR_QUALITY, first: 50) { edges { node { cityCode name
      aqi { time concentrations { code period } result { aqi level category color primaryPollutants iaqi { code period value } version } }
      v2026: aqi(version: V2026) { result { aqi version standard } }
      dailyAqi(date: $day) { time result { aqi level report } } } } } }`, { day: yesterday });
    expect(res.errors).toBeUndefined();
    const stations = res.data!['stations'].edges.map((e: any) => e.node).filter((s: any) => s.aqi);
    expect(new Set(stations.map((s: any) => s.cityCode)).size).toBeGreaterThanOrEqual(3);
    for (const s of stations) {
      expect(s.aqi.result.level, s.name).toBeGreaterThanOrEqual(1);
      expect(s.aqi.result.level, s.name).toBeLessThanOrEqual(6);
      expect(s.aqi.result.aqi).toBe(Math.max(...s.aqi.result.iaqi.map((i: any) => i.value)));
      expect(s.v2026.result).toMatchObject({ version: 'V2026', standard: 'HJ 633-2026' });
      expect(s.v2026.result.aqi).toBeGreaterThanOrEqual(s.aqi.result.aqi); // 2026 only tightens the PM breakpoints
    }
    const daily = stations.filter((s: any) => s.dailyAqi);
    expect(daily.length).toBeGreaterThan(0);
    expect(daily[0].dailyAqi).toMatchObject({ time: `${yesterday}T00:00:00+08:00`, result: { report: 'DAILY' } });
  });

  it('computes an AQI from given concentrations in the region', async () => {
    const res = await gql(`{ computeAqi(report: DAILY, concentrations: [{ code: "a34004", period: H24, value: 80 }], version: V2026) {
      aqi level category color primaryPollutants iaqi { code period value } } }`);
    expect(res.data!['computeAqi']).toEqual({
      aqi: 119, level: 3, category: '轻度污染', color: '#FF7E00', primaryPollutants: ['a34004'], iaqi: [{ code: 'a34004', period: 'H24', value: 119 }],
    });
  });
});

describe('alarms', () => {
  it('merges every bureau’s alarms of the last week, newest first, each with its reason and station', async () => {
    const since = new Date(Date.now() - 7 * 24 * HOUR).toISOString();
    const res = await gql(`query($since: DateTime) { alarms(since: $since, first: 100) { totalCount
      edges { node { id cityCode kind severity code from reason values { time value flag } station { cityCode name kind } } } } }`, { since });
    expect(res.errors).toBeUndefined();
    const { totalCount, edges } = res.data!['alarms'];
    const nodes = edges.map((e: any) => e.node);
    expect(totalCount).toBeGreaterThan(0);
    expect(nodes.length).toBe(Math.min(100, totalCount));
    const froms = nodes.map((n: any) => Date.parse(n.from));
    expect([...froms].sort((a, b) => b - a)).toEqual(froms);
    for (const n of nodes) {
      expect(n.station.cityCode).toBe(n.cityCode);
      expect(n.reason.length).toBeGreaterThan(20);
    }
    const critical = await gql(`query($since: DateTime) { alarms(since: $since, severity: CRITICAL, cityCodes: ["510900", "500152"]) {
      edges { node { cityCode severity } } } }`, { since });
    for (const e of critical.data!['alarms'].edges) {
      expect(e.node.severity).toBe('CRITICAL');
      expect(['510900', '500152']).toContain(e.node.cityCode);
    }
    const tooOld = await gql('{ alarms(since: "2020-01-01T00:00:00+08:00") { totalCount } }');
    expect(tooOld.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('compensation', () => {
  it('settles both agreements through the gateway: monthly for 琼江, yearly for 嘉陵江/渠江', async () => {
    const res = await gql(`query($month: String!, $year: String!) {
      qiong: compensationAgreement(id: "qiongjiang-510900-500152") { name settlement(period: $month) { period comparisonPeriod
        sections { name targetClass waterClass previousClass trend outcome amountWanYuan explanation } net { from to amountWanYuan } lineItems } }
      jl: compensationAgreement(id: "jialingjiang-qujiang-511600-500000") { settlement(period: $year) { period
        sections { name waterClass outcome payer payee amountWanYuan } transfers { fromCity { name } toCity { name } amountWanYuan } net { from to amountWanYuan } } } }`,
    { month: lastMonth.period, year: lastMonth.year });
    expect(res.errors).toBeUndefined();
    const qiong = res.data!['qiong'].settlement;
    expect(qiong).toMatchObject({ period: lastMonth.period, sections: [{ name: '光辉', targetClass: 'III' }] });
    // The seeded data reach back to the 1st of the month a year before this one (daily values before the
    // 90 days): the same month last year, 13 months back, has none, so no trend.
    expect(qiong.sections[0]).toMatchObject({ previousClass: null, trend: 'UNKNOWN' });
    expect(qiong.lineItems.length).toBe(2);
    const jl = res.data!['jl'].settlement;
    expect(jl.sections.map((s: any) => s.name)).toEqual(['利泽', '码头']);
    for (const t of jl.transfers) expect([t.fromCity.name, t.toCity.name].sort()).toEqual(['广安市', '重庆市']);
  });
});

describe('incidents', () => {
  it('grades an incident in the region', async () => {
    const res = await gql(`{ gradeIncident(facts: { evacuated: 12000, crossBorder: PROVINCIAL }) { level name color reasons } }`);
    expect(res.data!['gradeIncident']).toMatchObject({ level: 'II', name: '重大', color: '橙' });
    expect(res.data!['gradeIncident'].reasons).toHaveLength(2);
  });
});

describe('nearest resources', () => {
  it('finds both bureaus’ booms, absorbents and monitoring vehicles near the 琼江 border at 光辉, by distance', async () => {
    // 光辉 section, on 琼江 where it leaves 遂宁 (Sichuan) for 潼南 (Chongqing).
    const near = { longitude: 105.6612, latitude: 30.1318 };
    const list = 'totalCount edges { node { cityCode name category distanceKm } }';
    const res = await gql(`query($near: GeoPointInput!) {
      booms: emergencyResources(near: $near, radiusKm: 80, category: CONTAINMENT, first: 100) { ${list} }
      absorbents: emergencyResources(near: $near, radiusKm: 80, category: COLLECTION, first: 100) { ${list} }
      monitoring: emergencyResources(near: $near, radiusKm: 80, category: MONITORING, first: 100) { ${list} } }`, { near });
    expect(res.errors).toBeUndefined();
    const cities = new Set<string>();
    for (const [alias, category] of [['booms', 'CONTAINMENT'], ['absorbents', 'COLLECTION'], ['monitoring', 'MONITORING']] as const) {
      const nodes = res.data![alias].edges.map((e: any) => e.node);
      expect(nodes.length, alias).toBeGreaterThan(0);
      expect(nodes.every((n: any) => n.category === category && n.distanceKm <= 80), alias).toBe(true);
      expect(byDistance(nodes), alias).toEqual([...byDistance(nodes)].sort((a, b) => a - b));
      for (const n of nodes) cities.add(n.cityCode);
    }
    expect([...cities]).toEqual(expect.arrayContaining(['510900', '500152']));
  });
});

describe('failure', () => {
  it('reports a section whose bureau is down as CITY_DATA_UNAVAILABLE, and keeps the other sections', async () => {
    await federation.bureau('500152').stop();
    const res = await gql(`query($period: String!) { sections(crossBorderOnly: true) { id station { cityCode } assessment(period: $period) { waterClass } } }`,
      { period: lastMonth.period });
    const down = res.errors?.filter((e: any) => e.extensions?.code === 'CITY_DATA_UNAVAILABLE') ?? [];
    expect(down.length).toBeGreaterThan(0);
    expect(down[0]!.extensions).toMatchObject({ cityCode: '500152', reason: 'CITY_FAILED' });
    const others = res.data!['sections'].filter((s: any) => s.station && s.station.cityCode !== '500152');
    expect(others.every((s: any) => s.assessment !== null)).toBe(true);
  });
});
