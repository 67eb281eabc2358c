/**
 * The region's calculators that need no bureau data — evaluateWaterSample (GB 3838), computeAqi
 * (HJ 633, both editions), gradeIncident (2014 plan) and the compensation agreements — executed in
 * process, with the calculators' refusals as INVALID_STANDARDS_INPUT and their own code as `reason`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityData } from '../../../subgraphs/region/CityData.ts';
import { createRegionSubgraph, type RegionSubgraph } from '../../../subgraphs/region/createRegionSubgraph.ts';
import { COMPENSATION_AGREEMENTS } from '../../../subgraphs/standards/index.ts';
import { openTestRegion } from '../../fixtures/openTestStores.ts';
import { sampleRegionData } from '../../fixtures/regionRecords.ts';

/** These fields must never ask the bureaus. */
const noCityData: CityData = { stationMeans: async () => { throw new Error('no bureau data expected'); } };

let store: Awaited<ReturnType<typeof openTestRegion>>;
let region: RegionSubgraph;

beforeAll(async () => {
  store = await openTestRegion(sampleRegionData());
  region = createRegionSubgraph(store.source, () => {}, noCityData);
  await region.apollo.start();
});

afterAll(async () => {
  await region?.apollo.stop();
  await store?.source.close();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const res = await region.apollo.executeOperation({ query, variables }, { contextValue: region.context() });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

const SAMPLE = `query($values: [WaterValueInput!]!, $body: WaterBody!, $target: WaterClass) {
  evaluateWaterSample(values: $values, waterBody: $body, targetClass: $target) {
    standard waterBody waterClass descriptor targetClass meetsTarget ignored
    indicators { code name value waterClass evaluated }
    mainPollutants { code name waterClass multiple }
    targetExceedances { code waterClass multiple } } }`;

describe('evaluateWaterSample', () => {
  it('classes a river sample by its worst indicator and names the main pollutants', async () => {
    const res = await run(SAMPLE, {
      body: 'RIVER', target: 'III',
      values: [
        { code: 'w21003', value: 2.6 }, { code: 'W21011', value: 0.25 }, { code: 'w01009', value: 6.5 },
        { code: 'w01010', value: 21 }, { code: 'w21001', value: 3 },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.evaluateWaterSample).toMatchObject({
      standard: 'GB 3838-2002', waterBody: 'RIVER', waterClass: 'WORSE_THAN_V', descriptor: '重度污染',
      targetClass: 'III', meetsTarget: false, ignored: ['w01010'],
      mainPollutants: [{ code: 'w21003', name: '氨氮', waterClass: 'WORSE_THAN_V', multiple: 1.6 }, { code: 'w21011', waterClass: 'IV', multiple: 0.25 }],
    });
    // TN is classed and reported, but sets no water body's class.
    expect(res.data.evaluateWaterSample.indicators).toContainEqual({ code: 'w21001', name: '总氮', value: 3, waterClass: 'WORSE_THAN_V', evaluated: false });
  });

  it('applies the lake limits of TP and reports a lake\'s TN without letting it set the class', async () => {
    const res = await run(SAMPLE, { body: 'LAKE', values: [{ code: 'w21011', value: 0.04 }, { code: 'w21001', value: 1.81 }] });
    expect(res.data.evaluateWaterSample).toMatchObject({ waterClass: 'III', meetsTarget: null, targetClass: null });
    expect(res.data.evaluateWaterSample.indicators).toContainEqual({ code: 'w21001', name: '总氮', value: 1.81, waterClass: 'V', evaluated: false });
  });

  it.each([
    ['an unknown indicator', [{ code: 'w99999', value: 1 }], 'UNKNOWN_INDICATOR'],
    ['a negative value', [{ code: 'w21003', value: -0.1 }], 'NEGATIVE_VALUE'],
    ['an indicator twice', [{ code: 'w21003', value: 0.1 }, { code: 'W21003', value: 0.2 }], 'DUPLICATE_INDICATOR'],
    ['no evaluation indicator', [{ code: 'w01010', value: 20 }], 'EMPTY_SAMPLE'],
    ['an empty sample', [], 'EMPTY_SAMPLE'],
  ])('refuses %s with INVALID_STANDARDS_INPUT', async (_what, values, reason) => {
    const res = await run(SAMPLE, { body: 'RIVER', values });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STANDARDS_INPUT', reason, city: 'region' });
    expect(res.errors?.[0]?.message.length).toBeGreaterThan(10);
  });
});

const AQI = `query($report: AqiReport!, $values: [ConcentrationInput!]!, $version: AqiVersion) {
  computeAqi(report: $report, concentrations: $values, version: $version) {
    aqi level levelName category categoryEn color colorName primaryPollutants nonAttainment
    iaqi { code name period value } report version standard } }`;

describe('computeAqi', () => {
  const daily = [
    { code: 'a34004', period: 'H24', value: 80 }, { code: 'a34002', period: 'H24', value: 100 },
    { code: 'a21026', period: 'H24', value: 10 }, { code: 'a05024', period: 'H8', value: 60 },
  ];

  it('defaults to HJ 633-2012: PM2.5 80 µg/m³ is IAQI 107, level 3 轻度污染', async () => {
    const res = await run(AQI, { report: 'DAILY', values: daily });
    expect(res.errors).toBeUndefined();
    expect(res.data.computeAqi).toMatchObject({
      aqi: 107, level: 3, levelName: '三级', category: '轻度污染', categoryEn: 'lightly polluted', color: '#FF7E00', colorName: '橙色',
      primaryPollutants: ['a34004'], nonAttainment: ['a34004'], report: 'DAILY', version: 'V2012', standard: 'HJ 633-2012',
    });
    expect(res.data.computeAqi.iaqi).toContainEqual({ code: 'a34002', name: 'PM10', period: 'H24', value: 75 });
  });

  it('uses the tightened HJ 633-2026 PM breakpoints when asked', async () => {
    const res = await run(AQI, { report: 'DAILY', values: daily, version: 'V2026' });
    expect(res.data.computeAqi).toMatchObject({ aqi: 119, version: 'V2026', standard: 'HJ 633-2026', primaryPollutants: ['a34004'] });
  });

  it('names no primary pollutant at or below 50 (优)', async () => {
    const res = await run(AQI, { report: 'REALTIME', values: [{ code: 'a21004', period: 'H1', value: 40 }] });
    expect(res.data.computeAqi).toMatchObject({ aqi: 20, level: 1, category: '优', color: '#00E400', primaryPollutants: [] });
  });

  it.each([
    ['a period the report does not take', 'DAILY', [{ code: 'a21004', period: 'H1', value: 40 }], 'PERIOD_NOT_ALLOWED'],
    ['a pollutant HJ 633 does not have', 'REALTIME', [{ code: 'w21003', period: 'H1', value: 1 }], 'UNKNOWN_INDICATOR'],
    ['a negative concentration', 'REALTIME', [{ code: 'a21004', period: 'H1', value: -1 }], 'NEGATIVE_VALUE'],
    ['SO2 above 800 µg/m³ without its 24 h value', 'REALTIME', [{ code: 'a21026', period: 'H1', value: 900 }], 'MISSING_CONCENTRATION'],
    ['no concentrations', 'REALTIME', [], 'EMPTY_SAMPLE'],
  ])('refuses %s', async (_what, report, values, reason) => {
    const res = await run(AQI, { report, values });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STANDARDS_INPUT', reason });
  });

  it('refuses a period outside the enum before any calculation', async () => {
    const res = await run(AQI, { report: 'DAILY', values: [{ code: 'a34004', period: 'H48', value: 1 }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

const GRADE = `query($facts: IncidentFactsInput!) { gradeIncident(facts: $facts) { level name nameEn color colorEn responseLead reasons standard } }`;

describe('gradeIncident', () => {
  it('is IV 一般 (blue) when no threshold of I–III is met', async () => {
    const res = await run(GRADE, { facts: { deaths: 0, evacuated: 200 } });
    expect(res.data.gradeIncident).toMatchObject({ level: 'IV', name: '一般', color: '蓝', colorEn: 'blue', standard: '国家突发环境事件应急预案-2014' });
    expect(res.data.gradeIncident.reasons).toHaveLength(1);
  });

  it('takes the most severe level any one threshold reaches, and lists every reason', async () => {
    const res = await run(GRADE, { facts: { evacuated: 6_000, crossBorder: 'PROVINCIAL', drinkingWaterCutoff: 'TOWNSHIP' } });
    expect(res.data.gradeIncident).toMatchObject({ level: 'II', name: '重大', color: '橙', responseLead: '事发地省级人民政府' });
    expect(res.data.gradeIncident.reasons).toHaveLength(3);
    expect(res.data.gradeIncident.reasons[0]).toMatch(/跨省级行政区域/);
    const worst = await run(GRADE, { facts: { deaths: 31 } });
    expect(worst.data.gradeIncident).toMatchObject({ level: 'I', name: '特别重大', color: '红' });
  });

  it.each([
    [{ radiationAcuteDeaths: 3 }, 'I'], [{ radiationAcuteDeaths: 2 }, 'II'], [{ acuteSevereRadiationSickness: 10 }, 'II'],
    [{ acuteSevereRadiationSickness: 9 }, 'III'], [{ radioactiveSourceLost: 'II' }, 'II'], [{ radioactiveSourceLost: 'III' }, 'III'],
    [{ radioactiveSourceLost: 'IV' }, 'IV'], [{ radioactiveLeak: 'WIDE' }, 'I'], [{ radioactiveLeak: 'LARGER' }, 'II'], [{ radioactiveLeak: 'SMALL' }, 'III'],
  ])('grades the radioactive facts %o as %s', async (facts, level) => {
    const res = await run(GRADE, { facts });
    expect(res.errors).toBeUndefined();
    expect(res.data.gradeIncident.level).toBe(level);
  });

  it('refuses a negative count', async () => {
    const res = await run(GRADE, { facts: { poisonedOrInjured: -3 } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STANDARDS_INPUT', reason: 'NEGATIVE_VALUE', detail: { field: 'poisonedOrInjured' } });
  });
});

describe('compensationAgreements', () => {
  it('lists the agreements with their parties, sections and rules, placeholders marked unverified', async () => {
    const res = await run(`{ compensationAgreements { id name basin standard waterBody indicators settlementPeriod compareWith dataSource notes
      parties { cityCode city { name } name role contributionWanYuanPerYear }
      sections { sectionId name river targetClass weight }
      rules { outcome payer amountWanYuan verified } } }`);
    expect(res.errors).toBeUndefined();
    const agreements = res.data.compensationAgreements;
    expect(agreements.map((a: any) => a.id)).toEqual(COMPENSATION_AGREEMENTS.map((a) => a.id));
    expect(agreements[0]).toMatchObject({
      standard: 'GB 3838-2002', waterBody: 'RIVER', indicators: ['w01019', 'w21003', 'w21011'], settlementPeriod: 'MONTHLY',
      compareWith: 'SAME_PERIOD_LAST_YEAR', dataSource: 'NATIONAL_AUTOMATIC_STATION',
      parties: [{ cityCode: '510900', city: { name: '遂宁市' }, role: 'UPSTREAM' }, { cityCode: '500152', city: { name: '潼南区' }, role: 'DOWNSTREAM' }],
      sections: [{ sectionId: 'qiongjiang-guanghui', name: '光辉', river: '琼江', targetClass: 'III', weight: 1 }],
    });
    expect(agreements[0].rules).toContainEqual({ outcome: 'MISSES', payer: 'UPSTREAM', amountWanYuan: 100, verified: false });
    expect(agreements[1]).toMatchObject({ indicators: null, settlementPeriod: 'ANNUAL' });
    const one = await run('{ compensationAgreement(id: "nope") { id } }');
    expect(one.data.compensationAgreement).toBeNull();
  });
});
