import type { Kysely } from 'kysely';

/** What every port of a SQL store shares: the query builder and whose data it is (for errors). */
export interface StoreContext<DB> {
  readonly db: Kysely<DB>;
  /** The owning bureau's code, reported in CitySourceError; the region store uses 'region'. */
  readonly cityCode: string;
}
