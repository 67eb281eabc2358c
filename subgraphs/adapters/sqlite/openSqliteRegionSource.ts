import { migrateToLatest } from '../sql/migrations/migrateToLatest.ts';
import { regionMigrations } from '../sql/migrations/regionMigrations.ts';
import type { RegionDatabase } from '../sql/schema.ts';
import { SqlRegionSource } from '../sql/SqlRegionSource.ts';
import { guarded } from '../sql/guarded.ts';
import { openSqliteDatabase, type OpenSqliteOptions } from './openSqliteDatabase.ts';

/**
 * The region's RegionSource over its SQLite file: opens it, brings the schema up to date, and hands
 * the source over. `cityCode` in the options is what errors report (use 'region').
 */
export async function openSqliteRegionSource(options: OpenSqliteOptions): Promise<SqlRegionSource> {
  const db = openSqliteDatabase<RegionDatabase>(options);
  try {
    await guarded(options.cityCode, 'migration', () => migrateToLatest(db, regionMigrations));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlRegionSource(db, options.cityCode);
}
