import type { Kysely } from 'kysely';
import { createSeedMetaTable } from './createSeedMetaTable.ts';
import type { MigrationSet } from './MigrationSet.ts';
import { CODE, KEY } from './columnTypes.ts';

/*
 * Dialect notes for when Postgres/MySQL arrive: ids must compare by bytes (the list tie-breaker is
 * the ASCII byte order), which is SQLite's default BINARY collation but needs `COLLATE "C"` (Postgres)
 * or a binary collation (MySQL) on the id columns; and `distance_km(lon1, lat1, lon2, lat2)`, which
 * SQLite gets from the driver, must be created as a SQL function by a migration of those dialects.
 */

async function createBureauTables(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('projects')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('code', CODE, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', CODE, (c) => c.notNull())
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('jointly_planned', 'integer', (c) => c.notNull())
    .addColumn('partner_city_codes_json', 'text', (c) => c.notNull())
    .addColumn('river_ids_json', 'text', (c) => c.notNull())
    .addColumn('investment_wan_yuan', 'double precision', (c) => c.notNull())
    .addColumn('progress_percent', 'double precision', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_completion', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('longitude', 'double precision')
    .addColumn('latitude', 'double precision')
    .addColumn('eia_json', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The list order (updated_at DESC, id ASC), plain and under the status filter.
  await db.schema.createIndex('projects_updated_at_id').on('projects').columns(['updated_at desc', 'id']).execute();
  await db.schema.createIndex('projects_status_updated_at_id').on('projects')
    .columns(['status', 'updated_at desc', 'id']).execute();

  await db.schema.createTable('project_rivers')
    .addColumn('project_id', KEY, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('river_id', KEY, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_rivers_pk', ['project_id', 'river_id'])
    .execute();
  await db.schema.createIndex('project_rivers_river_id').on('project_rivers').columns(['river_id', 'project_id']).execute();

  await db.schema.createTable('stations')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('code', CODE, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', CODE, (c) => c.notNull())
    .addColumn('river_id', KEY)
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('enterprise_credit_code', CODE)
    .addColumn('shared_with_city_codes_json', 'text', (c) => c.notNull())
    .addColumn('protocol_version', 'text', (c) => c.notNull())
    .addColumn('operating', 'integer', (c) => c.notNull())
    .addColumn('reading_interval', 'text', (c) => c.notNull())
    .addColumn('factors_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stations_code_id').on('stations').columns(['code', 'id']).execute();
  await db.schema.createIndex('stations_kind_code_id').on('stations').columns(['kind', 'code', 'id']).execute();
  await db.schema.createIndex('stations_river_id_code_id').on('stations').columns(['river_id', 'code', 'id']).execute();
  await db.schema.createIndex('stations_enterprise').on('stations').columns(['enterprise_credit_code', 'code', 'id']).execute();

  await db.schema.createTable('readings')
    .addColumn('station_id', KEY, (c) => c.notNull().references('stations.id').onDelete('cascade'))
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('reading_interval', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    // The only access paths: a station's time range, and a station's newest time.
    .addPrimaryKeyConstraint('readings_pk', ['station_id', 'time'])
    .execute();

  await db.schema.createTable('cases')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('enterprise_credit_code', CODE, (c) => c.notNull())
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('permit_number', 'text')
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('violation_facts', 'text', (c) => c.notNull())
    .addColumn('violated_provisions_json', 'text', (c) => c.notNull())
    .addColumn('penalty_basis_json', 'text', (c) => c.notNull())
    .addColumn('penalty_types_json', 'text', (c) => c.notNull())
    .addColumn('fine_yuan', 'double precision')
    .addColumn('case_procedure', 'text', (c) => c.notNull())
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'bigint', (c) => c.notNull())
    .addColumn('dates_json', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('station_id', KEY)
    .addColumn('river_id', KEY)
    .addColumn('joint', 'integer', (c) => c.notNull())
    .addColumn('joint_partner_city_codes_json', 'text', (c) => c.notNull())
    .addColumn('joint_action_json', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_filed_at_id').on('cases').columns(['filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_status_filed_at_id').on('cases').columns(['status', 'filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_joint_filed_at_id').on('cases').columns(['joint', 'filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_enterprise_filed_at_id').on('cases')
    .columns(['enterprise_credit_code', 'filed_at desc', 'id']).execute();

  await db.schema.createTable('patrols')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('river_id', KEY, (c) => c.notNull())
    .addColumn('partner_city_codes_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('reach', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('problems_found', 'integer', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrols_started_at_id').on('patrols').columns(['started_at desc', 'id']).execute();
  await db.schema.createIndex('patrols_river_started_at_id').on('patrols')
    .columns(['river_id', 'started_at desc', 'id']).execute();

  await db.schema.createTable('resources')
    .addColumn('id', KEY, (c) => c.primaryKey())
    .addColumn('city_code', CODE, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', CODE, (c) => c.notNull())
    .addColumn('kind', CODE, (c) => c.notNull())
    .addColumn('specification', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('managing_unit', 'text', (c) => c.notNull())
    .addColumn('depot_json', 'text')
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('contact_json', 'text')
    .execute();
  // The default order is the primary key; `near` sorts by a computed distance (no index can help).
  await db.schema.createIndex('resources_category_id').on('resources').columns(['category', 'id']).execute();
}

async function dropBureauTables(db: Kysely<any>): Promise<void> {
  for (const table of ['readings', 'project_rivers', 'projects', 'stations', 'cases', 'patrols', 'resources', 'seed_meta']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/** The bureau store's schema history. */
export const bureauMigrations: MigrationSet = {
  name: 'bureau',
  migrations: {
    '0001_bureau_tables': {
      async up(db) {
        await createSeedMetaTable(db);
        await createBureauTables(db);
      },
      down: dropBureauTables,
    },
  },
};
