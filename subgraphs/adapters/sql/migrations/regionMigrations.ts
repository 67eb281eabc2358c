import type { Kysely } from 'kysely';
import { createSeedMetaTable } from './createSeedMetaTable.ts';
import type { MigrationSet } from './MigrationSet.ts';
import { CODE, KEY } from './columnTypes.ts';

async function createRegionTables(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('cities')
    .addColumn('code', CODE, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('kind', CODE, (c) => c.notNull())
    .addColumn('bureau_name', 'text', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema.createTable('rivers')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('basin', 'text', (c) => c.notNull())
    .addColumn('length_km', 'double precision', (c) => c.notNull())
    .addColumn('city_codes_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('sections')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('river_id', KEY, (c) => c.notNull())
    .addColumn('control_level', 'text', (c) => c.notNull())
    .addColumn('boundary_type', CODE, (c) => c.notNull())
    .addColumn('upstream_city_code', 'text')
    .addColumn('downstream_city_code', 'text')
    .addColumn('target_class', 'text', (c) => c.notNull())
    .addColumn('station_city_code', 'text')
    .addColumn('station_id', KEY)
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_river_id_id').on('sections').columns(['river_id', 'id']).execute();

  await db.schema.createTable('enterprises')
    .addColumn('credit_code', CODE, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('positive_list_json', 'text')
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

/** The region store's schema history. */
export const regionMigrations: MigrationSet = {
  name: 'region',
  migrations: {
    '0001_region_tables': {
      async up(db) {
        await createSeedMetaTable(db);
        await createRegionTables(db);
      },
      down: dropRegionTables,
    },
  },
};
