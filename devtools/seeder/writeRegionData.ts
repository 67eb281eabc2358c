import type { Kysely } from 'kysely';
import type { CityRecord, EnterpriseRecord, RiverRecord, SectionRecord } from '../../subgraphs/kit/model.ts';
import { insertInChunks, rowsPerStatement } from '../../subgraphs/adapters/sql/insertInChunks.ts';
import { cityToRow, enterpriseToRow, riverToRow, sectionToRow } from '../../subgraphs/adapters/sql/regionRows.ts';
import type { RegionDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { progressCounter, type WriteProgress } from './WriteProgress.ts';

export interface RegionData {
  readonly cities?: readonly CityRecord[];
  readonly rivers?: readonly RiverRecord[];
  readonly sections?: readonly SectionRecord[];
  readonly enterprises?: readonly EnterpriseRecord[];
}

export interface RegionWriteCounts {
  readonly cities: number;
  readonly rivers: number;
  readonly sections: number;
  readonly enterprises: number;
}

/**
 * Seeds a migrated, empty region store in one transaction, as multi-row INSERTs. `onProgress` gets
 * rows written and the total after every chunk. Driver errors propagate as they are (seeding time).
 */
export async function writeRegionData(
  db: Kysely<RegionDatabase>,
  data: RegionData,
  onProgress?: WriteProgress,
): Promise<RegionWriteCounts> {
  const { cities = [], rivers = [], sections = [], enterprises = [] } = data;
  const inserted = progressCounter(onProgress, cities.length + rivers.length + sections.length + enterprises.length);
  return db.transaction().execute(async (trx) => ({
    cities: await insertInChunks(cities, rowsPerStatement(8), (chunk) =>
      trx.insertInto('cities').values(chunk.map(cityToRow)).execute(), inserted),
    rivers: await insertInChunks(rivers, rowsPerStatement(6), (chunk) =>
      trx.insertInto('rivers').values(chunk.map(riverToRow)).execute(), inserted),
    sections: await insertInChunks(sections, rowsPerStatement(12), (chunk) =>
      trx.insertInto('sections').values(chunk.map(sectionToRow)).execute(), inserted),
    enterprises: await insertInChunks(enterprises, rowsPerStatement(9), (chunk) =>
      trx.insertInto('enterprises').values(chunk.map(enterpriseToRow)).execute(), inserted),
  }));
}
