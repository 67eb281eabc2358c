import type { Kysely } from 'kysely';

/** The seed marker table, part of the first migration of both the bureau and the region sets. */
export async function createSeedMetaTable(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('seed_meta').ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generator_version', 'text', (c) => c.notNull())
    .addColumn('seeded_at', 'bigint', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
}
