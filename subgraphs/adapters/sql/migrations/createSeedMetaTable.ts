import type { Kysely } from 'kysely';
import { PORTABLE_COLUMN_TYPES, type ColumnTypes } from './columnTypes.ts';

/** The seed marker table, part of the first migration of both the bureau and the region sets. */
export async function createSeedMetaTable(db: Kysely<any>, types: ColumnTypes = PORTABLE_COLUMN_TYPES): Promise<void> {
  await db.schema.createTable('seed_meta').ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generator_version', types.text, (c) => c.notNull())
    .addColumn('seeded_at', 'bigint', (c) => c.notNull())
    .addColumn('details_json', types.text, (c) => c.notNull())
    .execute();
}
