import ExcelJS from 'exceljs';
import type { WrittenRow } from '../../subgraphs/adapters/spreadsheet/SheetSpec.ts';
import { isoDateToCellDate } from '../../subgraphs/adapters/spreadsheet/sheetTime.ts';

export interface XlsxSheetContent {
  readonly name: string;
  /** A title row above the header (merged across the columns), as printed ledgers have. @default none */
  readonly title?: string;
  readonly columns: readonly string[];
  /** Columns written as date cells ('yyyy-mm-dd'). */
  readonly dateColumns?: readonly string[];
  readonly rows: readonly WrittenRow[];
}

/** An xlsx workbook as a bureau would keep it: bold, frozen header, sized columns, real date cells. */
export async function toXlsx(sheets: readonly XlsxSheetContent[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '泸州市生态环境局';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const dates = new Set(sheet.dateColumns ?? []);
    if (sheet.title !== undefined) {
      worksheet.addRow([sheet.title]).font = { bold: true, size: 14 };
      worksheet.mergeCells(1, 1, 1, sheet.columns.length);
    }
    const header = worksheet.addRow([...sheet.columns]);
    header.font = { bold: true };
    worksheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((c) => {
        const value = row[c] ?? null;
        return dates.has(c) && typeof value === 'string' ? isoDateToCellDate(value) : value;
      }));
    }
    sheet.columns.forEach((c, i) => {
      const column = worksheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(10, c.length * 2 + 4));
      if (dates.has(c)) column.numFmt = 'yyyy-mm-dd';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
