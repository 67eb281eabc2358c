/** The SQL store adapter (Kysely; dialect-neutral): what seeding and the subgraph processes use. */
export type { BureauDatabase, RegionDatabase, SeedMetaDatabase } from './schema.ts';
export type { MigrationSet } from './migrations/MigrationSet.ts';
export { bureauMigrations } from './migrations/bureauMigrations.ts';
export { regionMigrations } from './migrations/regionMigrations.ts';
export { migrateToLatest } from './migrations/migrateToLatest.ts';
export { SqlBureauSource } from './SqlBureauSource.ts';
export { SqlRegionSource } from './SqlRegionSource.ts';
export { writeBureauData, writeReadings } from './writeBureauData.ts';
export type { BureauData, BureauWriteCounts, BureauWriteOptions } from './writeBureauData.ts';
export { writeRegionData } from './writeRegionData.ts';
export type { RegionData, RegionWriteCounts } from './writeRegionData.ts';
export type { WriteProgress } from './WriteProgress.ts';
export { readSeedMeta, writeSeedMeta } from './seedMeta.ts';
export type { SeedMeta } from './seedMeta.ts';
