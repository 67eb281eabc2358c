import { sql, type RawBuilder } from 'kysely';
import type { GeoPoint } from '../../kit/model.ts';

/**
 * Great-circle km from `point` to the row's (longitude, latitude) columns, through the store function
 * `distance_km(lon1, lat1, lon2, lat2)` (haversine, rounded to metres so that ordering by it and the
 * returned `distanceKm` agree exactly). Each dialect provides the function: SQLite registers it on
 * open; Postgres/MySQL will create it in a migration.
 */
export function distanceKmFrom(point: GeoPoint, longitude = 'longitude', latitude = 'latitude'): RawBuilder<number> {
  return sql<number>`distance_km(${sql.ref(longitude)}, ${sql.ref(latitude)}, ${point.longitude}, ${point.latitude})`;
}
