import { sql, type RawBuilder } from 'kysely';
import type { GeoPoint } from '../../kit/model.ts';

/**
 * Great-circle km from `point` to the row's (longitude, latitude) columns, through the store function
 * `distance_km(lon1, lat1, lon2, lat2)` (haversine, rounded to metres so that ordering by it and the
 * returned `distanceKm` agree exactly). SQLite registers the function on open, Postgres creates it
 * in a migration (postgres/postgresBureauSteps.ts); MySQL computes the same formula inline instead
 * (mysql/mysqlFlavour.ts).
 */
export function distanceKmFrom(point: GeoPoint, longitude = 'longitude', latitude = 'latitude'): RawBuilder<number> {
  return sql<number>`distance_km(${sql.ref(longitude)}, ${sql.ref(latitude)}, ${point.longitude}, ${point.latitude})`;
}
