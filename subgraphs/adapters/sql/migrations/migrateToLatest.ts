import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import type { MigrationSet } from './MigrationSet.ts';

export interface MigrateOptions {
  /**
   * The schema that holds the set's bookkeeping tables. Postgres stores pass their current schema:
   * without it Kysely looks for the bookkeeping table in every schema of the database, finds another
   * schema's, and never creates its own. @default none (the connection's default schema)
   */
  readonly schema?: string;
}

/**
 * Brings a database to the newest migration of `set` with Kysely's Migrator, from migrations defined
 * in code (no folder scanning: the files are bundled with the adapter). Throws the migrator's error,
 * after the failed migration rolled back; callers at startup treat that as fatal.
 */
export async function migrateToLatest(db: Kysely<any>, set: MigrationSet, options: MigrateOptions = {}): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => ({ ...set.migrations }) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: `${set.name}_migration`,
    migrationLockTableName: `${set.name}_migration_lock`,
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}
