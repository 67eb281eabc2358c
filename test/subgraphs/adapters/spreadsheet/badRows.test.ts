import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import { openSpreadsheetBureauSource, type SpreadsheetBureauSource } from '../../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { CITY, T0, sampleBureauData } from '../../../fixtures/bureauRecords.ts';
import { editCsv, fixtureFolder, setCsvCell, setXlsxCells, type TestFolder } from './spreadsheetFolder.ts';

const data = sampleBureauData();
const caseId = (n: number) => encodeGlobalId('EnforcementCase', CITY, `C00${n}`);
let folder: TestFolder;
let source: SpreadsheetBureauSource;
const logged: string[] = [];

beforeAll(async () => {
  folder = await fixtureFolder(data);
  const { dir } = folder;
  // 案件登记.csv: rows 2–10 are C001–C009.
  setCsvCell(dir, '案件登记.csv', 3, '案件状态', '已办结');
  setCsvCell(dir, '案件登记.csv', 4, '立案时间', '2025-02-30 10:00');
  setCsvCell(dir, '案件登记.csv', 5, '编号', 'C001');
  setCsvCell(dir, '案件登记.csv', 6, '罚款金额（元）', '十万');
  setCsvCell(dir, '案件登记.csv', 6, '是否公开', 'Y');
  setCsvCell(dir, '案件登记.csv', 8, '立案时间', '2025/1/4 0:00'); // as Excel saves it: still fine
  // 物资清单: a title row, the header in row 2, R001–R008 in rows 3–10.
  await setXlsxCells(dir, '应急物资台账.xlsx', '物资清单', [[4, '数量', '两百'], [5, '储备库编码', 'D99']]);
  setCsvCell(dir, '监测数据/S001.csv', 2, '水温(w01010)标记', 'X');
  setCsvCell(dir, '监测数据/S001.csv', 3, '氨氮(w21003)', 'abc');
  editCsv(dir, '监测因子.csv', (rows) => rows.push(['S999', 'w21003', '氨氮', 'mg/L']));
  copyFileSync(join(dir, '监测数据/S002.csv'), join(dir, '监测数据/S999.csv'));
  source = await openSpreadsheetBureauSource({ dir, cityCode: CITY, watch: false }, { log: (line) => logged.push(line) });
});
afterAll(async () => {
  await source?.close();
  folder?.[Symbol.dispose]();
});

describe('rows the spreadsheet adapter cannot use', () => {
  it('reports each with file, sheet, row and column, and skips it', () => {
    expect(source.problems()).toMatchInlineSnapshot(`
      [
        {
          "column": "数量",
          "file": "应急物资台账.xlsx",
          "message": "not a number: 两百",
          "row": 4,
          "sheet": "物资清单",
        },
        {
          "column": "储备库编码",
          "file": "应急物资台账.xlsx",
          "message": "no depot D99 in sheet 储备库; this row is skipped",
          "row": 5,
          "sheet": "物资清单",
        },
        {
          "column": "案件状态",
          "file": "案件登记.csv",
          "message": "unknown 案件状态 已办结; expected one of 立案、调查取证、案件审查、告知、法制审核、处罚决定、执行、结案、不予立案、移送、撤销",
          "row": 3,
          "sheet": null,
        },
        {
          "column": "立案时间",
          "file": "案件登记.csv",
          "message": "not a time (yyyy-MM-dd HH:mm:ss): 2025-02-30 10:00",
          "row": 4,
          "sheet": null,
        },
        {
          "column": "编号",
          "file": "案件登记.csv",
          "message": "duplicate 编号 C001 (first in row 2); this row is skipped",
          "row": 5,
          "sheet": null,
        },
        {
          "column": "罚款金额（元）",
          "file": "案件登记.csv",
          "message": "not a number: 十万",
          "row": 6,
          "sheet": null,
        },
        {
          "column": "是否公开",
          "file": "案件登记.csv",
          "message": "expected 是 or 否, got Y",
          "row": 6,
          "sheet": null,
        },
        {
          "column": "站点编号",
          "file": "监测因子.csv",
          "message": "no station S999 in 监测站点.csv; this row is skipped",
          "row": 18,
          "sheet": null,
        },
        {
          "column": "水温(w01010)标记",
          "file": "监测数据/S001.csv",
          "message": "not an HJ 212 data flag (N F M S D C T B): X",
          "row": 2,
          "sheet": null,
        },
        {
          "column": "氨氮(w21003)",
          "file": "监测数据/S001.csv",
          "message": "not a number: abc",
          "row": 3,
          "sheet": null,
        },
        {
          "column": null,
          "file": "监测数据/S999.csv",
          "message": "no station S999 in 监测站点.csv; the file is skipped",
          "row": null,
          "sheet": null,
        },
      ]
    `);
  });

  it('serves every other row of the same files', async () => {
    const cases = await source.cases.listCases({ filter: {}, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 100 });
    expect(cases.items.map((c) => c.id)).toEqual([1, 6, 7, 8, 9].map(caseId).sort());
    expect(cases.items.find((c) => c.id === caseId(7))?.filedAt).toBe(T0 + 3 * 86_400_000);
    const resources = await source.emergency.resourcesByIds(data.resources.map((r) => r.id));
    expect(resources.map((r) => r === null)).toEqual([false, true, true, false, false, false, false, false]);
    const [s1] = await source.monitoring.readings([{ stationId: data.stations[0]!.id, from: 0, to: T0 * 2 }]);
    expect(s1).toHaveLength(46);
  });

  it('logs each problem once, not again on a reload that finds it again', async () => {
    const problemLines = () => logged.filter((line) => line.startsWith('skipped '));
    expect(problemLines()).toHaveLength(source.problems().length);
    expect(problemLines()).toContain('skipped 应急物资台账.xlsx / 物资清单, row 4, column 数量: not a number: 两百');
    await source.reload();
    expect(problemLines()).toHaveLength(source.problems().length);
  });
});
