import type { AliasableExpression, Expression, SqlBool } from 'kysely';
import type { GeoPoint } from '../../kit/model.ts';
import { distanceKmFrom } from './distanceKmFrom.ts';
import { matchesAny } from './matchesAny.ts';

/**
 * The two query fragments whose SQL differs by dialect; everything else the ports build is the same
 * Kysely query on every dialect. Both must give the same answers everywhere, SQLite's being the
 * reference:
 * - `matchesAny`: any of `columns` contains `text`, where ASCII letters match either case, every
 *   other character (Chinese, `Ä`, fullwidth `Ａ`) only itself, and `%`, `_` and `\` are literal;
 * - `distanceKm`: haversine km from `point` to the row, rounded to metres exactly like
 *   sqlite/haversineKm.ts, so ordering, the radius filter and the returned value agree.
 */
export interface SqlFlavour {
  matchesAny(columns: readonly string[], text: string): Expression<SqlBool>;
  distanceKm(point: GeoPoint, longitude?: string, latitude?: string): AliasableExpression<number>;
}

/**
 * LIKE as the store does it and the `distance_km` store function: SQLite's flavour (its LIKE folds
 * ASCII case; the driver registers the function) and the default of the SQL sources.
 */
export const DEFAULT_FLAVOUR: SqlFlavour = {
  matchesAny,
  distanceKm: distanceKmFrom,
};
