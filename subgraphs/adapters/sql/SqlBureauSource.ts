import type { Kysely } from 'kysely';
import type { CityCode } from '../../kit/model.ts';
import type { BureauSource } from '../../kit/ports.ts';
import { guarded } from './guarded.ts';
import type { BureauDatabase } from './schema.ts';
import { SqlCasesPort } from './SqlCasesPort.ts';
import { SqlCooperationStore } from './SqlCooperationStore.ts';
import { SqlEventLog, type SqlEventLogOptions } from './SqlEventLog.ts';
import { DEFAULT_FLAVOUR, type SqlFlavour } from './SqlFlavour.ts';
import { SqlEmergencyPort } from './SqlEmergencyPort.ts';
import { SqlMonitoringPort } from './SqlMonitoringPort.ts';
import { SqlProjectsPort } from './SqlProjectsPort.ts';
import type { TypedSeriesReader } from './TypedSeriesReader.ts';

/**
 * A bureau's ports over its SQL store (any Kysely dialect whose database has the bureau migrations),
 * with the dialect's `flavour` (@default DEFAULT_FLAVOUR: SQLite's, which needs the `distance_km`
 * store function). Owns `db`: `close()` destroys it. `typedSeries` reads the data types the store keeps
 * beside the readings table (@default none: the readings table is all); `events` the event log's
 * retention (@default SqlEventLog's).
 */
export class SqlBureauSource implements BureauSource {
  readonly projects: SqlProjectsPort;
  readonly monitoring: SqlMonitoringPort;
  readonly cases: SqlCasesPort;
  readonly emergency: SqlEmergencyPort;
  /** Cooperation records live in the same store, in tables of their own migration set (cooperationMigrations.ts). */
  readonly cooperation: SqlCooperationStore;
  /**
   * The store's event log (cooperation migration 0006): the cooperation feed, and the readings feed
   * that the HJ 212 ingest or the adapter's poll (openSubgraphSource.ts) appends.
   */
  readonly events: SqlEventLog;

  constructor(
    private readonly db: Kysely<BureauDatabase>,
    readonly cityCode: CityCode,
    flavour: SqlFlavour = DEFAULT_FLAVOUR,
    typedSeries?: (db: Kysely<BureauDatabase>) => TypedSeriesReader,
    events: SqlEventLogOptions = {},
  ) {
    const store = { db, cityCode, flavour };
    this.projects = new SqlProjectsPort(store);
    this.monitoring = new SqlMonitoringPort(store, typedSeries?.(db));
    this.cases = new SqlCasesPort(store);
    this.emergency = new SqlEmergencyPort(store);
    this.events = new SqlEventLog(db, cityCode, events);
    this.cooperation = new SqlCooperationStore(db, cityCode, false, flavour, this.events);
  }

  async health(): Promise<void> {
    await guarded(this.cityCode, 'health check', () => this.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute());
  }

  async close(): Promise<void> {
    await guarded(this.cityCode, 'close', () => this.db.destroy());
  }
}
