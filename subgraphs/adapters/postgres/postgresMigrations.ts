import { bureauMigrationsFor } from '../sql/migrations/bureauMigrations.ts';
import { cooperationMigrationsFor } from '../sql/migrations/cooperationMigrations.ts';
import type { MigrationSet } from '../sql/migrations/MigrationSet.ts';
import { regionMigrationsFor } from '../sql/migrations/regionMigrations.ts';
import { postgresBureauSteps } from './postgresBureauSteps.ts';
import { POSTGRES_COLUMN_TYPES } from './postgresColumnTypes.ts';

/** The migration sets of a Postgres store, in the order they are applied. */
export const POSTGRES_MIGRATIONS: Readonly<Record<PostgresStoreKind, readonly MigrationSet[]>> = {
  bureau: [bureauMigrationsFor(POSTGRES_COLUMN_TYPES), postgresBureauSteps, cooperationMigrationsFor(POSTGRES_COLUMN_TYPES)],
  region: [regionMigrationsFor(POSTGRES_COLUMN_TYPES)],
  /** A cooperation store alone, for a bureau whose own system takes no writes. */
  cooperation: [cooperationMigrationsFor(POSTGRES_COLUMN_TYPES)],
};

export type PostgresStoreKind = 'bureau' | 'region' | 'cooperation';
