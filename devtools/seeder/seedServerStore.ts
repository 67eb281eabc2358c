import { sql, type Kysely } from 'kysely';
import { readSeedMeta, writeSeedMeta, type SeedMeta } from './seedMeta.ts';
import type { SeedMetaDatabase } from '../../subgraphs/adapters/sql/schema.ts';

export interface SeedServerStoreOptions<DB> {
  /** The store's data tables, children before parents (deleted in this order before a reseed). */
  readonly tables: readonly (keyof DB & string)[];
  /** The marker to compare with the stored one and to write after the data. */
  readonly meta: SeedMeta;
  /** Writes the records into the emptied, migrated store. */
  readonly write: (db: Kysely<DB>) => Promise<unknown>;
  /** Replace whatever the store holds, even data this seeder did not write. @default false */
  readonly force?: boolean;
}

/** Same generator version and the same details (seed, scale): the store already holds this world. */
function sameWorld(stored: SeedMeta, wanted: SeedMeta): boolean {
  return stored.generatorVersion === wanted.generatorVersion &&
    stored.details['seed'] === wanted.details['seed'] && stored.details['scale'] === wanted.details['scale'];
}

/**
 * Puts generated demo data into a migrated server store (Postgres, MySQL), the counterpart of
 * `npm run seed` for stores that are not files: 'current' when it already holds the same world;
 * otherwise it empties the tables and writes, marker last. A store holding rows without a marker is a
 * bureau's own data: it is refused (Error) unless `force`.
 */
export async function seedServerStore<DB extends SeedMetaDatabase>(
  db: Kysely<DB>,
  options: SeedServerStoreOptions<DB>,
): Promise<'current' | 'seeded'> {
  const stored = await readSeedMeta(db);
  if (stored !== null && options.force !== true && sameWorld(stored, options.meta)) return 'current';
  if (stored === null && options.force !== true && await holdsRows(db, options.tables)) {
    throw new Error('The store holds data that the seeder did not write; pass --force to replace it.');
  }
  const any = db as unknown as Kysely<any>;
  for (const table of options.tables) await any.deleteFrom(table).execute();
  await any.deleteFrom('seed_meta').execute();
  await options.write(db);
  await writeSeedMeta(db, options.meta);
  return 'seeded';
}

async function holdsRows(db: Kysely<any>, tables: readonly string[]): Promise<boolean> {
  for (const table of tables) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row !== undefined) return true;
  }
  return false;
}
