import type { RegionDatabase } from '../sql/schema.ts';
import { SqlRegionSource } from '../sql/SqlRegionSource.ts';
import { MYSQL_FLAVOUR } from './mysqlFlavour.ts';
import { openMigratedMysqlStore } from './openMigratedMysqlStore.ts';
import type { OpenMysqlOptions } from './openMysqlDatabase.ts';

/** The region's RegionSource over a MariaDB/MySQL server; `cityCode` in the options is what errors report ('region'). */
export async function openMysqlRegionSource(options: OpenMysqlOptions): Promise<SqlRegionSource> {
  const db = await openMigratedMysqlStore<RegionDatabase>(options, 'region');
  return new SqlRegionSource(db, options.cityCode, MYSQL_FLAVOUR);
}
