import type { Migration } from 'kysely';

/**
 * A named, ordered set of migrations. Each set keeps its own bookkeeping tables, so the bureau and
 * region sets could even share one database (tests do).
 */
export interface MigrationSet {
  readonly name: string;
  /** Applied in key order; keys never change once released. */
  readonly migrations: Readonly<Record<string, Migration>>;
}
