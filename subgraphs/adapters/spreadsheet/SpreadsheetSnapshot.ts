import type {
  CaseRecord, EnterpriseRecord, JointPatrolRecord, ProjectRecord, ReadingRecord, ResourceRecord, StationRecord,
} from '../../kit/model.ts';
import { MemoryList } from './MemoryList.ts';
import { comparePositions } from '../../kit/listOrder.ts';
import type { SheetProblem } from './SheetProblem.ts';

/**
 * The snapshot a port call answers from, read once at the call's start so that a reload swapping it
 * in meanwhile never mixes two loads in one answer; throws a CitySourceError once the source is closed.
 */
export type CurrentSnapshot = () => SpreadsheetSnapshot;

export interface SpreadsheetRecords {
  readonly projects: readonly ProjectRecord[];
  readonly stations: readonly StationRecord[];
  /** Per station id, oldest first. */
  readonly readings: ReadonlyMap<string, readonly ReadingRecord[]>;
  readonly cases: readonly CaseRecord[];
  readonly patrols: readonly JointPatrolRecord[];
  readonly resources: readonly ResourceRecord[];
  readonly positiveList: readonly EnterpriseRecord[];
}

/**
 * Everything one load of the folder produced, indexed for the ports. Immutable: a reload builds a
 * new snapshot and swaps it in whole, so a request never sees half of one load and half of another.
 */
export class SpreadsheetSnapshot {
  readonly projects: MemoryList<ProjectRecord>;
  readonly stations: MemoryList<StationRecord>;
  readonly cases: MemoryList<CaseRecord>;
  readonly patrols: MemoryList<JointPatrolRecord>;
  readonly resources: MemoryList<ResourceRecord>;
  readonly readings: ReadonlyMap<string, readonly ReadingRecord[]>;
  /** Per enterprise credit code: its pollution-source stations by code then id. */
  readonly stationsByEnterprise: ReadonlyMap<string, readonly StationRecord[]>;
  /** Per enterprise credit code: its cases newest first, then by id. */
  readonly casesByEnterprise: ReadonlyMap<string, readonly CaseRecord[]>;
  readonly positiveList: readonly EnterpriseRecord[];

  constructor(records: SpreadsheetRecords, readonly problems: readonly SheetProblem[], readonly loadedAt: number) {
    this.projects = new MemoryList(records.projects, ['updatedAt', 'id', 'code', 'investmentWanYuan', 'progressPercent'], 'projects');
    this.stations = new MemoryList(records.stations, ['code', 'id'], 'stations');
    this.cases = new MemoryList(records.cases, ['filedAt', 'id', 'caseNumber'], 'cases');
    this.patrols = new MemoryList(records.patrols, ['startedAt', 'id'], 'patrols');
    this.resources = new MemoryList(records.resources, ['id'], 'resources');
    this.readings = records.readings;
    this.positiveList = records.positiveList;
    this.stationsByEnterprise = groupSorted(
      records.stations.filter((s) => s.kind === 'POLLUTION_SOURCE'),
      (s) => s.enterpriseCreditCode,
      (a, b) => comparePositions({ value: a.code, id: a.id }, { value: b.code, id: b.id }, 'ASC'),
    );
    this.casesByEnterprise = groupSorted(
      records.cases,
      (c) => c.enterpriseCreditCode,
      (a, b) => comparePositions({ value: a.filedAt, id: a.id }, { value: b.filedAt, id: b.id }, 'DESC'),
    );
  }
}

function groupSorted<T>(items: readonly T[], keyOf: (item: T) => string | null, order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort(order)) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
