import type { Kysely, Transaction } from 'kysely';
import type {
  CaseRecord, JointPatrolRecord, ProjectRecord, ReadingRecord, ResourceRecord, StationRecord,
} from '../../subgraphs/kit/model.ts';
import { caseToRow } from '../../subgraphs/adapters/sql/caseRows.ts';
import { insertInChunks, rowsPerStatement } from '../../subgraphs/adapters/sql/insertInChunks.ts';
import { readingToRow, stationToRow } from '../../subgraphs/adapters/sql/monitoringRows.ts';
import { patrolToRow } from '../../subgraphs/adapters/sql/patrolRows.ts';
import { projectRiverRows, projectToRow } from '../../subgraphs/adapters/sql/projectRows.ts';
import { resourceToRow } from '../../subgraphs/adapters/sql/resourceRows.ts';
import type { BureauDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { progressCounter, type WriteProgress } from './WriteProgress.ts';

export interface BureauData {
  readonly projects?: readonly ProjectRecord[];
  readonly stations?: readonly StationRecord[];
  /** Each station's readings, pulled lazily while writing (a bureau has tens of thousands). */
  readonly readingsOf?: (station: StationRecord) => Iterable<ReadingRecord>;
  readonly cases?: readonly CaseRecord[];
  readonly patrols?: readonly JointPatrolRecord[];
  readonly resources?: readonly ResourceRecord[];
}

export interface BureauWriteOptions {
  /** Called after every chunk. @default none */
  readonly onProgress?: WriteProgress;
  /** How many readings `readingsOf` will yield in all, so that progress can report a total. @default unknown */
  readonly expectedReadings?: number;
}

export interface BureauWriteCounts {
  readonly projects: number;
  readonly stations: number;
  readonly readings: number;
  readonly cases: number;
  readonly patrols: number;
  readonly resources: number;
}

/**
 * Seeds a migrated, empty bureau store: every record in one transaction (all or nothing, and SQLite
 * syncs once), as multi-row INSERTs of a few hundred rows. Stations go before their readings
 * (foreign key). Driver errors propagate as they are: this runs at seeding, not per request.
 */
export async function writeBureauData(
  db: Kysely<BureauDatabase>,
  data: BureauData,
  options: BureauWriteOptions = {},
): Promise<BureauWriteCounts> {
  const { projects = [], stations = [], cases = [], patrols = [], resources = [], readingsOf } = data;
  const known = projects.length + stations.length + cases.length + patrols.length + resources.length;
  const total = readingsOf === undefined ? known : options.expectedReadings === undefined ? undefined
    : known + options.expectedReadings;
  const inserted = progressCounter(options.onProgress, total);
  return db.transaction().execute(async (trx) => {
    const counts = {
      projects: await insertInChunks(projects, rowsPerStatement(18), async (chunk) => {
        await trx.insertInto('projects').values(chunk.map(projectToRow)).execute();
        const rivers = chunk.flatMap(projectRiverRows);
        if (rivers.length > 0) await trx.insertInto('project_rivers').values(rivers).execute();
      }, inserted),
      stations: await insertInChunks(stations, rowsPerStatement(15), (chunk) =>
        trx.insertInto('stations').values(chunk.map(stationToRow)).execute(), inserted),
      readings: readingsOf === undefined ? 0 : await writeReadingsIn(trx, stations.map((s) => readingsOf(s)), inserted),
      cases: await insertInChunks(cases, rowsPerStatement(25), (chunk) =>
        trx.insertInto('cases').values(chunk.map(caseToRow)).execute(), inserted),
      patrols: await insertInChunks(patrols, rowsPerStatement(12), (chunk) =>
        trx.insertInto('patrols').values(chunk.map(patrolToRow)).execute(), inserted),
      resources: await insertInChunks(resources, rowsPerStatement(15), (chunk) =>
        trx.insertInto('resources').values(chunk.map(resourceToRow)).execute(), inserted),
    };
    return counts;
  });
}

/**
 * Appends readings of stations already in the store, in one transaction (the ingest path and
 * benchmarks; seeding goes through writeBureauData).
 */
export async function writeReadings(
  db: Kysely<BureauDatabase>,
  readings: Iterable<ReadingRecord>,
  onProgress?: WriteProgress,
): Promise<number> {
  const inserted = progressCounter(onProgress, undefined);
  return db.transaction().execute((trx) => writeReadingsIn(trx, [readings], inserted));
}

async function writeReadingsIn(
  trx: Transaction<BureauDatabase>,
  series: Iterable<Iterable<ReadingRecord>>,
  inserted: (n: number) => void,
): Promise<number> {
  let count = 0;
  for (const readings of series) {
    count += await insertInChunks(readings, rowsPerStatement(4), (chunk) =>
      trx.insertInto('readings').values(chunk.map(readingToRow)).execute(), inserted);
  }
  return count;
}
