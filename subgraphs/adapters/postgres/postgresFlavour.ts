import { sql } from 'kysely';
import { asciiFoldedMatchesAny } from '../sql/asciiFoldedMatchesAny.ts';
import { distanceKmFrom } from '../sql/distanceKmFrom.ts';
import type { SqlFlavour } from '../sql/SqlFlavour.ts';

/**
 * Postgres' LIKE is case-sensitive, so search folds the column with `lower(… collate "C")`, which
 * maps A–Z only (under any other collation lower() also maps `Ä`, unlike SQLite). Distances come
 * from the `distance_km` function that postgresBureauSteps.ts creates.
 */
export const POSTGRES_FLAVOUR: SqlFlavour = {
  matchesAny: asciiFoldedMatchesAny((column) => sql<string>`lower(${sql.ref(column)} collate "C")`),
  distanceKm: distanceKmFrom,
};
