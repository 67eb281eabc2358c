/** The MariaDB/MySQL flavour of the SQL store (`mysql2` pool + Kysely's MysqlDialect). */
export { openMysqlDatabase } from './openMysqlDatabase.ts';
export type { OpenMysqlOptions } from './openMysqlDatabase.ts';
export { openMysqlBureauSource } from './openMysqlBureauSource.ts';
export { openMysqlRegionSource } from './openMysqlRegionSource.ts';
export { openMigratedMysqlStore } from './openMigratedMysqlStore.ts';
export { mysqlMigrations } from './mysqlMigrations.ts';
export { pickBinaryCollation } from './mysqlColumnTypes.ts';
export type { MysqlBinaryCollation } from './mysqlColumnTypes.ts';
export { MYSQL_FLAVOUR } from './mysqlFlavour.ts';
