/**
 * Cross-row and cross-file checks, then the records: duplicate ids (the later row is reported and
 * skipped), factors and readings of stations that do not exist, resources whose depot does not
 * exist, repeated reading times. Every skipped row becomes a problem with its file, sheet, row and
 * column.
 */
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type {
  CaseRecord, CityCode, DepotRecord, EnterpriseRecord, FactorRecord, JointPatrolRecord, ProjectRecord, ReadingRecord,
  ResourceRecord, StationRecord,
} from '../../kit/model.ts';
import { rowToCase, type CaseRow } from './caseSheet.ts';
import type { ParsedRow, ParsedTable } from './parseTable.ts';
import { rowToPatrol, type PatrolRow } from './patrolSheet.ts';
import { rowToEnterprise, type PositiveListRow } from './positiveListSheet.ts';
import { rowToProject, type ProjectRow } from './projectSheet.ts';
import { rowToDepot, rowToResource, type DepotRow, type ResourceRow } from './resourceSheets.ts';
import type { SheetProblem } from './SheetProblem.ts';
import type { SpreadsheetRecords } from './SpreadsheetSnapshot.ts';
import { rowToFactor, rowToStation, type FactorRow, type StationRow } from './stationSheet.ts';

/** A parsed table with where it came from, for problems found after parsing. */
export interface Located<T> extends ParsedTable<T> {
  readonly file: string;
  readonly sheet: string | null;
}

export interface ParsedFolder {
  readonly projects: Located<ProjectRow>;
  readonly stations: Located<StationRow>;
  readonly factors: Located<FactorRow>;
  readonly cases: Located<CaseRow>;
  readonly patrols: Located<PatrolRow>;
  readonly resources: Located<ResourceRow>;
  readonly depots: Located<DepotRow>;
  readonly positiveList: Located<PositiveListRow> | null;
  /** Per readings file: the station's local id (from the file name) and its rows. */
  readonly readings: ReadonlyArray<Located<Omit<ReadingRecord, 'stationId'>> & { readonly stationLocalId: string }>;
}

export function assembleRecords(parsed: ParsedFolder, cityCode: CityCode): { records: SpreadsheetRecords; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const report = (t: Located<unknown>, row: number | null, column: string | null, message: string) =>
    problems.push({ file: t.file, sheet: t.sheet, row, column, message });
  const unique = <T>(t: Located<T>, column: string, keyOf: (v: T) => string): Array<ParsedRow<T>> => {
    problems.push(...t.problems);
    const first = new Map<string, number>();
    return t.rows.filter(({ row, value }) => {
      const key = keyOf(value);
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, row);
        return true;
      }
      report(t, row, column, `duplicate ${column} ${key} (first in row ${seen}); this row is skipped`);
      return false;
    });
  };

  const stationRows = unique(parsed.stations, '编号', (r) => r.编号);
  const stationIds = new Set(stationRows.map(({ value }) => value.编号));
  const factors = new Map<string, FactorRecord[]>();
  problems.push(...parsed.factors.problems);
  for (const { row, value } of parsed.factors.rows) {
    if (!stationIds.has(value.站点编号)) {
      report(parsed.factors, row, '站点编号', `no station ${value.站点编号} in 监测站点.csv; this row is skipped`);
      continue;
    }
    const list = factors.get(value.站点编号) ?? [];
    if (list.some((f) => f.code === value.因子编码)) {
      report(parsed.factors, row, '因子编码', `factor ${value.因子编码} is listed twice for station ${value.站点编号}; this row is skipped`);
      continue;
    }
    list.push(rowToFactor(value));
    factors.set(value.站点编号, list);
  }
  const stations: StationRecord[] = stationRows.map(({ value }) => rowToStation(value, factors.get(value.编号) ?? [], cityCode));

  const readings = new Map<string, ReadingRecord[]>();
  for (const file of parsed.readings) {
    if (!stationIds.has(file.stationLocalId)) {
      report(file, null, null, `no station ${file.stationLocalId} in 监测站点.csv; the file is skipped`);
      continue;
    }
    const stationId = encodeGlobalId('Station', cityCode, file.stationLocalId);
    const series = unique(file, '监测时间', (r) => String(r.time)).map(({ value }) => ({ stationId, ...value }));
    readings.set(stationId, series.sort((a, b) => a.time - b.time));
  }

  const depots = new Map<string, DepotRecord>(unique(parsed.depots, '储备库编码', (r) => r.储备库编码).map(({ value }) => [value.储备库编码, rowToDepot(value)]));
  const resources: ResourceRecord[] = unique(parsed.resources, '编号', (r) => r.编号).flatMap(({ row, value }) => {
    const depotCode = value.储备库编码;
    const depot = depotCode === null ? null : depots.get(depotCode);
    if (depot === undefined) {
      report(parsed.resources, row, '储备库编码', `no depot ${depotCode} in sheet 储备库; this row is skipped`);
      return [];
    }
    return [rowToResource(value, depot, cityCode)];
  });

  const projects: ProjectRecord[] = unique(parsed.projects, '编号', (r) => r.编号).map(({ value }) => rowToProject(value, cityCode));
  const cases: CaseRecord[] = unique(parsed.cases, '编号', (r) => r.编号).map(({ value }) => rowToCase(value, cityCode));
  const patrols: JointPatrolRecord[] = unique(parsed.patrols, '编号', (r) => r.编号).map(({ value }) => rowToPatrol(value, cityCode));
  const positiveList: EnterpriseRecord[] = parsed.positiveList === null ? []
    : unique(parsed.positiveList, '统一社会信用代码', (r) => r.统一社会信用代码).map(({ value }) => rowToEnterprise(value, cityCode));

  return { records: { projects, stations, readings, cases, patrols, resources, positiveList }, problems: problems.sort(byPlace) };
}

/** By file, sheet and row (whole-file problems first); problems of one row keep their column order. */
function byPlace(a: SheetProblem, b: SheetProblem): number {
  const text = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  return text(a.file, b.file) || text(a.sheet, b.sheet) || (a.row ?? 0) - (b.row ?? 0);
}
