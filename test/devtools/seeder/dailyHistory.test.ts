/**
 * The seeded daily history as the adapters serve it: a bureau seeded into the SQL store (the writer and
 * reader PostgreSQL, MariaDB and SQLite share) and into the spreadsheet folder keeps its daily readings
 * (interval DAILY) apart from the station's own series, and Station.waterQuality classes a month held only
 * as daily values, on the same means the standards take from the generator's readings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../devtools/demo-world/generateWorld.ts';
import { cstTime } from '../../../devtools/demo-world/cstTime.ts';
import { writeSpreadsheetFolder } from '../../../devtools/seeder/writeSpreadsheetFolder.ts';
import { openSpreadsheetBureauSource } from '../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { createCitySubgraph } from '../../../subgraphs/kit/createCitySubgraph.ts';
import type { BureauSource } from '../../../subgraphs/kit/ports.ts';
import { assessWaterPeriod } from '../../../subgraphs/standards/index.ts';
import { openTestBureau } from '../../fixtures/openTestStores.ts';
import { fixtureFolder } from '../../subgraphs/adapters/spreadsheet/spreadsheetFolder.ts';

const CITY = '510500';
const UNTIL = Date.parse('2026-11-20T09:00:00+08:00');
const world = generateWorld({ seed: 'daily-history', scale: 0.2, until: UNTIL });
const bureau = world.bureaus[CITY]!;
const water = bureau.stations.find((s) => s.kind === 'WATER_QUALITY' && s.operating)!;
// March 2026: long before the 90-day hourly period (from late August), so held only as daily values.
const MARCH = { from: cstTime(2026, 3, 1), to: cstTime(2026, 4, 1) };

let sql: Awaited<ReturnType<typeof openTestBureau>>;
let folder: Awaited<ReturnType<typeof fixtureFolder>>;
let sheets: Awaited<ReturnType<typeof openSpreadsheetBureauSource>>;

beforeAll(async () => {
  sql = await openTestBureau({ ...bureau, readingsOf: (s) => bureau.readings(s) }, ':memory:', CITY);
  folder = await fixtureFolder({});
  await writeSpreadsheetFolder(folder.dir, bureau);
  sheets = await openSpreadsheetBureauSource({ dir: folder.dir, cityCode: CITY, watch: false }, { log: () => {} });
});

afterAll(async () => {
  await sql?.source.close();
  await sheets?.close();
  folder?.[Symbol.dispose]();
});

async function ask(source: BureauSource, query: string, variables: Record<string, unknown>) {
  const subgraph = createCitySubgraph(source, () => {});
  const res = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.context() });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as { data?: any; errors?: unknown[] };
}

const QUERY = `query($id: ID!, $from: DateTime, $to: DateTime, $dayTo: DateTime) {
  station(cityCode: "${CITY}", id: $id) {
    daily: readings(from: $from, to: $dayTo, interval: DAILY) { time interval }
    own: readings(from: $from, to: $dayTo, interval: FOUR_HOURLY) { time }
    latest { interval }
    waterQuality(from: $from, to: $to) { waterClass means { code value count } }
  }
}`;

describe.each([['the SQL store', () => sql.source], ['the spreadsheet folder', () => sheets as BureauSource]])('daily history in %s', (_, source) => {
  it('serves a month before the hourly period as daily readings, and classes it on their means', async () => {
    const res = await ask(source(), QUERY, {
      id: water.id, from: new Date(MARCH.from).toISOString(), to: new Date(MARCH.to).toISOString(), dayTo: new Date(MARCH.to - 1).toISOString(),
    });
    expect(res.errors).toBeUndefined();
    const station = res.data.station;
    expect(water.interval).toBe('FOUR_HOURLY');
    expect(station.latest.interval).toBe('FOUR_HOURLY');
    expect(station.own).toEqual([]);
    expect(station.daily.length).toBeGreaterThanOrEqual(29);
    expect(station.daily.every((r: { interval: string }) => r.interval === 'DAILY')).toBe(true);

    const expected = assessWaterPeriod({ readings: [...bureau.readings(water)], ...MARCH, waterBody: 'RIVER' });
    expect(station.waterQuality.waterClass).toBe(expected.evaluation.waterClass);
    const nh3n = station.waterQuality.means.find((m: { code: string }) => m.code === 'w21003');
    expect(nh3n).toEqual(expected.means.find((m) => m.code === 'w21003'));
    expect(nh3n.count).toBeLessThanOrEqual(31);
  });
});
