import { sql, type Expression, type RawBuilder } from 'kysely';
import type { GeoPoint } from '../../kit/model.ts';
import { asciiFoldedMatchesAny } from '../sql/asciiFoldedMatchesAny.ts';
import type { SqlFlavour } from '../sql/SqlFlavour.ts';

const UPPER_ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A–Z → a–z and nothing else, as nested REPLACEs (always case-sensitive, whatever the collation).
 * MySQL's LOWER() would be shorter but maps every cased letter of Unicode (`Ä`, fullwidth `Ａ`),
 * which SQLite does not.
 */
function asciiLower(column: string): Expression<string> {
  let folded: Expression<string> = sql.ref<string>(column);
  for (const c of UPPER_ASCII) folded = sql<string>`replace(${folded}, ${sql.lit(c)}, ${sql.lit(c.toLowerCase())})`;
  return folded;
}

/**
 * sqlite/haversineKm.ts operation by operation, inline: DOUBLE literals (`e0`; a plain 0.5 would be
 * DECIMAL), `pi() / 180e0` like `Math.PI / 180`, `s * s` for `s ** 2`, `floor(x + 0.5)` for
 * `Math.round` (ROUND on doubles rounds half to even on most C libraries), and `/ 1000e0` (a division
 * by an integer would carry display decimals into the text protocol). Inline rather than a stored
 * function: creating functions needs CREATE ROUTINE and, with binary logging, SUPER or
 * log_bin_trust_function_creators, which a bureau's DBA may rightly refuse. NULL in, NULL out.
 */
function distanceKm(point: GeoPoint, longitude = 'longitude', latitude = 'latitude'): RawBuilder<number> {
  const lon1 = sql.ref(longitude);
  const lat1 = sql.ref(latitude);
  const rad = sql`(pi() / 180e0)`;
  const halfDLat = sql`((${point.latitude} - ${lat1}) * ${rad} / 2e0)`;
  const halfDLon = sql`((${point.longitude} - ${lon1}) * ${rad} / 2e0)`;
  const h = sql`sin(${halfDLat}) * sin(${halfDLat}) + cos(${lat1} * ${rad}) * cos(${point.latitude} * ${rad}) * (sin(${halfDLon}) * sin(${halfDLon}))`;
  return sql<number>`(floor(2e0 * 6371.0088e0 * asin(least(1e0, sqrt(${h}))) * 1000e0 + 0.5e0) / 1000e0)`;
}

/** MySQL/MariaDB under binary collations (see mysqlColumnTypes.ts). */
export const MYSQL_FLAVOUR: SqlFlavour = {
  matchesAny: asciiFoldedMatchesAny(asciiLower),
  distanceKm,
};
