import type { Kysely } from 'kysely';
import { createSeedMetaTable } from './createSeedMetaTable.ts';
import type { MigrationSet } from './MigrationSet.ts';
import { PORTABLE_COLUMN_TYPES, type ColumnTypes } from './columnTypes.ts';

async function createRegionTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('cities')
    .addColumn('code', types.code, (c) => c.primaryKey())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('name_en', types.text, (c) => c.notNull())
    .addColumn('province', types.text, (c) => c.notNull())
    .addColumn('kind', types.code, (c) => c.notNull())
    .addColumn('bureau_name', types.text, (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema.createTable('rivers')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('name_en', types.text, (c) => c.notNull())
    .addColumn('basin', types.text, (c) => c.notNull())
    .addColumn('length_km', 'double precision', (c) => c.notNull())
    .addColumn('city_codes_json', types.text, (c) => c.notNull())
    .execute();

  await db.schema.createTable('sections')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('river_id', types.key, (c) => c.notNull())
    .addColumn('control_level', types.text, (c) => c.notNull())
    .addColumn('boundary_type', types.code, (c) => c.notNull())
    .addColumn('upstream_city_code', types.text)
    .addColumn('downstream_city_code', types.text)
    .addColumn('target_class', types.text, (c) => c.notNull())
    .addColumn('station_city_code', types.text)
    .addColumn('station_id', types.key)
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_river_id_id').on('sections').columns(['river_id', 'id']).execute();

  await db.schema.createTable('enterprises')
    .addColumn('credit_code', types.code, (c) => c.primaryKey())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('industry', types.text, (c) => c.notNull())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('address', types.text, (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('positive_list_json', types.text)
    .addColumn('on_positive_list', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_city_code_credit_code').on('enterprises')
    .columns(['city_code', 'credit_code']).execute();
  await db.schema.createIndex('enterprises_positive_credit_code').on('enterprises')
    .columns(['on_positive_list', 'credit_code']).execute();
}

async function dropRegionTables(db: Kysely<any>): Promise<void> {
  for (const table of ['cities', 'rivers', 'sections', 'enterprises', 'seed_meta']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/** The region store's schema history, with a dialect's text column types (see bureauMigrations.ts). */
export function regionMigrationsFor(types: ColumnTypes): MigrationSet {
  return {
    name: 'region',
    migrations: {
      '0001_region_tables': {
        async up(db) {
          await createSeedMetaTable(db, types);
          await createRegionTables(db, types);
        },
        down: dropRegionTables,
      },
    },
  };
}

/** The region store's schema history with the embedded store's (SQLite's) column types. */
export const regionMigrations: MigrationSet = regionMigrationsFor(PORTABLE_COLUMN_TYPES);
