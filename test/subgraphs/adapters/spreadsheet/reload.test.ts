import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import {
  openSpreadsheetBureauSource, type ReloadOutcome, type SpreadsheetBureauSource,
} from '../../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY, T0, sampleBureauData } from '../../../fixtures/bureauRecords.ts';
import { editCsv, fixtureFolder, type TestFolder } from './spreadsheetFolder.ts';

const data = sampleBureauData();
const byId = { after: null, limit: 100, sort: { field: 'id', direction: 'ASC' } } as const;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A watched source over a fresh fixture folder, and a way to wait for its next reload. */
async function watched(
  given?: TestFolder, debounceMs = 50,
): Promise<{ folder: TestFolder; source: SpreadsheetBureauSource; logged: string[]; next: () => Promise<ReloadOutcome>; outcomes: ReloadOutcome[] }> {
  const folder = given ?? await fixtureFolder(data);
  const outcomes: ReloadOutcome[] = [];
  const waiters: Array<(o: ReloadOutcome) => void> = [];
  const logged: string[] = [];
  const source = await openSpreadsheetBureauSource({ dir: folder.dir, cityCode: CITY, debounceMs }, {
    log: (line) => logged.push(line),
    onReload: (outcome) => {
      outcomes.push(outcome);
      waiters.shift()?.(outcome);
    },
  });
  if (given === undefined) cleanup.push(() => folder[Symbol.dispose]());
  cleanup.push(() => source.close());
  const next = () => new Promise<ReloadOutcome>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reload within 5 s')), 5_000);
    waiters.push((o) => { clearTimeout(timer); resolve(o); });
  });
  outcomes.length = 0; // the load at open
  return { folder, source, logged, next, outcomes };
}

describe('SpreadsheetBureauSource reloading', () => {
  it('reloads when a file in the folder changes', async () => {
    const { folder, source, next } = await watched();
    const reloaded = next();
    editCsv(folder.dir, '建设项目.csv', (rows) => rows.push([...(rows[1] as string[])].map((cell, i) => (i === 0 ? 'P999' : i === 2 ? '新增项目' : cell))));
    expect((await reloaded).kind).toBe('loaded');
    const [added] = await source.projects.byIds([encodeGlobalId('Project', CITY, 'P999')]);
    expect(added?.name).toBe('新增项目');
  });

  it('picks up a readings file added to 监测数据', async () => {
    const { folder, source, next } = await watched();
    const s4 = data.stations[3]!.id;
    expect(await source.monitoring.latestReadings([s4])).toEqual([null]);
    const reloaded = next();
    copyFileSync(join(folder.dir, '监测数据/S001.csv'), join(folder.dir, '监测数据/S004.csv'));
    expect((await reloaded).kind).toBe('loaded');
    expect((await source.monitoring.latestReadings([s4]))[0]?.time).toBe(T0 + 47 * 3_600_000);
  });

  it('keeps serving the previous data when a changed file is broken, and recovers when it is fixed', async () => {
    const { folder, source, next, logged } = await watched();
    const ledger = join(folder.dir, '应急物资台账.xlsx');
    const good = readFileSync(ledger);
    const failed = next();
    writeFileSync(ledger, 'PK\u0003\u0004 not really a zip');
    const outcome = await failed;
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.error.message).toBe('应急物资台账.xlsx: cannot be read as an xlsx workbook');
    expect(logged.at(-1)).toBe('reload failed, still serving the data loaded before: 应急物资台账.xlsx: cannot be read as an xlsx workbook');
    expect((await source.emergency.listResources({ ...byId, filter: {} })).totalCount).toBe(data.resources.length);
    await expect(source.health()).resolves.toBeUndefined();

    const fixed = next();
    writeFileSync(ledger, good);
    expect((await fixed).kind).toBe('loaded');
  });

  it('keeps the previous data when a required column disappears', async () => {
    const { folder, source, next } = await watched();
    const failed = next();
    editCsv(folder.dir, '案件登记.csv', (rows) => {
      const at = (rows[0] as string[]).indexOf('案件状态');
      for (const row of rows) row.splice(at, 1);
    });
    const outcome = await failed;
    expect(outcome.kind === 'failed' && outcome.error.message).toBe('案件登记.csv: lacks the column(s) 案件状态');
    expect((await source.cases.listCases({ ...byId, filter: {} })).totalCount).toBe(data.cases.length);
  });

  it('reloads once for a burst of writes', async () => {
    const { folder, next, outcomes } = await watched();
    // A witness on the same folder with a longer quiet time (250 ms against 50): the same events
    // arm both, so by its reload the source under test has done every reload the burst caused.
    const witness = await watched(folder, 250);
    const seen = witness.next();
    const reloaded = next();
    for (let i = 0; i < 5; i += 1) editCsv(folder.dir, '联合巡河.csv', (rows) => { (rows[1] as string[])[1] = `巡河${i}`; });
    expect((await reloaded).kind).toBe('loaded');
    expect((await seen).kind).toBe('loaded');
    expect(outcomes).toHaveLength(1);
  });

  it('stops watching and answers CITY_SOURCE_FAILED once closed', async () => {
    const { folder, source, outcomes } = await watched();
    // A witness on the same folder with a longer quiet time: its reload comes after the closed
    // source's would have started, and close() again waits for any reload in flight.
    const witness = await watched(folder, 250);
    const seen = witness.next();
    await source.close();
    writeFileSync(join(folder.dir, '联合巡河.csv'), '"unclosed\n'); // a reload would fail, and say so
    expect((await seen).kind).toBe('failed');
    await source.close();
    expect(outcomes).toHaveLength(0);
    await expect(source.cases.listPatrols({ ...byId, filter: {} })).rejects.toMatchObject({ code: 'CITY_SOURCE_FAILED' });
  });
});

describe('opening a spreadsheet folder', () => {
  it('fails with CITY_SOURCE_FAILED naming the file when a file is missing or broken', async () => {
    const folder = await fixtureFolder(data);
    cleanup.push(() => folder[Symbol.dispose]());
    writeFileSync(join(folder.dir, '监测站点.csv'), '编号,MN号\n"S001,unclosed\n');
    const error = await openSpreadsheetBureauSource({ dir: folder.dir, cityCode: CITY, watch: false }, { log: () => {} }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CitySourceError);
    expect((error as CitySourceError).message).toMatch(/^The spreadsheet folder could not be loaded: 监测站点\.csv: is not valid CSV/);
    const missing = await openSpreadsheetBureauSource({ dir: join(folder.dir, 'nope'), cityCode: CITY, watch: false }).then(() => null, (e: unknown) => e);
    expect(missing).toMatchObject({ code: 'CITY_SOURCE_FAILED' });
  });
});
