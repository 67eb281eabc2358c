import type { BureauDatabase } from '../sql/schema.ts';
import { SqlBureauSource } from '../sql/SqlBureauSource.ts';
import type { SqlEventLogOptions } from '../sql/SqlEventLog.ts';
import { MYSQL_FLAVOUR } from './mysqlFlavour.ts';
import { openMigratedMysqlStore } from './openMigratedMysqlStore.ts';
import type { OpenMysqlOptions } from './openMysqlDatabase.ts';

/**
 * A bureau's BureauSource over its MariaDB/MySQL server (500152 潼南区 in production): connects,
 * brings the schema up to date (the shared bureau migrations with binary utf8mb4 text), and hands
 * the ports over. Fails with CITY_SOURCE_CONNECT (server unreachable, login refused) or
 * CITY_SOURCE_FAILED (migration).
 */
export async function openMysqlBureauSource(options: OpenMysqlOptions & { readonly events?: SqlEventLogOptions }): Promise<SqlBureauSource> {
  const db = await openMigratedMysqlStore<BureauDatabase>(options, 'bureau');
  return new SqlBureauSource(db, options.cityCode, MYSQL_FLAVOUR, undefined, options.events);
}
