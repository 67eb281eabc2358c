/**
 * Station.limits in a bureau's graph, executed in process on the kit's schema over the adapters a
 * bureau may run: the SQL store (SQLite here; the code PostgreSQL, MariaDB and 荣昌's HJ 212 store run
 * too), a spreadsheet folder and the legacy JSON/HTTP system. Each row is checked against the number
 * the standard prints (GB 3838-2002 表1, GB 3095-2012 表1, GB 3095-2026's PM2.5 as press reports give
 * it), and the limits against the ones the station's own over-limit alarms compare with; and once through the
 * shard engine, by global id, the way the board asks for them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { openSpreadsheetBureauSource } from '../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { LegacyHttpBureauSource } from '../../../subgraphs/adapters/legacy-http/LegacyHttpBureauSource.ts';
import { createCitySubgraph } from '../../../subgraphs/kit/createCitySubgraph.ts';
import type { StationRecord } from '../../../subgraphs/kit/model.ts';
import type { BureauSource } from '../../../subgraphs/kit/ports.ts';
import { GB16297_1996_NEW_SOURCES, GB8978_1996_GRADE1 } from '../../../subgraphs/standards/index.ts';
import { writeSpreadsheetFolder } from '../../../devtools/seeder/writeSpreadsheetFolder.ts';
import type { BureauData } from '../../../devtools/seeder/writeBureauData.ts';
import { CITY, ENTERPRISE_A, station } from '../../fixtures/bureauRecords.ts';
import { createInMemoryBureauSource } from '../../fixtures/inMemoryBureauSource.ts';
import { createInMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';
import { openTestBureau } from '../../fixtures/openTestStores.ts';
import { startLegacyServiceProcess } from '../../devtools/legacy-stand-in/startLegacyServiceProcess.ts';
import { CITY_A, HISTORY, WATER, liveBureau } from './standardsData.ts';

const id = (local: string) => encodeGlobalId('Station', CITY, local);
const WATER_STATION = station(1, {
  id: id('W1'), kind: 'WATER_QUALITY', interval: 'FOUR_HOURLY',
  factors: [
    { code: 'w01010', name: '水温', unit: '℃' }, { code: 'w01001', name: 'pH值', unit: '无量纲' },
    { code: 'w01009', name: '溶解氧', unit: 'mg/L' }, { code: 'w01018', name: '化学需氧量', unit: 'mg/L' },
    { code: 'w21003', name: '氨氮', unit: 'mg/L' }, { code: 'w21001', name: '总氮', unit: 'mg/L' },
    { code: 'w01003', name: '浊度', unit: 'NTU' },
  ],
});
const AIR_FACTORS = [
  { code: 'a34004', name: 'PM2.5', unit: 'µg/m³' }, { code: 'a34002', name: 'PM10', unit: 'µg/m³' },
  { code: 'a21026', name: '二氧化硫', unit: 'µg/m³' }, { code: 'a05024', name: '臭氧', unit: 'µg/m³' },
  { code: 'a21005', name: '一氧化碳', unit: 'mg/m³' },
];
const AIR_HOURLY = station(2, { id: id('A1'), kind: 'AIR_QUALITY', interval: 'HOURLY', riverId: null, factors: AIR_FACTORS });
const AIR_DAILY = station(3, { id: id('A2'), kind: 'AIR_QUALITY', interval: 'DAILY', riverId: null, factors: AIR_FACTORS });
const SOURCE = station(4, {
  id: id('P1'), kind: 'POLLUTION_SOURCE', interval: 'HOURLY', enterpriseCreditCode: ENTERPRISE_A,
  factors: [
    { code: 'w00000', name: '污水流量', unit: 'L/s' }, { code: 'w01018', name: '化学需氧量', unit: 'mg/L' },
    { code: 'w01001', name: 'pH值', unit: '无量纲' }, { code: 'a21026', name: '二氧化硫', unit: 'mg/m³' },
  ],
});
const DATA: BureauData = { stations: [WATER_STATION, AIR_HOURLY, AIR_DAILY, SOURCE], readingsOf: () => [] };

interface Opened { readonly source: BureauSource; close(): Promise<void> }

const ADAPTERS: ReadonlyArray<readonly [string, () => Promise<Opened>]> = [
  ['sql (sqlite)', async () => {
    const store = await openTestBureau(DATA, ':memory:', CITY);
    return { source: store.source, close: () => store.source.close() };
  }],
  ['spreadsheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'limits-spreadsheet-'));
    await writeSpreadsheetFolder(dir, DATA);
    const source = await openSpreadsheetBureauSource({ dir, cityCode: CITY, watch: false }, { log: () => {} });
    return { source, close: async () => { await source.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['legacy-http', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'limits-legacy-'));
    const file = join(dir, 'bureau.json');
    writeFileSync(file, JSON.stringify({ projects: [], stations: DATA.stations, cases: [], patrols: [], resources: [], readings: [] }));
    const service = await startLegacyServiceProcess(['--data', file, '--city', CITY, '--latency', '0']);
    const source = new LegacyHttpBureauSource({ url: service.url, cityCode: CITY });
    return {
      source,
      close: async () => { await source.close().catch(() => undefined); await service.stop(); rmSync(dir, { recursive: true, force: true }); },
    };
  }],
];

type Result = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

function subgraphOver(source: BureauSource, city: string) {
  const subgraph = createCitySubgraph(source, () => {});
  return async (query: string, variables: Record<string, unknown> = {}): Promise<Result> => {
    const res = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.context() });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as Result;
  };
}

const LIMITS = 'limits(targetClass: $target) { code name min max unit standard source basis waterClass grade averaging }';
const askLimits = (run: ReturnType<typeof subgraphOver>, city: string, stationId: string, target?: string) =>
  run(`query($id: ID!, $target: WaterClass) { station(cityCode: "${city}", id: $id) { ${LIMITS} } }`, { id: stationId, target });
const byCode = (limits: ReadonlyArray<{ code: string }>): Record<string, any> => Object.fromEntries(limits.map((l) => [l.code, l]));

const water = (waterClass: string) => ({ unit: 'mg/L', standard: 'GB 3838-2002', source: `GB 3838-2002 class ${waterClass}`, basis: 'VALUE', waterClass, grade: null, averaging: null });
const air = (averaging: string, basis: string, source: string, unit = 'µg/m³') =>
  ({ unit, standard: 'GB 3095-2012', source: `GB 3095-2012 grade II ${source}`, basis, waterClass: null, grade: 'II', averaging });

describe.each(ADAPTERS)('Station.limits over %s', (_name, open) => {
  let opened: Opened | undefined;
  let run: ReturnType<typeof subgraphOver>;
  beforeAll(async () => {
    opened = await open();
    run = subgraphOver(opened.source, CITY);
  }, 30_000);
  afterAll(async () => { await opened?.close(); });

  it('gives a water station its GB 3838-2002 class III limits by default: COD ≤ 20, DO ≥ 5, pH 6–9, NH3-N ≤ 1 mg/L', async () => {
    const res = await askLimits(run, CITY, WATER_STATION.id);
    expect(res.errors).toBeUndefined();
    const limits = res.data.station.limits;
    // Water temperature, turbidity and TN (a reference indicator) have no limit the alarms apply.
    expect(limits.map((l: any) => l.code)).toEqual(['w01001', 'w01009', 'w01018', 'w21003']);
    expect(byCode(limits)).toEqual({
      w01001: { code: 'w01001', name: 'pH值', min: 6, max: 9, ...water('III'), unit: '' },
      w01009: { code: 'w01009', name: '溶解氧', min: 5, max: null, ...water('III') },
      w01018: { code: 'w01018', name: '化学需氧量', min: null, max: 20, ...water('III') },
      w21003: { code: 'w21003', name: '氨氮', min: null, max: 1, ...water('III') },
    });
  });

  it('holds a water station to the target class it is given (class II: COD ≤ 15, DO ≥ 6, NH3-N ≤ 0.5)', async () => {
    const limits = byCode((await askLimits(run, CITY, WATER_STATION.id, 'II')).data.station.limits);
    expect([limits['w01018'].max, limits['w01009'].min, limits['w21003'].max, limits['w01001'].min]).toEqual([15, 6, 0.5, 6]);
    expect(limits['w01018']).toMatchObject({ waterClass: 'II', source: 'GB 3838-2002 class II' });
  });

  // Station.limits states the limits in force now: the clock is set on either side of GB 3095-2026's 实施日期.
  const BEFORE_2026 = new Date('2026-02-28T23:59:00+08:00');
  const IN_2026 = new Date('2026-03-01T00:00:00+08:00');
  afterEach(() => { vi.useRealTimers(); });

  it('gives an hourly air station GB 3095-2012 grade II before 2026-03-01: the 1 h limits, and PM on the 24 h limit of its moving mean', async () => {
    vi.setSystemTime(BEFORE_2026);
    const res = await askLimits(run, CITY, AIR_HOURLY.id);
    expect(res.errors).toBeUndefined();
    const limits = res.data.station.limits;
    expect(limits.map((l: any) => l.code)).toEqual(['a34004', 'a34002', 'a21026', 'a05024', 'a21005']);
    expect(byCode(limits)).toEqual({
      a34004: { code: 'a34004', name: 'PM2.5', min: null, max: 75, ...air('H24', 'MEAN_24H', '24 h mean (moving)') },
      a34002: { code: 'a34002', name: 'PM10', min: null, max: 150, ...air('H24', 'MEAN_24H', '24 h mean (moving)') },
      a21026: { code: 'a21026', name: '二氧化硫', min: null, max: 500, ...air('H1', 'VALUE', '1 h mean') },
      a05024: { code: 'a05024', name: '臭氧', min: null, max: 200, ...air('H1', 'VALUE', '1 h mean') },
      a21005: { code: 'a21005', name: '一氧化碳', min: null, max: 10, ...air('H1', 'VALUE', '1 h mean', 'mg/m³') },
    });
  });

  it('holds PM2.5 to GB 3095-2026 phase 1 (24 h ≤ 60) from 2026-03-01, and the rows 2026 values are not known for to GB 3095-2012', async () => {
    vi.setSystemTime(IN_2026);
    const limits = byCode((await askLimits(run, CITY, AIR_HOURLY.id)).data.station.limits);
    expect(limits['a34004']).toEqual({
      code: 'a34004', name: 'PM2.5', min: null, max: 60, unit: 'µg/m³', standard: 'GB 3095-2026',
      source: 'GB 3095-2026 phase 1 grade II 24 h mean (moving)', basis: 'MEAN_24H', waterClass: null, grade: 'II', averaging: 'H24',
    });
    expect(limits['a34002']).toMatchObject({ max: 150, standard: 'GB 3095-2012', source: 'GB 3095-2012 grade II 24 h mean (moving)' });
    expect(limits['a21026']).toMatchObject({ max: 500, standard: 'GB 3095-2012' });
  });

  it('states the limits in force at `at` when asked, whatever the clock says', async () => {
    vi.setSystemTime(IN_2026);
    const pmAt = async (at: string) => {
      const res = await run(`query($id: ID!, $at: DateTime) { station(cityCode: "${CITY}", id: $id) { limits(at: $at) { code max standard } } }`,
        { id: AIR_HOURLY.id, at });
      expect(res.errors).toBeUndefined();
      return res.data.station.limits.find((l: any) => l.code === 'a34004');
    };
    expect(await pmAt('2026-02-28T23:59:00+08:00')).toEqual({ code: 'a34004', max: 75, standard: 'GB 3095-2012' });
    expect(await pmAt('2031-01-01T00:00:00+08:00')).toEqual({ code: 'a34004', max: 50, standard: 'GB 3095-2026' });
  });

  it('gives a daily air station the 24 h limits, and leaves out O3, which has none', async () => {
    vi.setSystemTime(BEFORE_2026);
    const before = (await askLimits(run, CITY, AIR_DAILY.id)).data.station.limits;
    expect(before.map((l: any) => [l.code, l.max, l.averaging, l.basis])).toEqual([
      ['a34004', 75, 'H24', 'VALUE'], ['a34002', 150, 'H24', 'VALUE'], ['a21026', 150, 'H24', 'VALUE'], ['a21005', 4, 'H24', 'VALUE'],
    ]);
    vi.setSystemTime(IN_2026);
    const after = (await askLimits(run, CITY, AIR_DAILY.id)).data.station.limits;
    expect(after.map((l: any) => [l.code, l.max, l.standard])).toEqual([
      ['a34004', 60, 'GB 3095-2026'], ['a34002', 150, 'GB 3095-2012'], ['a21026', 150, 'GB 3095-2012'], ['a21005', 4, 'GB 3095-2012'],
    ]);
  });

  it('gives a pollution source the rows of its discharge tables, and ignores a target class', async () => {
    const limits = byCode((await askLimits(run, CITY, SOURCE.id, 'I')).data.station.limits);
    const row = (table: typeof GB8978_1996_GRADE1, code: string) => table.rows.find((r) => r.code === code)!;
    expect(Object.keys(limits)).toEqual(['w01018', 'w01001', 'a21026']);
    expect(limits['w01018']).toEqual({
      code: 'w01018', name: '化学需氧量', min: null, max: row(GB8978_1996_GRADE1, 'w01018').max, unit: 'mg/L', standard: 'GB 8978-1996',
      source: 'GB 8978-1996 grade 1 [unverified]', basis: 'VALUE', waterClass: null, grade: null, averaging: null,
    });
    expect(limits['w01001']).toMatchObject({ min: 6, max: 9 });
    expect(limits['a21026']).toMatchObject({ max: row(GB16297_1996_NEW_SOURCES, 'a21026').max, unit: 'mg/m³', standard: 'GB 16297-1996' });
  });

  it('refuses 劣Ⅴ, which has no limits, with INVALID_STANDARDS_INPUT', async () => {
    const res = await askLimits(run, CITY, WATER_STATION.id, 'WORSE_THAN_V');
    expect(res.data?.station ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions)).toMatchObject([
      { code: 'INVALID_STANDARDS_INPUT', reason: 'NO_LIMIT', detail: { targetClass: 'WORSE_THAN_V' } },
    ]);
  });
});

describe('Station.limits and the alarms', () => {
  it('states exactly the limits the station\'s over-limit alarms compare with', async () => {
    const history = subgraphOver(createInMemoryBureauSource(CITY_A, HISTORY), CITY_A);
    const window = { from: '2026-10-02T00:00:00+08:00', to: '2026-10-03T00:00:00+08:00' };
    const res = await history(`query($id: ID!, $from: DateTime, $to: DateTime) { station(cityCode: "${CITY_A}", id: $id) {
      alarms(from: $from, to: $to) { kind code limit { min max unit source } } limits { code min max unit source } } }`, { id: WATER.id, ...window });
    expect(res.errors).toBeUndefined();
    const over = res.data.station.alarms.filter((a: any) => a.kind === 'OVER_LIMIT');
    expect(over.length).toBeGreaterThan(0);
    const limits = byCode(res.data.station.limits);
    for (const alarm of over) expect({ code: alarm.code, ...alarm.limit }).toEqual(limits[alarm.code]);

    const live = liveBureau('500152');
    const air = live.stations!.find((s: StationRecord) => s.kind === 'AIR_QUALITY' && s.operating)!;
    const liveRun = subgraphOver(createInMemoryBureauSource('500152', live), '500152');
    const airRes = await liveRun(`query($id: ID!) { station(cityCode: "500152", id: $id) {
      alarms { kind code limit { min max unit source } } limits { code min max unit source } } }`, { id: air.id });
    const pm = airRes.data.station.alarms.find((a: any) => a.kind === 'OVER_LIMIT' && a.code === 'a34004');
    expect({ code: 'a34004', ...pm.limit }).toEqual(byCode(airRes.data.station.limits)['a34004']);
  });
});

describe('Station.limits through the shard engine', () => {
  it('is routed by the station\'s global id to its bureau, as the board asks for it', async () => {
    const federation = createInMemoryCityFederation({ [CITY_A]: HISTORY, '500152': liveBureau('500152') });
    const engine = createShardEngine({ contract: loadContract(), cities: [CITY_A, '500152'] });
    const res = await engine.execute({
      query: 'query($id: ID!) { node(id: $id) { ... on Station { cityCode limits { code min max } } } }', variables: { id: WATER.id },
    }, federation.send);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: { cityCode: CITY_A, limits: [
      { code: 'w01001', min: 6, max: 9 }, { code: 'w01009', min: 5, max: null }, { code: 'w01019', min: null, max: 6 },
      { code: 'w21003', min: null, max: 1 }, { code: 'w21011', min: null, max: 0.2 },
    ] } });
  });
});
