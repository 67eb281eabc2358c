import type { Kysely } from 'kysely';
import { guarded } from '../sql/guarded.ts';
import { openMigratedStore } from '../sql/openMigratedStore.ts';
import { pickBinaryCollation } from './mysqlColumnTypes.ts';
import { mysqlMigrations } from './mysqlMigrations.ts';
import { openMysqlDatabase, type OpenMysqlOptions } from './openMysqlDatabase.ts';

/**
 * Connects (CITY_SOURCE_CONNECT on failure) and brings a bureau or region store up to date with the
 * best binary collation of the server (CITY_SOURCE_FAILED on failure). The caller owns the result.
 */
export async function openMigratedMysqlStore<DB>(options: OpenMysqlOptions, store: 'bureau' | 'region'): Promise<Kysely<DB>> {
  const db = await openMysqlDatabase<DB>(options);
  let collation;
  try {
    collation = await guarded(options.cityCode, 'migration', () => pickBinaryCollation(db));
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return openMigratedStore(db, mysqlMigrations(store, collation), options.cityCode);
}
