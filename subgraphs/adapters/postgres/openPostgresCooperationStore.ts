import { SqlCooperationStore } from '../sql/SqlCooperationStore.ts';
import { SqlEventLog, type SqlEventLogOptions } from '../sql/SqlEventLog.ts';
import { openMigratedPostgresStore } from './openMigratedPostgresStore.ts';
import { POSTGRES_FLAVOUR } from './postgresFlavour.ts';
import type { OpenPostgresOptions } from './openPostgresDatabase.ts';

/**
 * The cooperation store of a bureau whose own system takes no writes, on a PostgreSQL server of its
 * choosing (bureau.json `cooperation`): connects, applies the cooperation migrations in `schema`
 * (created when missing, so several bureaus share one server), and owns the pool (close() ends it).
 * It also holds the bureau's event log, as the embedded file does (openSqliteCooperationStore.ts).
 * Fails with CITY_SOURCE_CONNECT (server unreachable, login refused) or CITY_SOURCE_FAILED (migration).
 */
export async function openPostgresCooperationStore(
  options: OpenPostgresOptions & { readonly events?: SqlEventLogOptions },
): Promise<SqlCooperationStore> {
  const db = await openMigratedPostgresStore<unknown>(options, 'cooperation');
  return new SqlCooperationStore(db, options.cityCode, true, POSTGRES_FLAVOUR, new SqlEventLog(db, options.cityCode, options.events));
}
