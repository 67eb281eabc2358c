/**
 * The standards in a bureau's graph (issue "The standards in the graph"), executed in process on the
 * kit's schema over in-memory readings whose results are known by hand (standardsData.ts):
 * Station.waterQuality, Station.aqi / dailyAqi, Station.alarms, and the fan-out Query.alarms —
 * alone and merged across bureaus by the real shard engine — with their argument errors.
 */
import { describe, expect, it } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createCitySubgraph } from '../../../subgraphs/kit/createCitySubgraph.ts';
import type { BureauSource } from '../../../subgraphs/kit/ports.ts';
import { computeAqi } from '../../../subgraphs/standards/index.ts';
import { createInMemoryBureauSource } from '../../fixtures/inMemoryBureauSource.ts';
import { createInMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import {
  AIR, CITY_A, CITY_B, HISTORY, HOUR, NOW_HOUR, WATER, WATER_FLAGGED_AT, liveBureau,
} from './standardsData.ts';

function subgraphOver(source: BureauSource) {
  const subgraph = createCitySubgraph(source, () => {});
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.context() });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  };
}

/** Counts the port's readings calls: the per-request loader must batch them. */
function counted(source: BureauSource) {
  let calls = 0;
  const monitoring = { ...source.monitoring, readings: (w: Parameters<BureauSource['monitoring']['readings']>[0]) => { calls += 1; return source.monitoring.readings(w); } };
  return { source: { ...source, monitoring }, calls: () => calls };
}

const history = counted(createInMemoryBureauSource(CITY_A, HISTORY));
const run = subgraphOver(history.source);
const VARIABLE_TYPES: Readonly<Record<string, string>> = { from: 'DateTime', to: 'DateTime', at: 'DateTime', date: 'Date!', target: 'WaterClass' };
/** One field of one station; declares only the variables the field uses (GraphQL refuses unused ones). */
const ask = (field: string, variables: Record<string, unknown> = {}, id = WATER.id) => {
  const used = Object.keys(VARIABLE_TYPES).filter((name) => new RegExp(`\\$${name}\\b`).test(field));
  const definitions = ['$id: ID!', ...used.map((name) => `$${name}: ${VARIABLE_TYPES[name]}`)].join(', ');
  const values = Object.fromEntries(Object.entries({ date: '2026-10-10', ...variables }).filter(([name]) => used.includes(name)));
  return run(`query(${definitions}) { station(cityCode: "${CITY_A}", id: $id) { ${field} } }`, { id, ...values });
};
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.['code'];

const OCTOBER = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };
const WATER_QUALITY = `waterQuality(from: $from, to: $to, targetClass: $target) {
  from to standard waterClass descriptor targetClass meetsTarget
  means { code name unit value count }
  indicators { code name waterClass evaluated }
  mainPollutants { code name waterClass multiple }
  targetExceedances { code waterClass multiple } }`;

describe('Station.waterQuality', () => {
  it('assesses the period means by GB 3838-2002: NH3-N class IV sets the class and is the main pollutant', async () => {
    const res = await ask(WATER_QUALITY, OCTOBER);
    expect(res.errors).toBeUndefined();
    const wq = res.data.station.waterQuality;
    expect(wq).toMatchObject({
      from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00', standard: 'GB 3838-2002',
      waterClass: 'IV', descriptor: '轻度污染', targetClass: null, meetsTarget: null,
      mainPollutants: [{ code: 'w21003', name: '氨氮', waterClass: 'IV' }], targetExceedances: [],
    });
    expect(wq.mainPollutants[0].multiple).toBeCloseTo(0.2, 2);
    const nh3 = wq.means.find((m: any) => m.code === 'w21003');
    // 186 readings, one flagged D without a value: the mean is over the 185 valid ones.
    expect(nh3).toMatchObject({ name: '氨氮', unit: 'mg/L', count: 185 });
    expect(nh3.value).toBeCloseTo(1.2, 2);
    expect(wq.means.find((m: any) => m.code === 'w01010')).toMatchObject({ count: 186 });
    const classes = Object.fromEntries(wq.indicators.map((i: any) => [i.code, i.waterClass]));
    expect(classes).toEqual({ w01001: 'I', w01009: 'II', w01019: 'II', w21003: 'IV', w21011: 'II' });
  });

  it('compares with a target class only when the caller gives one (the target is the section’s)', async () => {
    const III = (await ask(WATER_QUALITY, { ...OCTOBER, target: 'III' })).data.station.waterQuality;
    expect(III).toMatchObject({ targetClass: 'III', meetsTarget: false, targetExceedances: [{ code: 'w21003', waterClass: 'IV' }] });
    const IV = (await ask(WATER_QUALITY, { ...OCTOBER, target: 'IV' })).data.station.waterQuality;
    expect(IV).toMatchObject({ meetsTarget: true, targetExceedances: [] });
  });

  it('defaults to the 30 days up to the end of the latest reading', async () => {
    const wq = (await ask('waterQuality { from to means { code count } }')).data.station.waterQuality;
    expect(wq.to).toBe('2026-11-01T00:00:00+08:00'); // the last reading, 2026-10-31 20:00, covers four hours
    expect(wq.from).toBe('2026-10-02T00:00:00+08:00');
  });

  it('is null for other kinds of station and for a period without valid data', async () => {
    expect((await ask('waterQuality { waterClass }', {}, AIR.id)).data.station.waterQuality).toBeNull();
    const empty = await ask('waterQuality(from: $from, to: $to) { waterClass }', { from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00' });
    expect(empty.errors).toBeUndefined();
    expect(empty.data.station.waterQuality).toBeNull();
  });

  it.each([
    ['a range over 366 days', { from: '2025-01-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' }],
    ['from after to', { from: '2026-10-05T00:00:00+08:00', to: '2026-10-01T00:00:00+08:00' }],
  ])('refuses %s with BAD_USER_INPUT', async (_what, window) => {
    const res = await ask('waterQuality(from: $from, to: $to) { waterClass }', window);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions).toMatchObject({ argument: 'from' });
  });
});

const AQI = 'time concentrations { code period value count } result { aqi level levelName category categoryEn color colorName primaryPollutants nonAttainment iaqi { code name period value } report version standard }';

describe('Station.aqi and Station.dailyAqi', () => {
  it('computes the real-time AQI of the hour at `at` with the PM 24 h and O3 8 h moving means (HJ 633-2012)', async () => {
    const res = await ask(`aqi(at: $at) { ${AQI} }`, { at: '2026-10-10T12:30:00+08:00' }, AIR.id);
    expect(res.errors).toBeUndefined();
    const aqi = res.data.station.aqi;
    expect(aqi.time).toBe('2026-10-10T12:00:00+08:00');
    expect(aqi.concentrations).toEqual(expect.arrayContaining([
      { code: 'a34004', period: 'H24', value: 80, count: 24 },
      { code: 'a34002', period: 'H24', value: 100, count: 24 },
      { code: 'a05024', period: 'H8', value: 60, count: 8 },
    ]));
    expect(aqi.result).toMatchObject({
      aqi: 107, level: 3, levelName: '三级', category: '轻度污染', color: '#FF7E00', colorName: '橙色',
      primaryPollutants: ['a34004'], nonAttainment: ['a34004'], report: 'REALTIME', version: 'V2012', standard: 'HJ 633-2012',
    });
    expect(aqi.result.iaqi).toContainEqual({ code: 'a34004', name: 'PM2.5', period: 'H24', value: 107 });
  });

  it('uses the HJ 633-2026 PM breakpoints when asked for V2026, and agrees with the library on the same inputs', async () => {
    const res = await ask(`aqi(at: $at, version: V2026) { ${AQI} }`, { at: '2026-10-10T12:00:00+08:00' }, AIR.id);
    const aqi = res.data.station.aqi;
    expect(aqi.result).toMatchObject({ aqi: 119, version: 'V2026', standard: 'HJ 633-2026' });
    const oracle = computeAqi({ report: 'REALTIME', version: '2026', concentrations: aqi.concentrations });
    expect(aqi.result.aqi).toBe(oracle.aqi);
  });

  it('reads a PM hour against the 24 h breakpoints while the day has too few valid hours', async () => {
    const aqi = (await ask(`aqi(at: $at) { ${AQI} }`, { at: '2026-10-09T05:00:00+08:00' }, AIR.id)).data.station.aqi;
    expect(aqi.concentrations).toContainEqual({ code: 'a34004', period: 'H1', value: 80, count: 1 });
    expect(aqi.concentrations.some((c: any) => c.period === 'H24' && c.code === 'a34004')).toBe(false);
    expect(aqi.result.aqi).toBe(107);
  });

  it('defaults to the latest reading, and is null with no reading in the 3 hours up to `at` or for other stations', async () => {
    expect((await ask('aqi { time }', {}, AIR.id)).data.station.aqi.time).toBe('2026-10-10T23:00:00+08:00');
    expect((await ask('aqi(at: $at) { time }', { at: '2026-10-11T03:00:00+08:00' }, AIR.id)).data.station.aqi).toBeNull();
    expect((await ask('aqi { time }', {}, WATER.id)).data.station.aqi).toBeNull();
  });

  it('computes the daily AQI of a China Standard Time day from 24 h means and the O3 daily maxima', async () => {
    const res = await ask(`dailyAqi(date: $date) { ${AQI} }`, {}, AIR.id);
    expect(res.errors).toBeUndefined();
    const daily = res.data.station.dailyAqi;
    expect(daily.time).toBe('2026-10-10T00:00:00+08:00');
    expect(daily.concentrations).toEqual(expect.arrayContaining([
      { code: 'a34004', period: 'H24', value: 80, count: 24 },
      { code: 'a05024', period: 'H1', value: 62, count: 24 },
      { code: 'a05024', period: 'H8', value: 60, count: 8 },
    ]));
    expect(daily.result).toMatchObject({ aqi: 107, report: 'DAILY', primaryPollutants: ['a34004'] });
    expect((await ask('dailyAqi(date: $date) { time }', { date: '2026-10-12' }, AIR.id)).data.station.dailyAqi).toBeNull();
  });

  it('refuses a malformed date', async () => {
    const res = await ask('dailyAqi(date: $date) { time }', { date: '2026-13-01' }, AIR.id);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });
});

const ALARM = 'id cityCode kind severity code name from to reason values { time code value flag } limit { min max unit source } station { id }';

describe('Station.alarms', () => {
  const window = { from: '2026-10-02T00:00:00+08:00', to: '2026-10-03T00:00:00+08:00' };

  it('explains a flagged value and an exceedance of the default class III, with the values', async () => {
    const res = await ask(`alarms(from: $from, to: $to) { ${ALARM} }`, window);
    expect(res.errors).toBeUndefined();
    const alarms = res.data.station.alarms;
    const flag = alarms.find((a: any) => a.kind === 'ABNORMAL_FLAG');
    expect(flag).toMatchObject({
      cityCode: CITY_A, severity: 'CRITICAL', code: 'w21003', name: '氨氮', from: '2026-10-02T16:00:00+08:00', station: { id: WATER.id },
      values: [{ time: '2026-10-02T16:00:00+08:00', code: 'w21003', value: null, flag: 'D' }],
    });
    expect(flag.reason).toMatch(/故障/);
    const over = alarms.filter((a: any) => a.kind === 'OVER_LIMIT');
    expect(over.length).toBeGreaterThan(0);
    expect(over[0]).toMatchObject({ code: 'w21003', severity: 'WARNING', limit: { min: null, max: 1, unit: 'mg/L', source: 'GB 3838-2002 class III' } });
    expect(over[0].reason).toMatch(/氨氮\(w21003\).*Ⅲ类/);
    expect(over[0].values.every((v: any) => v.value > 1)).toBe(true);
    // Oldest first, and the same data always gives the same ids.
    expect(alarms.map((a: any) => a.from)).toEqual([...alarms.map((a: any) => a.from)].sort());
    expect(new Set(alarms.map((a: any) => a.id)).size).toBe(alarms.length);
    expect((await ask(`alarms(from: $from, to: $to) { id }`, window)).data.station.alarms.map((a: any) => a.id)).toEqual(alarms.map((a: any) => a.id));
    expect(Date.parse(flag.from)).toBe(WATER_FLAGGED_AT);
  });

  it('holds a water station to the target class it is given', async () => {
    const alarms = (await ask('alarms(from: $from, to: $to, targetClass: $target) { kind }', { ...window, target: 'IV' })).data.station.alarms;
    expect(alarms.map((a: any) => a.kind)).not.toContain('OVER_LIMIT');
  });

  it('reports a day without data as critical missing data', async () => {
    const alarms = (await ask(`alarms(from: $from, to: $to) { ${ALARM} }`, { from: '2026-11-05T00:00:00+08:00', to: '2026-11-06T00:00:00+08:00' })).data.station.alarms;
    expect(alarms).toMatchObject([{ kind: 'MISSING_DATA', code: null, severity: 'CRITICAL', values: [], limit: null }]);
  });

  it('refuses a range over 31 days', async () => {
    const res = await ask('alarms(from: $from, to: $to) { id }', { from: '2026-09-01T00:00:00+08:00', to: '2026-10-15T00:00:00+08:00' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('costs one readings call for every station of a page', async () => {
    const before = history.calls();
    const res = await run(`{ stations(first: 100) { edges { node { id alarms { id } waterQuality { waterClass } aqi { time } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.stations.edges.length).toBe(3); // water, air and a source
    // One batch for the latest readings' windows of every station and field.
    expect(history.calls() - before).toBe(1);
  });
});

describe('Query.alarms', () => {
  const live = subgraphOver(createInMemoryBureauSource(CITY_B, liveBureau(CITY_B)));
  const LIST = `query($since: DateTime, $severity: AlarmSeverity, $first: Int, $after: String, $cityCodes: [ID!]) {
    list: alarms(since: $since, severity: $severity, first: $first, after: $after, cityCodes: $cityCodes) {
      totalCount edges { cursor node { ${ALARM} } } pageInfo { hasNextPage endCursor } } }`;

  it('lists the operating stations’ alarms of the last 24 h, newest first, each with its reason', async () => {
    const res = await live(LIST, { first: 100 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.list.edges.map((e: any) => e.node);
    expect(res.data.list.totalCount).toBe(nodes.length);
    const kinds = new Set(nodes.map((a: any) => a.kind));
    expect(kinds).toEqual(new Set(['ABNORMAL_FLAG', 'MISSING_DATA', 'OVER_LIMIT']));
    const froms = nodes.map((a: any) => Date.parse(a.from));
    expect([...froms].sort((a, b) => b - a)).toEqual(froms);
    expect(froms.every((t: number) => t >= NOW_HOUR - 25 * HOUR)).toBe(true);
    expect(nodes.every((a: any) => a.cityCode === CITY_B && a.reason.length > 20)).toBe(true);
    const flagged = nodes.find((a: any) => a.kind === 'ABNORMAL_FLAG');
    expect(flagged).toMatchObject({ severity: 'CRITICAL', code: 'w21003', values: [{ flag: 'F', value: null }] });
    expect(Date.parse(flagged.from)).toBe(NOW_HOUR - 5 * HOUR);
    // Only the real gap: the window's edges sit on the stations' hourly slots, so they never read as gaps.
    const missing = nodes.filter((a: any) => a.kind === 'MISSING_DATA');
    expect(missing).toMatchObject([{ code: null, severity: 'WARNING' }]);
    expect([Date.parse(missing[0].from), Date.parse(missing[0].to)]).toEqual([NOW_HOUR - 14 * HOUR, NOW_HOUR - 12 * HOUR]);
    const again = (await live(LIST, { first: 100 })).data.list.edges.map((e: any) => e.node.id);
    expect(again).toEqual(nodes.map((a: any) => a.id));
    const pm = nodes.find((a: any) => a.kind === 'OVER_LIMIT');
    // The live data is the last 24 h: GB 3095-2026 holds PM2.5 to 60 (phase 1, to 2030-12-31), then 50.
    const phase = Date.now() < Date.parse('2031-01-01T00:00:00+08:00') ? { max: 60, phase: 1 } : { max: 50, phase: 2 };
    expect(pm).toMatchObject({
      code: 'a34004', severity: 'CRITICAL', limit: { max: phase.max, source: `GB 3095-2026 phase ${phase.phase} grade II 24 h mean (moving)` },
    });
  });

  it('filters by severity and pages without gaps', async () => {
    const all = (await live(LIST, { first: 100 })).data.list.edges.map((e: any) => e.node.id);
    const critical = (await live(LIST, { first: 100, severity: 'CRITICAL' })).data.list.edges.map((e: any) => e.node);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((a: any) => a.severity === 'CRITICAL')).toBe(true);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const page: any = (await live(LIST, { first: 1, after })).data.list;
      walked.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
  });

  it('is empty when cityCodes leaves the bureau out', async () => {
    expect((await live(LIST, { cityCodes: [CITY_A] })).data.list).toMatchObject({ totalCount: 0, edges: [] });
  });

  it.each([
    ['since over 31 days ago', { since: new Date(Date.now() - 32 * 24 * HOUR).toISOString() }, 'BAD_USER_INPUT'],
    ['since in the future', { since: new Date(Date.now() + 2 * HOUR).toISOString() }, 'BAD_USER_INPUT'],
    ['first above the cap', { first: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ['a cursor of another list', { after: 'WzEsImNvZGUiLCJBU0MiLCJ4IiwieSJd' }, 'INVALID_CURSOR'],
  ])('refuses %s', async (_what, variables, code) => {
    expect(codeOf(await live(LIST, variables))).toBe(code);
  });

  it('merges bureaus through the shard engine in the contract order (from DESC, then city and id)', async () => {
    const federation = createInMemoryCityFederation({ [CITY_A]: liveBureau(CITY_A), [CITY_B]: liveBureau(CITY_B) });
    const engine = createShardEngine({ contract: loadContract(), cities: [CITY_A, CITY_B] });
    const query = `query($first: Int, $after: String) { list: alarms(first: $first, after: $after) {
      totalCount edges { node { id cityCode from } } pageInfo { hasNextPage endCursor } } }`;
    const first = await engine.execute({ query, variables: { first: 100 } }, federation.send);
    expect(first.errors).toBeUndefined();
    const list = (first.data as any).list;
    const nodes = list.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.cityCode))).toEqual(new Set([CITY_A, CITY_B]));
    expect(list.totalCount).toBe(nodes.length);
    const key = (n: any) => [-Date.parse(n.from), n.cityCode, n.id];
    const sorted = [...nodes].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
    expect(nodes).toEqual(sorted);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const page: any = (await engine.execute({ query, variables: { first: 2, after } }, federation.send)).data!['list'];
      walked.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(nodes.map((n: any) => n.id));
  });
});
