import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { SpreadsheetLoadError } from './SheetProblem.ts';
import type { Cell, SheetTable } from './SheetTable.ts';

/** How many rows above the header a sheet may have (a title, a "制表单位" line, a blank row). */
const MAX_ROWS_ABOVE_HEADER = 10;

/** Opens an xlsx workbook of the folder; a missing or corrupt file is a SpreadsheetLoadError. */
export async function readWorkbook(dir: string, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(join(dir, file));
  } catch (error) {
    throw new SpreadsheetLoadError(file, null, 'cannot be read as an xlsx workbook', { cause: error });
  }
  return workbook;
}

/**
 * One worksheet as a table. The header is the first row (of the top ten) that holds `firstColumn`,
 * so a title row above it is fine. Cells come back typed: text, numbers, booleans, dates; rich text,
 * formulas (their cached result) and hyperlinks as their value.
 */
export function readXlsxSheet(workbook: ExcelJS.Workbook, file: string, sheet: string, firstColumn: string): SheetTable {
  const worksheet = workbook.getWorksheet(sheet);
  if (worksheet === undefined) throw new SpreadsheetLoadError(file, sheet, 'worksheet is missing');
  let headerRow = 0;
  for (let n = 1; n <= Math.min(MAX_ROWS_ABOVE_HEADER, worksheet.rowCount); n += 1) {
    if (rowCells(worksheet.getRow(n)).some((c) => typeof c === 'string' && c.trim() === firstColumn)) {
      headerRow = n;
      break;
    }
  }
  if (headerRow === 0) throw new SpreadsheetLoadError(file, sheet, `has no header row with ${firstColumn} in its first ${MAX_ROWS_ABOVE_HEADER} rows`);
  const headers = rowCells(worksheet.getRow(headerRow)).map((c) => (c === null ? '' : String(c).trim()));
  const rows: Array<{ row: number; cells: Cell[] }> = [];
  worksheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const cells = rowCells(row);
    if (cells.some((c) => c !== null)) rows.push({ row: number, cells });
  });
  return { file, sheet, headers, rows };
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  for (let col = 1; col <= row.cellCount; col += 1) cells.push(cellValue(row.getCell(col).value));
  return cells;
}

function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('') || null;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null; // a formula never calculated has no value
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return `#${String(value.error)}`;
  return null;
}
