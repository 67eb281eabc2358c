import type { Kysely } from 'kysely';
import { openMigratedStore } from '../sql/openMigratedStore.ts';
import { openPostgresDatabase, type OpenPostgresOptions } from './openPostgresDatabase.ts';
import { POSTGRES_MIGRATIONS, type PostgresStoreKind } from './postgresMigrations.ts';

/**
 * Connects (CITY_SOURCE_CONNECT on failure) and brings a bureau, region or cooperation store up to date in its
 * schema (CITY_SOURCE_FAILED on failure). The caller owns the result.
 */
export async function openMigratedPostgresStore<DB>(options: OpenPostgresOptions, store: PostgresStoreKind): Promise<Kysely<DB>> {
  const { db, schema } = await openPostgresDatabase<DB>(options);
  return openMigratedStore(db, POSTGRES_MIGRATIONS[store], options.cityCode, { schema });
}
