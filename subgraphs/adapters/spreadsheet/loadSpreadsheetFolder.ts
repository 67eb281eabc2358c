/**
 * One load of the bureau's folder (layout in README.md): every file read and every row validated,
 * then checked across files and indexed. Files unchanged since the last load come from `cache`.
 * A file that cannot be used at all throws SpreadsheetLoadError; bad rows only become problems.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { CityCode } from '../../kit/model.ts';
import { assembleRecords, type Located, type ParsedFolder } from './assembleRecords.ts';
import { CASE_SHEET } from './caseSheet.ts';
import type { ParseCache } from './ParseCache.ts';
import { parseTable } from './parseTable.ts';
import { PATROL_SHEET } from './patrolSheet.ts';
import { POSITIVE_LIST_CSV, POSITIVE_LIST_SHEET, POSITIVE_LIST_XLSX } from './positiveListSheet.ts';
import { PROJECT_SHEET } from './projectSheet.ts';
import { readCsvTable } from './readCsvTable.ts';
import { READINGS_FOLDER, readingSchemaFor } from './readingSheet.ts';
import { readWorkbook, readXlsxSheet } from './readXlsxSheet.ts';
import { DEPOT_SHEET, RESOURCE_LEDGER_FILE, RESOURCE_SHEET } from './resourceSheets.ts';
import { columnsOf, type SheetSpec } from './SheetSpec.ts';
import { SpreadsheetSnapshot } from './SpreadsheetSnapshot.ts';
import { FACTOR_SHEET, STATION_SHEET } from './stationSheet.ts';

export async function loadSpreadsheetFolder(dir: string, cityCode: CityCode, cache: ParseCache, now: () => number): Promise<SpreadsheetSnapshot> {
  const entries = new Set(await readdir(dir));
  const readingFiles = await listReadingFiles(dir);
  const positiveFile = entries.has(POSITIVE_LIST_XLSX) ? POSITIVE_LIST_XLSX : entries.has(POSITIVE_LIST_CSV) ? POSITIVE_LIST_CSV : null;

  const [projects, stations, factors, cases, patrols, ledger, positiveList, readings] = await Promise.all([
    csvSheet(dir, cache, PROJECT_SHEET),
    csvSheet(dir, cache, STATION_SHEET),
    csvSheet(dir, cache, FACTOR_SHEET),
    csvSheet(dir, cache, CASE_SHEET),
    csvSheet(dir, cache, PATROL_SHEET),
    cache.get(dir, RESOURCE_LEDGER_FILE, async () => {
      const workbook = await readWorkbook(dir, RESOURCE_LEDGER_FILE);
      return { resources: xlsxSheet(workbook, RESOURCE_SHEET), depots: xlsxSheet(workbook, DEPOT_SHEET) };
    }),
    positiveFile === null ? null
      : positiveFile === POSITIVE_LIST_CSV ? csvSheet(dir, cache, { ...POSITIVE_LIST_SHEET, file: POSITIVE_LIST_CSV, sheet: null })
        : cache.get(dir, POSITIVE_LIST_XLSX, async () => xlsxSheet(await readWorkbook(dir, POSITIVE_LIST_XLSX), POSITIVE_LIST_SHEET)),
    Promise.all(readingFiles.map((file) => cache.get(dir, file, () => readingsFile(dir, file)))),
  ]);
  cache.retain(new Set([...entries, ...readingFiles]));

  const parsed = {
    projects, stations, factors, cases, patrols, resources: ledger.resources, depots: ledger.depots, positiveList, readings,
  } as ParsedFolder;
  const { records, problems } = assembleRecords(parsed, cityCode);
  return new SpreadsheetSnapshot(records, problems, now());
}

async function csvSheet<Shape extends z.ZodRawShape>(dir: string, cache: ParseCache, spec: SheetSpec<Shape>): Promise<Located<z.output<z.ZodObject<Shape>>>> {
  return cache.get(dir, spec.file, async () => {
    const table = await readCsvTable(dir, spec.file);
    return { file: spec.file, sheet: null, ...parseTable(table, spec.schema) };
  });
}

function xlsxSheet<Shape extends z.ZodRawShape>(workbook: Awaited<ReturnType<typeof readWorkbook>>, spec: SheetSpec<Shape>): Located<z.output<z.ZodObject<Shape>>> {
  const table = readXlsxSheet(workbook, spec.file, spec.sheet as string, columnsOf(spec)[0] as string);
  return { file: spec.file, sheet: spec.sheet, ...parseTable(table, spec.schema) };
}

async function readingsFile(dir: string, file: string): Promise<ParsedFolder['readings'][number]> {
  const table = await readCsvTable(dir, file);
  const { schema, toReading, unknown } = readingSchemaFor(table.headers);
  const parsed = parseTable(table, schema);
  const stationLocalId = file.slice(READINGS_FOLDER.length + 1, -'.csv'.length);
  const headerProblems = unknown.filter((h) => h !== '').map((column) => ({
    file, sheet: null, row: 1, column, message: 'not 名称(因子编码) or 名称(因子编码)标记; the column is ignored',
  }));
  const rows = parsed.rows.map(({ row, value }) => ({ row, value: toReading(value) }));
  return { file, sheet: null, stationLocalId, rows, problems: [...headerProblems, ...parsed.problems] };
}

/** `监测数据/*.csv`; no such folder means no readings. */
async function listReadingFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, READINGS_FOLDER));
    return names.filter((name) => name.toLowerCase().endsWith('.csv') && !name.startsWith('.') && !name.startsWith('~$'))
      .sort().map((name) => `${READINGS_FOLDER}/${name}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
