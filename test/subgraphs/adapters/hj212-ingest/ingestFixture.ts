/** A temp SQLite bureau store for 500153 with HJ 212 stations, and an ingest server on 127.0.0.1:0. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import type { ReadingInterval, StationKind, StationRecord } from '../../../../subgraphs/kit/model.ts';
import type { Hj212IngestDatabase } from '../../../../subgraphs/adapters/hj212-ingest/Hj212IngestDatabase.ts';
import type { Hj212IngestLogEvent } from '../../../../subgraphs/adapters/hj212-ingest/Hj212IngestLog.ts';
import type { Hj212IngestConfig } from '../../../../subgraphs/config/hj212IngestConfigSchema.ts';
import { startHj212Ingest, type Hj212IngestServer } from '../../../../subgraphs/adapters/hj212-ingest/startHj212Ingest.ts';
import { bureauMigrations } from '../../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../../../../subgraphs/adapters/sql/schema.ts';
import { SqlBureauSource } from '../../../../subgraphs/adapters/sql/SqlBureauSource.ts';
import { writeBureauData } from '../../../../devtools/seeder/writeBureauData.ts';
import { openSqliteDatabase } from '../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';

export const CITY = '500153';

const FACTORS: Readonly<Record<string, StationRecord['factors']>> = {
  water: ['w01010', 'w01001', 'w01009', 'w01014', 'w01003', 'w01019', 'w21003', 'w21011', 'w21001'].map((code) => ({ code, name: code, unit: 'mg/L' })),
  air: ['a34004', 'a34002', 'a21026', 'a21004', 'a21005', 'a05024'].map((code) => ({ code, name: code, unit: 'µg/m³' })),
  wasteWater: ['w01018', 'w21003', 'w21011', 'w01001', 'w00000'].map((code) => ({ code, name: code, unit: 'mg/L' })),
};

export function hj212Station(
  n: number, mn: string, kind: StationKind, interval: ReadingInterval, over: Partial<StationRecord> = {},
): StationRecord {
  return {
    id: encodeGlobalId('Station', CITY, `HJ${String(n).padStart(4, '0')}`),
    cityCode: CITY,
    code: mn,
    name: `荣昌区监测点${n}`,
    kind,
    riverId: null,
    location: { longitude: 105.594, latitude: 29.405 },
    address: '重庆市荣昌区',
    enterpriseCreditCode: null,
    sharedWithCityCodes: [],
    protocolVersion: 'HJ 212-2017',
    operating: true,
    interval,
    factors: kind === 'AIR_QUALITY' ? FACTORS['air']! : kind === 'WATER_QUALITY' ? FACTORS['water']! : FACTORS['wasteWater']!,
    ...over,
  };
}

/** The MNs of the constructed sample packets (referencePackets.json), as stations of the test bureau. */
export const SAMPLE_PACKET_STATIONS: readonly StationRecord[] = [
  hj212Station(1, '500153WW0000000000000007', 'POLLUTION_SOURCE', 'REALTIME'),
  hj212Station(2, '500152GH0000000000000001', 'WATER_QUALITY', 'FOUR_HOURLY'),
  hj212Station(3, '510903AQ0000000000000001', 'AIR_QUALITY', 'HOURLY'),
];

export interface IngestFixture {
  /** The store with the ingest's table, for assertions. */
  readonly db: Kysely<Hj212IngestDatabase>;
  /** The same store as the bureau's writers see it. */
  readonly bureau: Kysely<BureauDatabase>;
  readonly source: SqlBureauSource;
  readonly ingest: Hj212IngestServer;
  readonly logs: Hj212IngestLogEvent[];
  count(table: 'readings' | 'hj212_packets'): Promise<number>;
  close(): Promise<void>;
}

export async function startIngestFixture(
  stations: readonly StationRecord[],
  config: Partial<Hj212IngestConfig> = {},
): Promise<IngestFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'hj212-ingest-'));
  const db = openSqliteDatabase<BureauDatabase>({ path: join(dir, `${CITY}.sqlite`), cityCode: CITY });
  await migrateToLatest(db, bureauMigrations);
  await writeBureauData(db, { stations });
  const logs: Hj212IngestLogEvent[] = [];
  const ingest = await startHj212Ingest({ db, config: { port: 0, ...config }, log: (e) => logs.push(e) });
  const typed = db.withTables<Pick<Hj212IngestDatabase, 'hj212_packets'>>();
  return {
    db: typed,
    bureau: db,
    source: new SqlBureauSource(db, CITY),
    ingest,
    logs,
    async count(table) {
      const row = await typed.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await ingest.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
