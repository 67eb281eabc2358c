/** Mean earth radius (IUGG R1), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance by the haversine formula, rounded to 3 decimals (metres): the rounding makes
 * the value the store sorts and pages by identical to the `distanceKm` it returns. Null when any
 * coordinate is null, as SQL functions do.
 */
export function haversineKm(
  lon1: number | null, lat1: number | null, lon2: number | null, lat2: number | null,
): number | null {
  if (lon1 === null || lat1 === null || lon2 === null || lat2 === null) return null;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  return Math.round(km * 1000) / 1000;
}
