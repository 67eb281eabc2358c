import type { BureauDatabase } from '../sql/schema.ts';
import { SqlBureauSource } from '../sql/SqlBureauSource.ts';
import type { SqlEventLogOptions } from '../sql/SqlEventLog.ts';
import { openMigratedPostgresStore } from './openMigratedPostgresStore.ts';
import type { OpenPostgresOptions } from './openPostgresDatabase.ts';
import { POSTGRES_FLAVOUR } from './postgresFlavour.ts';

/**
 * A bureau's BureauSource over its PostgreSQL server (500000 重庆市 and 510900 遂宁市 in production):
 * connects, brings the schema up to date (the shared bureau migrations with `COLLATE "C"` text, then
 * the `distance_km` function), and hands the ports over. Fails with CITY_SOURCE_CONNECT (server
 * unreachable, login refused) or CITY_SOURCE_FAILED (migration).
 */
export async function openPostgresBureauSource(options: OpenPostgresOptions & { readonly events?: SqlEventLogOptions }): Promise<SqlBureauSource> {
  const db = await openMigratedPostgresStore<BureauDatabase>(options, 'bureau');
  return new SqlBureauSource(db, options.cityCode, POSTGRES_FLAVOUR, undefined, options.events);
}
