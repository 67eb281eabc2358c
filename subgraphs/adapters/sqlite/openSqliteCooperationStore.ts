import { cooperationMigrations } from '../sql/migrations/cooperationMigrations.ts';
import { openMigratedStore } from '../sql/openMigratedStore.ts';
import { SqlCooperationStore } from '../sql/SqlCooperationStore.ts';
import { DEFAULT_FLAVOUR } from '../sql/SqlFlavour.ts';
import { SqlEventLog, type SqlEventLogOptions } from '../sql/SqlEventLog.ts';
import { openSqliteDatabase } from './openSqliteDatabase.ts';

/**
 * The cooperation store of a bureau whose own system takes no writes (a spreadsheet share, a legacy
 * web service): an embedded SQLite file of its own beside the bureau's data, created on first use.
 * It also holds the bureau's event log (its `events`): the cooperation feed, and the readings its
 * adapter's poll sees in the bureau's system.
 * Fails with CITY_SOURCE_CONNECT (cannot open) or CITY_SOURCE_FAILED (migration).
 */
export async function openSqliteCooperationStore(
  options: { readonly path: string; readonly cityCode: string; readonly events?: SqlEventLogOptions },
): Promise<SqlCooperationStore> {
  const db = await openMigratedStore(openSqliteDatabase<unknown>({ path: options.path, cityCode: options.cityCode }), [cooperationMigrations], options.cityCode);
  return new SqlCooperationStore(db, options.cityCode, true, DEFAULT_FLAVOUR, new SqlEventLog(db, options.cityCode, options.events));
}
