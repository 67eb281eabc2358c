import type { RegionDatabase } from '../sql/schema.ts';
import { SqlRegionSource } from '../sql/SqlRegionSource.ts';
import { openMigratedPostgresStore } from './openMigratedPostgresStore.ts';
import type { OpenPostgresOptions } from './openPostgresDatabase.ts';
import { POSTGRES_FLAVOUR } from './postgresFlavour.ts';

/** The region's RegionSource over a PostgreSQL server; `cityCode` in the options is what errors report ('region'). */
export async function openPostgresRegionSource(options: OpenPostgresOptions): Promise<SqlRegionSource> {
  const db = await openMigratedPostgresStore<RegionDatabase>(options, 'region');
  return new SqlRegionSource(db, options.cityCode, POSTGRES_FLAVOUR);
}
