import type { CityCode, ReadingRecord, StationRecord } from '../../subgraphs/kit/model.ts';
import type { BureauRecords } from '../demo-world/SeededBureau.ts';
import { toAjRow, type AjRow } from './ajTable.ts';
import { toJcsjRow, type JcsjRow } from './jcsjTable.ts';
import { toWzRow, type WzRow } from './wzTable.ts';
import { toXhRow, type XhRow } from './xhTable.ts';
import { toXmRow, type XmRow } from './xmTable.ts';
import { toZdRow, type ZdRow } from './zdTable.ts';

/** The legacy system's database, held in memory: its own tables in its own shapes. */
export interface LegacyDataset {
  readonly cityCode: CityCode;
  readonly xm: readonly XmRow[];
  readonly zd: readonly ZdRow[];
  readonly aj: readonly AjRow[];
  readonly xh: readonly XhRow[];
  readonly wz: readonly WzRow[];
  /** Readings per station id (zdid), oldest first. */
  readonly jcsj: ReadonlyMap<string, readonly JcsjRow[]>;
}

/** What the system is filled from: a bureau's contract records and each station's readings. */
export interface LegacySourceData extends BureauRecords {
  readings(station: StationRecord): Iterable<ReadingRecord>;
}

/** Imports contract records into the legacy tables (the simulated system's own storage format). */
export function buildLegacyDataset(data: LegacySourceData): LegacyDataset {
  const jcsj = new Map<string, JcsjRow[]>();
  for (const station of data.stations) {
    const rows = Array.from(data.readings(station), toJcsjRow).sort((a, b) => (a.jcsj < b.jcsj ? -1 : a.jcsj > b.jcsj ? 1 : 0));
    jcsj.set(toZdRow(station).zdid, rows);
  }
  return {
    cityCode: data.cityCode,
    xm: data.projects.map(toXmRow),
    zd: data.stations.map(toZdRow),
    aj: data.cases.map(toAjRow),
    xh: data.patrols.map(toXhRow),
    wz: data.resources.map(toWzRow),
    jcsj,
  };
}
