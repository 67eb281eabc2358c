/**
 * Writes a bureau's records as the folder of exports the spreadsheet adapter reads (layout in
 * README.md): the default data of 510500 泸州市 for `npm start`, and test folders. Overwrites the
 * files it writes (each atomically), leaves other files alone.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeGlobalId } from '../../schema/globalId.ts';
import type {
  CaseRecord, DepotRecord, EnterpriseRecord, JointPatrolRecord, ProjectRecord, ReadingRecord, ResourceRecord, StationRecord,
} from '../../subgraphs/kit/model.ts';
import { CASE_SHEET, caseToRow } from '../../subgraphs/adapters/spreadsheet/caseSheet.ts';
import { PATROL_SHEET, patrolToRow } from '../../subgraphs/adapters/spreadsheet/patrolSheet.ts';
import { enterpriseToRow, POSITIVE_LIST_SHEET } from '../../subgraphs/adapters/spreadsheet/positiveListSheet.ts';
import { PROJECT_SHEET, projectToRow } from '../../subgraphs/adapters/spreadsheet/projectSheet.ts';
import { READINGS_FOLDER, readingColumns, readingsFileOf, readingToRow } from '../../subgraphs/adapters/spreadsheet/readingSheet.ts';
import { DEPOT_SHEET, depotToRow, RESOURCE_LEDGER_FILE, RESOURCE_SHEET, resourceToRow } from '../../subgraphs/adapters/spreadsheet/resourceSheets.ts';
import { columnsOf } from '../../subgraphs/adapters/spreadsheet/SheetSpec.ts';
import { FACTOR_SHEET, factorToRow, STATION_SHEET, stationToRow } from '../../subgraphs/adapters/spreadsheet/stationSheet.ts';
import { toCsv } from './toCsv.ts';
import { toXlsx } from './toXlsx.ts';
import { writeFileAtomically } from './writeFileAtomically.ts';

/** A bureau's records: the seeded generator's bureau (`readings`) or the SQL writer's data (`readingsOf`). */
export interface SpreadsheetBureauData {
  readonly projects?: readonly ProjectRecord[];
  readonly stations?: readonly StationRecord[];
  readonly cases?: readonly CaseRecord[];
  readonly patrols?: readonly JointPatrolRecord[];
  readonly resources?: readonly ResourceRecord[];
  readings?(station: StationRecord): Iterable<ReadingRecord>;
  readingsOf?(station: StationRecord): Iterable<ReadingRecord>;
}

export interface SpreadsheetWriteOptions {
  /** Enterprises on this bureau's positive list (正面清单), e.g. from the region's registry. @default none (an empty list) */
  readonly positiveList?: readonly EnterpriseRecord[];
  /** Title row of the resource ledger. @default '环境应急物资台账' */
  readonly ledgerTitle?: string;
}

export interface SpreadsheetWriteCounts {
  readonly files: number;
  readonly readings: number;
}

export async function writeSpreadsheetFolder(
  dir: string,
  data: SpreadsheetBureauData,
  options: SpreadsheetWriteOptions = {},
): Promise<SpreadsheetWriteCounts> {
  const { projects = [], stations = [], cases = [], patrols = [], resources = [] } = data;
  await mkdir(join(dir, READINGS_FOLDER), { recursive: true });
  const write = (file: string, content: string | Uint8Array) => writeFileAtomically(join(dir, file), content);

  await write(PROJECT_SHEET.file, toCsv(columnsOf(PROJECT_SHEET), projects.map((p) => projectToRow(p, localIdOf(p.id)))));
  await write(STATION_SHEET.file, toCsv(columnsOf(STATION_SHEET), stations.map((s) => stationToRow(s, localIdOf(s.id)))));
  await write(FACTOR_SHEET.file, toCsv(columnsOf(FACTOR_SHEET), stations.flatMap((s) => s.factors.map((f) => factorToRow(f, localIdOf(s.id))))));
  await write(CASE_SHEET.file, toCsv(columnsOf(CASE_SHEET),
    cases.map((c) => caseToRow(c, localIdOf(c.id), c.stationId === null ? null : localIdOf(c.stationId)))));
  await write(PATROL_SHEET.file, toCsv(columnsOf(PATROL_SHEET), patrols.map((p) => patrolToRow(p, localIdOf(p.id)))));
  await write(RESOURCE_LEDGER_FILE, await toXlsx([
    {
      name: RESOURCE_SHEET.sheet, title: options.ledgerTitle ?? '环境应急物资台账', columns: columnsOf(RESOURCE_SHEET),
      dateColumns: RESOURCE_SHEET.dateColumns, rows: resources.map((r) => resourceToRow(r, localIdOf(r.id))),
    },
    { name: DEPOT_SHEET.sheet, columns: columnsOf(DEPOT_SHEET), rows: depotsOf(resources).map(depotToRow) },
  ]));
  await write(POSITIVE_LIST_SHEET.file, await toXlsx([{
    name: POSITIVE_LIST_SHEET.sheet, columns: columnsOf(POSITIVE_LIST_SHEET), dateColumns: POSITIVE_LIST_SHEET.dateColumns,
    rows: (options.positiveList ?? []).filter((e) => e.positiveList !== null).map(enterpriseToRow),
  }]));

  let readings = 0;
  for (const station of stations) {
    const series = [...(data.readings?.(station) ?? data.readingsOf?.(station) ?? [])];
    readings += series.length;
    // Codes a reading carries beyond the station's declared factors still get columns.
    const extra = [...new Set(series.flatMap((r) => r.values.map((v) => v.code)))]
      .filter((code) => !station.factors.some((f) => f.code === code))
      .map((code) => ({ code, name: '', unit: '' }));
    const factors = [...station.factors, ...extra];
    await write(readingsFileOf(localIdOf(station.id)), toCsv(readingColumns(factors), series.map((r) => readingToRow(r, factors))));
  }
  return { files: 7 + stations.length, readings };
}

function localIdOf(globalId: string): string {
  const parts = decodeGlobalId(globalId);
  if (parts === null) throw new TypeError(`not a global id: ${globalId}`);
  return parts.localId;
}

/** One row per depot code; two resources naming the same code with different depots is a data error. */
function depotsOf(resources: readonly ResourceRecord[]): DepotRecord[] {
  const depots = new Map<string, DepotRecord>();
  for (const { depot } of resources) {
    if (depot === null) continue;
    const known = depots.get(depot.code);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(depot)) {
      throw new RangeError(`depot ${depot.code} appears with different details; the ledger has one row per depot`);
    }
    depots.set(depot.code, depot);
  }
  return [...depots.values()];
}
