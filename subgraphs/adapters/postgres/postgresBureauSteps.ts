import { sql } from 'kysely';
import type { MigrationSet } from '../sql/migrations/MigrationSet.ts';

/**
 * Postgres-only steps of the bureau store, applied after the shared bureau migrations (own
 * bookkeeping table). `distance_km` repeats sqlite/haversineKm.ts operation by operation, in double
 * precision, so both round to the same metre:
 * - `rad = pi() / 180` like `Math.PI / 180` (not `radians()`, whose constant may differ in the last bit);
 * - `s * s` for `s ** 2` (both exact to the last bit);
 * - `floor(x + 0.5)` for `Math.round(x)`: Postgres' round() on doubles rounds half to even.
 * STRICT gives NULL for a NULL coordinate, as haversineKm does; IMMUTABLE lets it appear in indexes.
 * The one residual difference: sin/cos/asin come from the server's C library and V8's from fdlibm;
 * they may differ in the last bit, which changes the rounded metre only within ~1e-12 m of a .5.
 */
export const postgresBureauSteps: MigrationSet = {
  name: 'bureau_postgres',
  migrations: {
    '0001_distance_km': {
      async up(db) {
        await sql`
          create or replace function distance_km(
            lon1 double precision, lat1 double precision, lon2 double precision, lat2 double precision
          ) returns double precision
          language sql immutable strict parallel safe
          as $$
            select floor(2 * 6371.0088::double precision * asin(least(1::double precision, sqrt(
                sin((lat2 - lat1) * (pi() / 180) / 2) * sin((lat2 - lat1) * (pi() / 180) / 2)
              + cos(lat1 * (pi() / 180)) * cos(lat2 * (pi() / 180))
                * (sin((lon2 - lon1) * (pi() / 180) / 2) * sin((lon2 - lon1) * (pi() / 180) / 2))
            ))) * 1000 + 0.5) / 1000
          $$`.execute(db);
      },
      async down(db) {
        await sql`drop function if exists distance_km(double precision, double precision, double precision, double precision)`.execute(db);
      },
    },
  },
};
