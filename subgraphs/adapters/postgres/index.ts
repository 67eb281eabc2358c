/** The PostgreSQL flavour of the SQL store (`pg` pool + Kysely's PostgresDialect). */
export { openPostgresDatabase } from './openPostgresDatabase.ts';
export type { OpenPostgresOptions, PostgresStore } from './openPostgresDatabase.ts';
export { openPostgresBureauSource } from './openPostgresBureauSource.ts';
export { openPostgresRegionSource } from './openPostgresRegionSource.ts';
export { openMigratedPostgresStore } from './openMigratedPostgresStore.ts';
export { openPostgresCooperationStore } from './openPostgresCooperationStore.ts';
export { POSTGRES_MIGRATIONS } from './postgresMigrations.ts';
export { POSTGRES_FLAVOUR } from './postgresFlavour.ts';
