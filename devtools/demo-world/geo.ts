/** Small WGS-84 helpers for placing generated things on the map. */
import type { GeoPoint } from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = 110.574;

export function point(longitude: number, latitude: number): GeoPoint {
  return { longitude, latitude };
}

/** Rounded to 6 decimals (~0.1 m), the precision a survey record would carry. */
export function roundPoint(p: GeoPoint): GeoPoint {
  return { longitude: Math.round(p.longitude * 1e6) / 1e6, latitude: Math.round(p.latitude * 1e6) / 1e6 };
}

/** Great-circle distance (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point uniformly distributed in the disc of `radiusKm` around `center` (at least `minKm` away). */
export function scatter(rng: Rng, center: GeoPoint, radiusKm: number, minKm = 0): GeoPoint {
  const r = Math.sqrt(rng.float((minKm / radiusKm) ** 2, 1)) * radiusKm;
  const theta = rng.float(0, 2 * Math.PI);
  const kmPerDegreeLon = 111.32 * Math.cos((center.latitude * Math.PI) / 180);
  return roundPoint({
    longitude: center.longitude + (r * Math.cos(theta)) / kmPerDegreeLon,
    latitude: center.latitude + (r * Math.sin(theta)) / KM_PER_DEGREE_LAT,
  });
}

/** The point at fraction t ∈ [0, 1] of a polyline's length. */
export function alongPolyline(points: readonly GeoPoint[], t: number): GeoPoint {
  if (points.length === 0) throw new RangeError('alongPolyline() needs at least one point');
  if (points.length === 1) return points[0] as GeoPoint;
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const d = distanceKm(points[i - 1] as GeoPoint, points[i] as GeoPoint);
    lengths.push(d);
    total += d;
  }
  let rest = Math.min(1, Math.max(0, t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const d = lengths[i] as number;
    if (rest <= d || i === lengths.length - 1) {
      const a = points[i] as GeoPoint;
      const b = points[i + 1] as GeoPoint;
      const f = d === 0 ? 0 : Math.min(1, rest / d);
      return roundPoint({
        longitude: a.longitude + (b.longitude - a.longitude) * f,
        latitude: a.latitude + (b.latitude - a.latitude) * f,
      });
    }
    rest -= d;
  }
  return points[points.length - 1] as GeoPoint;
}

/** Distance from a point to the nearest vertex of a polyline (coarse, enough to pick a river). */
export function distanceToPolylineKm(p: GeoPoint, points: readonly GeoPoint[]): number {
  let best = Infinity;
  for (let i = 0; i <= 20; i++) best = Math.min(best, distanceKm(p, alongPolyline(points, i / 20)));
  return best;
}
