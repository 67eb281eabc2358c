import type { Kysely } from 'kysely';
import type { SqlFlavour } from './SqlFlavour.ts';

/** What every port of a SQL store shares: the query builder, whose data it is, and its dialect's fragments. */
export interface StoreContext<DB> {
  readonly db: Kysely<DB>;
  /** The owning bureau's code, reported in CitySourceError; the region store uses 'region'. */
  readonly cityCode: string;
  readonly flavour: SqlFlavour;
}
