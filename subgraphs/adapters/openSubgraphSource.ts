/**
 * Resolves a subgraph's effective source (its config file's `source.kind`, after loadSubgraphConfig
 * applied the environment: a server kind without a URL arrives as 'sqlite') to the adapter that
 * implements it. Adding a kind = one schema entry in subgraphConfigSchema.ts + one case here.
 * The server adapters are imported on demand: loading `pg` and `mysql2` costs each process about
 * 180 ms and 20 MB, which the embedded-store processes of `npm start` need not pay.
 */
import type { Kysely } from 'kysely';
import { ConfigError, type SubgraphConfig } from '../config/loadSubgraphConfig.ts';
import type { BureauSource } from '../kit/ports.ts';
import type { RegionSource } from '../kit/regionPorts.ts';
import { createPacketSeriesReader } from './hj212-ingest/createPacketSeriesReader.ts';
import { openSqliteBureauSource, openSqliteCooperationStore, openSqliteRegionSource } from './sqlite/index.ts';
import type { SqlEventLog } from './sql/SqlEventLog.ts';
import { watchNewReadings } from '../kit/events/watchNewReadings.ts';
import { limitErrorLogRate } from '../kit/limitErrorLogRate.ts';
import { stderrLogger } from '../kit/runSubgraphProcess.ts';

export async function openBureauSource(config: SubgraphConfig): Promise<BureauSource> {
  const { source, origin: cityCode } = config;
  const events = { retentionMs: config.events.retentionMs };
  switch (source.kind) {
    case 'sqlite': {
      // With an HJ 212 ingest beside it, the store also holds every data type devices sent (hj212_packets),
      // and the ingest logs each reading in the transaction that stores it: no poll then — unless the
      // bureau keeps its cooperation records (and so its event log) in a store of their own.
      const opened = await openSqliteBureauSource({
        path: source.file, cityCode, fileMustExist: true, events, ...(config.hj212 !== null && { typedSeries: createPacketSeriesReader }),
      });
      if (config.cooperation !== null) return withCooperationStore(opened, config);
      return config.hj212 !== null ? opened : withReadingsPoll(opened, opened.events, config);
    }
    case 'postgres': {
      const opened = await (await import('./postgres/index.ts')).openPostgresBureauSource({ url: source.url, cityCode, queryTimeoutMs: source.queryTimeoutMs, events });
      return withReadingsPoll(opened, opened.events, config);
    }
    case 'mysql': {
      const opened = await (await import('./mysql/index.ts')).openMysqlBureauSource({ url: source.url, cityCode, queryTimeoutMs: source.queryTimeoutMs, events });
      return withReadingsPoll(opened, opened.events, config);
    }
    case 'legacy-http': {
      // Opening never waits for the service: while it is down, /health says so and queries get
      // CITY_SOURCE_UNAVAILABLE; the subgraph itself stays up.
      const { LegacyHttpBureauSource } = await import('./legacy-http/index.ts');
      return withCooperationStore(new LegacyHttpBureauSource({ url: source.url, cityCode, timeoutMs: source.timeoutMs, retries: source.retries }), config);
    }
    case 'spreadsheet':
      return withCooperationStore(await (await import('./spreadsheet/index.ts')).openSpreadsheetBureauSource({ dir: source.dir, cityCode, watch: source.watch }), config);
  }
}

/**
 * A bureau whose system takes no writes keeps its cooperation records apart (config.cooperation): in an
 * embedded SQLite file of its own beside its data (`<data dir>/<code>-cooperation.sqlite`), or on a
 * configured PostgreSQL server; its event log lives there too, the readings its system shows logged
 * by a poll (we may not write the bureau's own system). The source is wrapped, not changed; with no
 * such store (null) it is returned as it is, its own store holding them.
 */
async function withCooperationStore(source: BureauSource, config: SubgraphConfig): Promise<BureauSource> {
  const where = config.cooperation;
  if (where === null) return source;
  let cooperation;
  try {
    const events = { retentionMs: config.events.retentionMs };
    cooperation = where.kind === 'sqlite'
      ? await openSqliteCooperationStore({ path: where.file, cityCode: config.origin, events })
      : await (await import('./postgres/index.ts')).openPostgresCooperationStore({
        url: where.url, cityCode: config.origin, ...(where.schema !== null && { schema: where.schema }),
        queryTimeoutMs: where.queryTimeoutMs, maxConnections: where.maxConnections, connectTimeoutMs: where.connectTimeoutMs, events,
      });
  } catch (error) {
    await source.close();
    throw error;
  }
  const store = cooperation;
  const log = store.events as SqlEventLog; // both cooperation stores always hold their log
  return withReadingsPoll({ ...portsOf(source), cooperation: store, events: log, close: async () => {
    await source.close();
    await store.close();
  } }, log, config);
}

/**
 * The readings feed of a bureau whose readings its own system writes (watchNewReadings.ts): polled
 * every `events.pollIntervalMs`; the poll stops before the source closes.
 */
function withReadingsPoll(source: BureauSource, log: SqlEventLog, config: SubgraphConfig): BureauSource {
  const errors = limitErrorLogRate(stderrLogger(config.origin));
  const poll = watchNewReadings({
    monitoring: source.monitoring,
    log,
    intervalMs: config.events.pollIntervalMs,
    onError: (error) => errors('readings poll for the event log failed; retried at the next poll', error),
  });
  return { ...portsOf(source), cooperation: source.cooperation, events: log, close: async () => {
    await poll.close();
    await source.close();
  } };
}

/** A source's ports and health, to wrap it in another BureauSource (its methods stay bound to it). */
function portsOf(source: BureauSource): Pick<BureauSource, 'cityCode' | 'projects' | 'monitoring' | 'cases' | 'emergency' | 'health'> {
  return {
    cityCode: source.cityCode,
    projects: source.projects,
    monitoring: source.monitoring,
    cases: source.cases,
    emergency: source.emergency,
    health: () => source.health(),
  };
}

export async function openRegionSource(config: SubgraphConfig): Promise<RegionSource> {
  const { source, origin: cityCode } = config;
  switch (source.kind) {
    case 'sqlite':
      return openSqliteRegionSource({ path: source.file, cityCode, fileMustExist: true });
    case 'postgres':
      return (await import('./postgres/index.ts')).openPostgresRegionSource({ url: source.url, cityCode, queryTimeoutMs: source.queryTimeoutMs });
    case 'mysql':
      return (await import('./mysql/index.ts')).openMysqlRegionSource({ url: source.url, cityCode, queryTimeoutMs: source.queryTimeoutMs });
    case 'legacy-http':
    case 'spreadsheet':
      throw new ConfigError(`${config.name}: the region's store cannot be a ${source.kind} source.`);
  }
}

/**
 * The migrated database behind a server source, for writing into it (devtools/seeder/seedServers.main.ts); null for
 * the other kinds, whose demo data `npm run seed` writes. The caller owns the result.
 */
export async function openServerStore<DB>(config: SubgraphConfig, store: 'bureau' | 'region'): Promise<Kysely<DB> | null> {
  const { source, origin: cityCode } = config;
  switch (source.kind) {
    case 'sqlite':
    case 'legacy-http': // its stand-in is seeded from the embedded store; the real system is the bureau's
    case 'spreadsheet': // the folder is written by npm run seed; a real share is the bureau's
      return null;
    case 'postgres':
      return (await import('./postgres/index.ts')).openMigratedPostgresStore<DB>({ url: source.url, cityCode }, store);
    case 'mysql':
      return (await import('./mysql/index.ts')).openMigratedMysqlStore<DB>({ url: source.url, cityCode }, store);
  }
}
