import type { Kysely } from 'kysely';
import { bureauMigrations } from '../sql/migrations/bureauMigrations.ts';
import { cooperationMigrations } from '../sql/migrations/cooperationMigrations.ts';
import { migrateToLatest } from '../sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import { SqlBureauSource } from '../sql/SqlBureauSource.ts';
import type { SqlEventLogOptions } from '../sql/SqlEventLog.ts';
import { DEFAULT_FLAVOUR } from '../sql/SqlFlavour.ts';
import type { TypedSeriesReader } from '../sql/TypedSeriesReader.ts';
import { guarded } from '../sql/guarded.ts';
import { openSqliteDatabase, type OpenSqliteOptions } from './openSqliteDatabase.ts';

/**
 * A bureau's BureauSource over its SQLite file: opens it, brings the schema up to date, and hands
 * the ports over. Fails with CITY_SOURCE_CONNECT (cannot open) or CITY_SOURCE_FAILED (migration).
 */
export interface OpenSqliteBureauOptions extends OpenSqliteOptions {
  /** The store's other data types, e.g. the HJ 212 ingest's packets. @default none */
  readonly typedSeries?: (db: Kysely<BureauDatabase>) => TypedSeriesReader;
  /** The event log's retention. @default SqlEventLog's */
  readonly events?: SqlEventLogOptions;
}

export async function openSqliteBureauSource(options: OpenSqliteBureauOptions): Promise<SqlBureauSource> {
  const db = openSqliteDatabase<BureauDatabase>(options);
  try {
    await guarded(options.cityCode, 'migration', async () => {
      await migrateToLatest(db, bureauMigrations);
      // A read-only opener (the legacy stand-in reading its seed) neither writes nor reads cooperation records.
      if (options.readonly !== true) await migrateToLatest(db, cooperationMigrations);
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlBureauSource(db, options.cityCode, DEFAULT_FLAVOUR, options.typedSeries, options.events);
}
