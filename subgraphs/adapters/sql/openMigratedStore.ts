import type { Kysely } from 'kysely';
import { guarded } from './guarded.ts';
import { migrateToLatest, type MigrateOptions } from './migrations/migrateToLatest.ts';
import type { MigrationSet } from './migrations/MigrationSet.ts';

/**
 * Applies `sets` in order to a freshly opened store, destroying `db` when a migration fails
 * (CITY_SOURCE_FAILED, the migrator's error as `cause`). Returns `db` for chaining.
 */
export async function openMigratedStore<DB>(
  db: Kysely<DB>,
  sets: readonly MigrationSet[],
  cityCode: string,
  options: MigrateOptions = {},
): Promise<Kysely<DB>> {
  try {
    await guarded(cityCode, 'migration', async () => {
      for (const set of sets) await migrateToLatest(db, set, options);
    });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}
