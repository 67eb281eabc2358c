/**
 * Data capture in a bureau's graph (issue 15, item 5), executed in process on the kit's schema over
 * in-memory readings whose rates are known by hand: Station.dataCapture, and the fan-out
 * Query.dataCaptureRanking — alone and merged across bureaus by the real shard engine, worst first —
 * with their argument errors.
 */
import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { createShardEngine } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';
import { createCitySubgraph } from '../../../subgraphs/kit/createCitySubgraph.ts';
import type { ReadingRecord, ReadingValueRecord, StationRecord } from '../../../subgraphs/kit/model.ts';
import { station } from '../../fixtures/bureauRecords.ts';
import { createInMemoryBureauSource, type InMemoryBureauData } from '../../fixtures/inMemoryBureauSource.ts';
import { createInMemoryCityFederation } from '../../fixtures/inMemoryCityFederation.ts';

const HOUR = 3_600_000;
const DAY = Date.parse('2024-03-15T00:00:00+08:00');
const CITY_A = '510900', CITY_B = '500152';
const FACTORS = [{ code: 'w01018', name: '化学需氧量', unit: 'mg/L' }, { code: 'w21003', name: '氨氮', unit: 'mg/L' }];

const outlet = (city: string, local: string, over: Partial<StationRecord> = {}): StationRecord => station(1, {
  id: encodeGlobalId('Station', city, local), cityCode: city, code: `${city}WW${local}`, name: `排口${local}`,
  kind: 'POLLUTION_SOURCE', interval: 'HOURLY', factors: FACTORS, ...over,
});
const series = (s: StationRecord, hours: readonly number[], flag: (h: number) => ReadingValueRecord['flag'] = () => 'N'): ReadingRecord[] =>
  hours.map((h) => ({ stationId: s.id, time: DAY + h * HOUR, interval: 'HOURLY', values: [
    { code: 'w01018', value: 20, flag: 'N' }, { code: 'w21003', value: 1.2, flag: flag(h) },
  ] }));
const ALL_DAY = Array.from({ length: 24 }, (_, h) => h);

// A1: hours 5–6 and 20–21 missing, NH3-N in fault (D) at 8–9 → 20/24 × 38/40.
const A1 = outlet(CITY_A, 'A1'), A2 = outlet(CITY_A, 'A2'), B1 = outlet(CITY_B, 'B1'), B2 = outlet(CITY_B, 'B2', { operating: false });
const BUREAU_A: InMemoryBureauData = {
  stations: [A1, A2],
  readings: [...series(A1, ALL_DAY.filter((h) => ![5, 6, 20, 21].includes(h)), (h) => (h === 8 || h === 9 ? 'D' : 'N')), ...series(A2, ALL_DAY)],
};
// B1: only the first 12 hours → 0.5; B2 is not operating and is never ranked.
const BUREAU_B: InMemoryBureauData = { stations: [B1, B2], readings: [...series(B1, ALL_DAY.slice(0, 12)), ...series(B2, [])] };

function subgraphOver(data: InMemoryBureauData, city: string) {
  const subgraph = createCitySubgraph(createInMemoryBureauSource(city, data), () => {});
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.context() });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  };
}
const runA = subgraphOver(BUREAU_A, CITY_A);
const WINDOW = { from: new Date(DAY).toISOString(), to: new Date(DAY + 24 * HOUR).toISOString() };

describe('Station.dataCapture', () => {
  it('gives the supervision rates, gaps and flags of a day per factor and for the station', async () => {
    const res = await runA(`query($id: ID!, $from: DateTime, $to: DateTime) { station(cityCode: "${CITY_A}", id: $id) {
      dataCapture(from: $from, to: $to) { interval expected received missing duplicates valuesReceived valid
        transmissionRate validityRate effectiveTransmissionRate flags { flag count } gapCount gaps { from to missing }
        factors { code name received valid transmissionRate validityRate effectiveTransmissionRate flags { flag count } } } } }`,
    { id: A1.id, ...WINDOW });
    expect(res.errors).toBeUndefined();
    const capture = res.data.station.dataCapture;
    expect(capture).toMatchObject({
      interval: 'HOURLY', expected: 24, received: 20, missing: 4, duplicates: 0, valuesReceived: 40, valid: 38,
      validityRate: 0.95, flags: [{ flag: 'N', count: 38 }, { flag: 'D', count: 2 }], gapCount: 2,
      gaps: [
        { from: '2024-03-15T05:00:00+08:00', to: '2024-03-15T07:00:00+08:00', missing: 2 },
        { from: '2024-03-15T20:00:00+08:00', to: '2024-03-15T22:00:00+08:00', missing: 2 },
      ],
    });
    expect(capture.transmissionRate).toBeCloseTo(20 / 24, 12);
    expect(capture.effectiveTransmissionRate).toBeCloseTo((20 / 24) * 0.95, 12);
    expect(capture.factors.map((f: any) => [f.code, f.name, f.received, f.valid, f.validityRate])).toEqual([
      ['w01018', '化学需氧量', 20, 20, 1], ['w21003', '氨氮', 20, 18, 0.9],
    ]);
    expect(capture.factors[1].effectiveTransmissionRate).toBeCloseTo(0.75, 12);
  });

  it('counts only the station\'s own series: a daily value (kept from before its hourly data) is no hourly one received', async () => {
    const C1 = outlet(CITY_A, 'C1');
    const daily: ReadingRecord = { stationId: C1.id, time: DAY, interval: 'DAILY', values: [
      { code: 'w01018', value: 20, flag: 'N' }, { code: 'w21003', value: 1.2, flag: 'N' },
    ] };
    const run = subgraphOver({ stations: [C1], readings: [daily, ...series(C1, ALL_DAY.slice(1))] }, CITY_A);
    const res = await run(`query($id: ID!, $from: DateTime, $to: DateTime) { station(cityCode: "${CITY_A}", id: $id) {
      dataCapture(from: $from, to: $to) { expected received missing gaps { from missing } } } }`, { id: C1.id, ...WINDOW });
    expect(res.errors).toBeUndefined();
    expect(res.data.station.dataCapture).toEqual({
      expected: 24, received: 23, missing: 1, gaps: [{ from: '2024-03-15T00:00:00+08:00', missing: 1 }],
    });
  });

  it('refuses a window over 31 days with BAD_USER_INPUT', async () => {
    const res = await runA(`query($id: ID!) { station(cityCode: "${CITY_A}", id: $id) {
      dataCapture(from: "2024-01-01T00:00:00+08:00", to: "2024-03-01T00:00:00+08:00") { expected } } }`, { id: A1.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});

const RANKING = `query($from: DateTime!, $to: DateTime!, $first: Int, $after: String) {
  list: dataCaptureRanking(from: $from, to: $to, first: $first, after: $after) {
    totalCount edges { node { id cityCode effectiveTransmissionRate station { name } dataCapture { expected received } } }
    pageInfo { hasNextPage endCursor } } }`;

describe('Query.dataCaptureRanking', () => {
  it('ranks every operating station of two bureaus worst first through the shard engine, and pages the same order', async () => {
    const federation = createInMemoryCityFederation({ [CITY_A]: BUREAU_A, [CITY_B]: BUREAU_B });
    const engine = createShardEngine({ contract: loadContract(), cities: [CITY_A, CITY_B] });
    const all = await engine.execute({ query: RANKING, variables: { ...WINDOW, first: 100 } }, federation.send);
    expect(all.errors).toBeUndefined();
    const list = (all.data as any).list;
    expect(list.totalCount).toBe(3);
    expect(list.edges.map((e: any) => [e.node.station.name, e.node.effectiveTransmissionRate])).toEqual([
      ['排口B1', 0.5], ['排口A1', (20 / 24) * 0.95], ['排口A2', 1],
    ]);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: any = (await engine.execute({ query: RANKING, variables: { ...WINDOW, first: 1, after } }, federation.send)).data!['list'];
      walked.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual([B1.id, A1.id, A2.id]);
  });

  it.each([
    ['to before from', { from: WINDOW.to, to: WINDOW.from }, 'BAD_USER_INPUT'],
    ['a span over 31 days', { from: '2024-01-01T00:00:00+08:00', to: WINDOW.to }, 'BAD_USER_INPUT'],
    ['first above the cap', { ...WINDOW, first: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
  ])('refuses %s with %s', async (_what, variables, code) => {
    const res = await runA(RANKING, variables);
    expect(res.errors?.[0]?.extensions?.['code']).toBe(code);
  });
});
