/** Test helpers: a fixture folder in the spreadsheet layout, and edits of its files as a clerk would make them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { writeSpreadsheetFolder, type SpreadsheetBureauData } from '../../../../devtools/seeder/writeSpreadsheetFolder.ts';
import { toCsv } from '../../../../devtools/seeder/toCsv.ts';
import { sampleBureauData } from '../../../fixtures/bureauRecords.ts';

export interface TestFolder {
  readonly dir: string;
  [Symbol.dispose](): void;
}

export async function fixtureFolder(data: SpreadsheetBureauData = sampleBureauData()): Promise<TestFolder> {
  const dir = mkdtempSync(join(tmpdir(), 'spreadsheet-'));
  await writeSpreadsheetFolder(dir, data);
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Rewrites a CSV file through `edit`, which gets the rows as arrays of cells (row 0 is the header). */
export function editCsv(dir: string, file: string, edit: (rows: string[][]) => void): void {
  const rows: string[][] = parse(readFileSync(join(dir, file), 'utf8'), { bom: true, relax_column_count: true });
  edit(rows);
  const [header, ...body] = rows as [string[], ...string[][]];
  writeFileSync(join(dir, file), toCsv(header, body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? null])))));
}

/** Sets one cell of a CSV file: `row` as a spreadsheet program numbers it, `column` by header. */
export function setCsvCell(dir: string, file: string, row: number, column: string, value: string): void {
  editCsv(dir, file, (rows) => {
    const index = (rows[0] as string[]).indexOf(column);
    if (index < 0) throw new Error(`${file} has no column ${column}`);
    (rows[row - 1] as string[])[index] = value;
  });
}

/** Sets cells of an xlsx worksheet (row numbers as Excel shows them, columns by header text). */
export async function setXlsxCells(dir: string, file: string, sheet: string, cells: ReadonlyArray<[row: number, column: string, value: ExcelJS.CellValue]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  const worksheet = workbook.getWorksheet(sheet);
  if (worksheet === undefined) throw new Error(`${file} has no sheet ${sheet}`);
  for (const [row, column, value] of cells) {
    let col = 0;
    for (let r = 1; r <= 5 && col === 0; r += 1) {
      worksheet.getRow(r).eachCell((cell, n) => { if (cell.value === column) col = n; });
    }
    if (col === 0) throw new Error(`${sheet} has no column ${column}`);
    worksheet.getRow(row).getCell(col).value = value;
  }
  await workbook.xlsx.writeFile(join(dir, file));
}
