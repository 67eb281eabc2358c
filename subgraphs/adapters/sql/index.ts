/** The SQL store adapter (Kysely; dialect-neutral): what the subgraph processes use (the writers that seed it are development tools: devtools/seeder). */
export type { BureauDatabase, RegionDatabase, SeedMetaDatabase } from './schema.ts';
export type { MigrationSet } from './migrations/MigrationSet.ts';
export { bureauMigrations, bureauMigrationsFor } from './migrations/bureauMigrations.ts';
export { regionMigrations, regionMigrationsFor } from './migrations/regionMigrations.ts';
export { PORTABLE_COLUMN_TYPES } from './migrations/columnTypes.ts';
export type { ColumnTypes } from './migrations/columnTypes.ts';
export { migrateToLatest } from './migrations/migrateToLatest.ts';
export type { MigrateOptions } from './migrations/migrateToLatest.ts';
export { openMigratedStore } from './openMigratedStore.ts';
export { SqlBureauSource } from './SqlBureauSource.ts';
export { SqlRegionSource } from './SqlRegionSource.ts';
export { DEFAULT_FLAVOUR } from './SqlFlavour.ts';
export type { SqlFlavour } from './SqlFlavour.ts';
export { asciiFoldedMatchesAny, asciiLowerCase } from './asciiFoldedMatchesAny.ts';
export type { StoreQueryEvent } from './StoreQueryEvent.ts';
