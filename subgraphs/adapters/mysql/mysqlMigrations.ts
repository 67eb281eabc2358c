import { bureauMigrationsFor } from '../sql/migrations/bureauMigrations.ts';
import { cooperationMigrationsFor } from '../sql/migrations/cooperationMigrations.ts';
import type { MigrationSet } from '../sql/migrations/MigrationSet.ts';
import { regionMigrationsFor } from '../sql/migrations/regionMigrations.ts';
import { mysqlColumnTypes, type MysqlBinaryCollation } from './mysqlColumnTypes.ts';

/**
 * The migration sets of a MySQL store, in the order they are applied: only the shared ones, with
 * binary utf8mb4 text (MySQL needs no store function: mysqlFlavour.ts inlines the distance). MySQL
 * cannot roll DDL back, so a migration that fails halfway needs a DBA; on an empty database that
 * means dropping its tables.
 */
export function mysqlMigrations(store: 'bureau' | 'region', collation: MysqlBinaryCollation): readonly MigrationSet[] {
  const types = mysqlColumnTypes(collation);
  return store === 'bureau' ? [bureauMigrationsFor(types), cooperationMigrationsFor(types)] : [regionMigrationsFor(types)];
}
