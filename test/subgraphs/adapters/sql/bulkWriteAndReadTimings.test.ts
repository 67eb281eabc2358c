/**
 * Volume behaviour of the SQLite store on a temporary file (WAL, as in production). The timings are
 * printed for the record, not asserted: they depend on the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReadings } from '../../../../devtools/seeder/writeBureauData.ts';
import { DAY_MS, HOUR_MS, T0, readingSeries, station } from '../../../fixtures/bureauRecords.ts';
import { openTestBureau } from '../../../fixtures/openTestStores.ts';

const STATIONS = 20;
const PER_STATION = 2160; // 90 days of hourly readings: 43,200 rows in all
const stations = Array.from({ length: STATIONS }, (_, i) => station(i + 1));

let dir: string;
let store: Awaited<ReturnType<typeof openTestBureau>>;
const progress: Array<[number, number | undefined]> = [];
let seedMs = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sql-volume-'));
  const started = performance.now();
  store = await openTestBureau({ stations, readingsOf: (s) => readingSeries(s.id, T0, PER_STATION) }, join(dir, 'bureau.sqlite'));
  seedMs = performance.now() - started;
  console.log(`seeded ${STATIONS} stations × ${PER_STATION} readings (migrate + write) in ${seedMs.toFixed(0)} ms`);
});
afterAll(async () => {
  await store.source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('volume', () => {
  it('writes 50,000 readings in one call and reports progress after each chunk', async () => {
    const extra = station(99);
    await store.db.insertInto('stations').values({
      id: extra.id, city_code: extra.cityCode, code: extra.code, name: extra.name, kind: extra.kind, river_id: null,
      longitude: 105.6, latitude: 30.5, address: '', enterprise_credit_code: null, shared_with_city_codes_json: '[]',
      protocol_version: 'HJ 212-2017', operating: 1, reading_interval: 'MINUTE', factors_json: '[]',
    }).execute();
    const started = performance.now();
    const written = await writeReadings(store.db, readingSeries(extra.id, T0, 50_000, 60_000), (done, total) => progress.push([done, total]));
    const ms = performance.now() - started;
    console.log(`wrote 50,000 readings in ${ms.toFixed(0)} ms (${Math.round(50_000 / (ms / 1000)).toLocaleString('en')} rows/s)`);
    expect(written).toBe(50_000);
    expect(progress.at(-1)).toEqual([50_000, undefined]);
    expect(progress.length).toBe(100);
    const { n } = await store.db.selectFrom('readings').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('station_id', '=', extra.id).executeTakeFirstOrThrow();
    expect(n).toBe(50_000);
  });

  it('reads a 90-day window of one station from a 43,200-row table', async () => {
    const window = { stationId: stations[7]?.id ?? '', from: T0, to: T0 + 90 * DAY_MS - HOUR_MS };
    await store.source.monitoring.readings([window]); // warm the page cache and statement path
    const runs = 20;
    const started = performance.now();
    let count = 0;
    for (let i = 0; i < runs; i += 1) count = (await store.source.monitoring.readings([window]))[0]?.length ?? 0;
    console.log(`90-day window (${count} readings): ${((performance.now() - started) / runs).toFixed(2)} ms per call`);
    expect(count).toBe(PER_STATION);
  });

  it('finds the latest reading of 20 stations', async () => {
    const ids = stations.map((s) => s.id);
    await store.source.monitoring.latestReadings(ids);
    const runs = 50;
    const started = performance.now();
    let latest: readonly unknown[] = [];
    for (let i = 0; i < runs; i += 1) latest = await store.source.monitoring.latestReadings(ids);
    console.log(`latestReadings for 20 stations: ${((performance.now() - started) / runs).toFixed(3)} ms per call`);
    expect(latest.every((r) => (r as { time: number } | null)?.time === T0 + (PER_STATION - 1) * HOUR_MS)).toBe(true);
  });
});
