import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openSpreadsheetBureauSource } from '../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { writeSpreadsheetFolder } from '../../../devtools/seeder/writeSpreadsheetFolder.ts';
import { generateWorld } from '../../../devtools/demo-world/generateWorld.ts';
import { fixtureFolder } from '../../subgraphs/adapters/spreadsheet/spreadsheetFolder.ts';

const LUZHOU = '510500';
const all = { filter: {}, after: null, limit: 100_000, sort: { field: 'id', direction: 'ASC' } } as const;
const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('writeSpreadsheetFolder', () => {
  it('writes the documented layout: UTF-8 CSV with BOM, the xlsx ledger with a title row, one readings file per station', async () => {
    using folder = await fixtureFolder();
    expect(readdirSync(folder.dir).sort()).toEqual([
      '应急物资台账.xlsx', '建设项目.csv', '案件登记.csv', '正面清单企业名单.xlsx', '监测因子.csv', '监测数据', '监测站点.csv', '联合巡河.csv',
    ].sort());
    expect(readdirSync(join(folder.dir, '监测数据')).sort()).toEqual(['S001.csv', 'S002.csv', 'S003.csv', 'S004.csv', 'S005.csv', 'S006.csv', 'S007.csv', 'S008.csv']);
    expect(readFileSync(join(folder.dir, '案件登记.csv'), 'utf8')).toMatch(/^\uFEFF编号,案件编号,执法机构,统一社会信用代码,当事人,/);
    expect(readFileSync(join(folder.dir, '监测数据/S001.csv'), 'utf8').split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF监测时间,数据类型,水温(w01010),水温(w01010)标记,氨氮(w21003),氨氮(w21003)标记',
      '2025-01-01 00:00:00,小时数据,15,N,,D',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder.dir, '应急物资台账.xlsx'));
    const ledger = workbook.getWorksheet('物资清单');
    expect(ledger?.getRow(1).getCell(1).value).toBe('环境应急物资台账');
    expect(ledger?.getRow(2).getCell(1).value).toBe('编号');
    expect(ledger?.getRow(3).getCell(12).value).toEqual(new Date('2027-12-31T00:00:00Z')); // 有效期至: a real date cell
    expect(workbook.getWorksheet('储备库')?.rowCount).toBe(2);
  });

  it('round-trips a seeded bureau, positive list included, through the folder unchanged and without problems', async () => {
    const world = generateWorld({ seed: 'spreadsheet-round-trip', scale: 0.5, until: Date.UTC(2025, 5, 30, 16), days: 4 });
    const bureau = world.bureaus[LUZHOU]!;
    const positiveList = world.region.enterprises.filter((e) => e.positiveList?.cityCode === LUZHOU);
    using folder = await fixtureFolder({});
    await writeSpreadsheetFolder(folder.dir, bureau, { positiveList });
    const source = await openSpreadsheetBureauSource({ dir: folder.dir, cityCode: LUZHOU, watch: false }, { log: () => {} });
    try {
      expect(source.problems()).toEqual([]);
      expect((await source.projects.list(all)).items).toEqual(byId(bureau.projects));
      expect((await source.monitoring.listStations(all)).items).toEqual(byId(bureau.stations));
      expect((await source.cases.listCases(all)).items).toEqual(byId(bureau.cases));
      expect((await source.cases.listPatrols(all)).items).toEqual(byId(bureau.patrols));
      expect((await source.emergency.listResources(all)).items).toEqual(byId(bureau.resources));
      const windows = bureau.stations.map((s) => ({ stationId: s.id, from: 0, to: Number.MAX_SAFE_INTEGER }));
      expect(await source.monitoring.readings(windows)).toEqual(bureau.stations.map((s) => [...bureau.readings(s)]));
      expect(positiveList.length).toBeGreaterThan(0);
      expect(byCredit(source.positiveList())).toEqual(byCredit(positiveList));
    } finally {
      await source.close();
    }
  });

  it('loads a scale-1 folder (20 stations, 90 days of readings)', async () => {
    const world = generateWorld({ until: Date.UTC(2025, 5, 30, 16) });
    using folder = await fixtureFolder({});
    await writeSpreadsheetFolder(folder.dir, world.bureaus[LUZHOU]!);
    const started = performance.now();
    const source = await openSpreadsheetBureauSource({ dir: folder.dir, cityCode: LUZHOU, watch: false }, { log: () => {} });
    const ms = performance.now() - started;
    const windows = source.monitoring.readings(world.bureaus[LUZHOU]!.stations.map((s) => ({ stationId: s.id, from: 0, to: Number.MAX_SAFE_INTEGER })));
    expect((await windows).flat().length).toBeGreaterThan(30_000);
    await source.close();
    console.info(`spreadsheet folder at scale 1 loaded in ${Math.round(ms)} ms`); // information, not a threshold
  });
});

const byCredit = <T extends { creditCode: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
