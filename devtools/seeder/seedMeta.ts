import type { Kysely } from 'kysely';
import type { EpochMs } from '../../subgraphs/kit/model.ts';
import { fromJson, toJson, toNumber } from '../../subgraphs/adapters/sql/jsonColumn.ts';
import type { SeedMetaDatabase } from '../../subgraphs/adapters/sql/schema.ts';

/** Proof that a store file was seeded to the end, and by what. */
export interface SeedMeta {
  /** The generator's version; a different one means the file should be regenerated. */
  readonly generatorVersion: string;
  readonly seededAt: EpochMs;
  /** Anything else the seeder wants to remember (seed, counts). */
  readonly details: Readonly<Record<string, unknown>>;
}

const ROW_ID = 1;

/**
 * The seed marker of a bureau or region store, or null when the file was never (completely) seeded,
 * including a file that has not even been migrated. Lets the start script skip regeneration.
 */
export async function readSeedMeta<DB extends SeedMetaDatabase>(db: Kysely<DB>): Promise<SeedMeta | null> {
  const meta = db as unknown as Kysely<SeedMetaDatabase>;
  const tables = await meta.introspection.getTables();
  if (!tables.some((t) => t.name === 'seed_meta')) return null;
  const row = await meta.selectFrom('seed_meta').selectAll().where('id', '=', ROW_ID).executeTakeFirst();
  if (row === undefined) return null;
  return {
    generatorVersion: row.generator_version,
    seededAt: toNumber(row.seeded_at),
    details: fromJson<Record<string, unknown>>(row.details_json),
  };
}

/** Records (or replaces) the seed marker; write it last, after the data, so a crash leaves none. */
export async function writeSeedMeta<DB extends SeedMetaDatabase>(db: Kysely<DB>, seed: SeedMeta): Promise<void> {
  const meta = db as unknown as Kysely<SeedMetaDatabase>;
  await meta.transaction().execute(async (trx) => {
    // Delete + insert rather than an upsert: upsert syntax differs between dialects.
    await trx.deleteFrom('seed_meta').where('id', '=', ROW_ID).execute();
    await trx.insertInto('seed_meta').values({
      id: ROW_ID,
      generator_version: seed.generatorVersion,
      seeded_at: seed.seededAt,
      details_json: toJson(seed.details),
    }).execute();
  });
}
