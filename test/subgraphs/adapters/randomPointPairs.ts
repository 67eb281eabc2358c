/**
 * Deterministic pseudo-random (lon1, lat1, lon2, lat2) pairs for comparing a store's distance with
 * haversineKm: most inside the Chengdu–Chongqing circle (the distances the API serves), some anywhere
 * on earth, plus identical and antipodal points.
 */
export function randomPointPairs(count: number, seed = 20250101): Array<[number, number, number, number]> {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pairs: Array<[number, number, number, number]> = [[105.5928, 30.5327, 105.5928, 30.5327], [0, 0, 180, 0], [10, 45, -170, -45]];
  while (pairs.length < count) {
    pairs.push(pairs.length % 10 === 0
      ? [next() * 360 - 180, next() * 180 - 90, next() * 360 - 180, next() * 180 - 90]
      : [102 + next() * 8, 27 + next() * 5, 102 + next() * 8, 27 + next() * 5]);
  }
  return pairs;
}
