import type { Kysely } from 'kysely';
import { createSeedMetaTable } from './createSeedMetaTable.ts';
import type { MigrationSet } from './MigrationSet.ts';
import { separateExpertPersons } from './separateExpertPersons.ts';
import { PORTABLE_COLUMN_TYPES, type ColumnTypes } from './columnTypes.ts';

/*
 * Dialect notes. One schema history for every dialect; what differs is passed in, never branched on:
 * - text types (`ColumnTypes`): ids and text keys must compare by bytes like SQLite's BINARY
 *   default, so Postgres declares them `COLLATE "C"` and MySQL a binary utf8mb4 collation;
 * - `distance_km(lon1, lat1, lon2, lat2)`: SQLite registers it on open, Postgres creates it in its
 *   own step set (postgres/postgresBureauSteps.ts), MySQL inlines it (mysql/mysqlFlavour.ts);
 * - search: SQLite's LIKE folds ASCII case, Postgres' and MySQL's (binary) LIKE do not, so their
 *   flavours fold both sides (sql/SqlFlavour.ts).
 * A later migration that adds a column must use `types` the same way, and a new store function needs
 * a step in each dialect's step set.
 */

async function createBureauTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('projects')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('code', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('category', types.code, (c) => c.notNull())
    .addColumn('status', types.code, (c) => c.notNull())
    .addColumn('jointly_planned', 'integer', (c) => c.notNull())
    .addColumn('partner_city_codes_json', types.text, (c) => c.notNull())
    .addColumn('river_ids_json', types.text, (c) => c.notNull())
    .addColumn('investment_wan_yuan', 'double precision', (c) => c.notNull())
    .addColumn('progress_percent', 'double precision', (c) => c.notNull())
    .addColumn('planned_start', types.text)
    .addColumn('planned_completion', types.text)
    .addColumn('description', types.text, (c) => c.notNull())
    .addColumn('longitude', 'double precision')
    .addColumn('latitude', 'double precision')
    .addColumn('eia_json', types.text)
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The list order (updated_at DESC, id ASC), plain and under the status filter.
  await db.schema.createIndex('projects_updated_at_id').on('projects').columns(['updated_at desc', 'id']).execute();
  await db.schema.createIndex('projects_status_updated_at_id').on('projects')
    .columns(['status', 'updated_at desc', 'id']).execute();

  await db.schema.createTable('project_rivers')
    .addColumn('project_id', types.key, (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('river_id', types.key, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_rivers_pk', ['project_id', 'river_id'])
    .execute();
  await db.schema.createIndex('project_rivers_river_id').on('project_rivers').columns(['river_id', 'project_id']).execute();

  await db.schema.createTable('stations')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('code', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('kind', types.code, (c) => c.notNull())
    .addColumn('river_id', types.key)
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('address', types.text, (c) => c.notNull())
    .addColumn('enterprise_credit_code', types.code)
    .addColumn('shared_with_city_codes_json', types.text, (c) => c.notNull())
    .addColumn('protocol_version', types.text, (c) => c.notNull())
    .addColumn('operating', 'integer', (c) => c.notNull())
    .addColumn('reading_interval', types.text, (c) => c.notNull())
    .addColumn('factors_json', types.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stations_code_id').on('stations').columns(['code', 'id']).execute();
  await db.schema.createIndex('stations_kind_code_id').on('stations').columns(['kind', 'code', 'id']).execute();
  await db.schema.createIndex('stations_river_id_code_id').on('stations').columns(['river_id', 'code', 'id']).execute();
  await db.schema.createIndex('stations_enterprise').on('stations').columns(['enterprise_credit_code', 'code', 'id']).execute();

  await db.schema.createTable('readings')
    .addColumn('station_id', types.key, (c) => c.notNull().references('stations.id').onDelete('cascade'))
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('reading_interval', types.text, (c) => c.notNull())
    .addColumn('values_json', types.text, (c) => c.notNull())
    // The only access paths: a station's time range, and a station's newest time.
    .addPrimaryKeyConstraint('readings_pk', ['station_id', 'time'])
    .execute();

  await db.schema.createTable('cases')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('case_number', types.text, (c) => c.notNull())
    .addColumn('agency', types.text, (c) => c.notNull())
    .addColumn('enterprise_credit_code', types.code, (c) => c.notNull())
    .addColumn('party_name', types.text, (c) => c.notNull())
    .addColumn('permit_number', types.text)
    .addColumn('cause', types.text, (c) => c.notNull())
    .addColumn('violation_facts', types.text, (c) => c.notNull())
    .addColumn('violated_provisions_json', types.text, (c) => c.notNull())
    .addColumn('penalty_basis_json', types.text, (c) => c.notNull())
    .addColumn('penalty_types_json', types.text, (c) => c.notNull())
    .addColumn('fine_yuan', 'double precision')
    .addColumn('case_procedure', types.text, (c) => c.notNull())
    .addColumn('status', types.code, (c) => c.notNull())
    .addColumn('source', types.text, (c) => c.notNull())
    .addColumn('filed_at', 'bigint', (c) => c.notNull())
    .addColumn('dates_json', types.text, (c) => c.notNull())
    .addColumn('evidence_json', types.text, (c) => c.notNull())
    .addColumn('station_id', types.key)
    .addColumn('river_id', types.key)
    .addColumn('joint', 'integer', (c) => c.notNull())
    .addColumn('joint_partner_city_codes_json', types.text, (c) => c.notNull())
    .addColumn('joint_action_json', types.text)
    .addColumn('published', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_filed_at_id').on('cases').columns(['filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_status_filed_at_id').on('cases').columns(['status', 'filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_joint_filed_at_id').on('cases').columns(['joint', 'filed_at desc', 'id']).execute();
  await db.schema.createIndex('cases_enterprise_filed_at_id').on('cases')
    .columns(['enterprise_credit_code', 'filed_at desc', 'id']).execute();

  await db.schema.createTable('patrols')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('mode', types.text, (c) => c.notNull())
    .addColumn('river_id', types.key, (c) => c.notNull())
    .addColumn('partner_city_codes_json', types.text, (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('reach', types.text, (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('problems_found', 'integer', (c) => c.notNull())
    .addColumn('findings_json', types.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrols_started_at_id').on('patrols').columns(['started_at desc', 'id']).execute();
  await db.schema.createIndex('patrols_river_started_at_id').on('patrols')
    .columns(['river_id', 'started_at desc', 'id']).execute();

  await db.schema.createTable('resources')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('category', types.code, (c) => c.notNull())
    .addColumn('kind', types.code, (c) => c.notNull())
    .addColumn('specification', types.text, (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit', types.text, (c) => c.notNull())
    .addColumn('managing_unit', types.text, (c) => c.notNull())
    .addColumn('depot_json', types.text)
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('expires_on', types.text)
    .addColumn('status', types.code, (c) => c.notNull())
    .addColumn('contact_json', types.text)
    .execute();
  // The default order is the primary key; `near` sorts by a computed distance (no index can help).
  await db.schema.createIndex('resources_category_id').on('resources').columns(['category', 'id']).execute();
}

async function dropBureauTables(db: Kysely<any>): Promise<void> {
  for (const table of ['readings', 'project_rivers', 'projects', 'stations', 'cases', 'patrols', 'resources', 'seed_meta']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/** The bureau store's schema history, with a dialect's text column types. */
export function bureauMigrationsFor(types: ColumnTypes): MigrationSet {
  return {
    name: 'bureau',
    migrations: {
      '0001_bureau_tables': {
        async up(db) {
          await createSeedMetaTable(db, types);
          await createBureauTables(db, types);
        },
        down: dropBureauTables,
      },
      // Data only: the person's name leaves an expert's public name (issue 17 item 13).
      '0002_separate_expert_persons': { up: separateExpertPersons },
    },
  };
}

/** The bureau store's schema history with the embedded store's (SQLite's) column types. */
export const bureauMigrations: MigrationSet = bureauMigrationsFor(PORTABLE_COLUMN_TYPES);
