import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { optionalDate, optionalNumber, optionalTime, yesNo } from '../../../../subgraphs/adapters/spreadsheet/cellFields.ts';
import { readCsvTable } from '../../../../subgraphs/adapters/spreadsheet/readCsvTable.ts';
import { readWorkbook, readXlsxSheet } from '../../../../subgraphs/adapters/spreadsheet/readXlsxSheet.ts';
import { PROJECT_STATUS } from '../../../../subgraphs/adapters/spreadsheet/sheetLabels.ts';

const dir = mkdtempSync(join(tmpdir(), 'sheet-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cells as bureau staff leave them', () => {
  it('reads times written by us, re-saved by Excel, or stored as date cells, all as China time', () => {
    const expected = Date.parse('2025-01-04T08:05:00+08:00');
    expect(optionalTime.parse('2025-01-04 08:05:00')).toBe(expected);
    expect(optionalTime.parse('2025/1/4 8:05')).toBe(expected);
    expect(optionalTime.parse(new Date(Date.UTC(2025, 0, 4, 8, 5, 0, 0.4)))).toBe(expected);
    expect(optionalTime.parse(null)).toBeNull();
    expect(optionalTime.safeParse('2025-02-29 00:00').success).toBe(false);
  });

  it('reads dates from text or date cells, numbers from text or number cells, 是/否, labels with stray spaces', () => {
    expect(optionalDate.parse('2027/12/31')).toBe('2027-12-31');
    expect(optionalDate.parse(new Date('2027-12-31T00:00:00Z'))).toBe('2027-12-31');
    expect(optionalNumber.parse(' 12.50 ')).toBe(12.5);
    expect(optionalNumber.parse(1 / 3)).toBe(1 / 3);
    expect(optionalNumber.safeParse('1,000').success).toBe(false);
    expect(yesNo.parse('是')).toBe(true);
    expect(yesNo.parse(false)).toBe(false);
    expect(PROJECT_STATUS.schema.parse(' 在建 ')).toBe('UNDER_CONSTRUCTION');
  });

  it('reads a CSV saved as GBK (Excel\'s plain "CSV" on Chinese Windows)', async () => {
    // 编号,名称 \r\n P001,名称  in GB 18030
    writeFileSync(join(dir, 'gbk.csv'), Buffer.from([0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6, 0x0D, 0x0A, 0x50, 0x31, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6]));
    const table = await readCsvTable(dir, 'gbk.csv');
    expect(table.headers).toEqual(['编号', '名称']);
    expect(table.rows).toEqual([{ row: 2, cells: ['P1', '名称'] }]);
  });

  it('finds the header under a title row and reads rich text, formula results and hyperlinks as values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('物资清单');
    sheet.addRow(['某某市环境应急物资台账（2025年6月）']);
    sheet.addRow([]);
    sheet.addRow(['编号', '物资名称', '数量', '联系电话']);
    sheet.addRow(['R1', { richText: [{ text: '吸油' }, { text: '毡' }] }, { formula: 'SUM(1,2)', result: 3 }, { text: '0830-1234567', hyperlink: 'tel:08301234567' }]);
    await workbook.xlsx.writeFile(join(dir, 'ledger.xlsx'));
    const table = readXlsxSheet(await readWorkbook(dir, 'ledger.xlsx'), 'ledger.xlsx', '物资清单', '编号');
    expect(table.headers).toEqual(['编号', '物资名称', '数量', '联系电话']);
    expect(table.rows).toEqual([{ row: 4, cells: ['R1', '吸油毡', 3, '0830-1234567'] }]);
  });
});
