/**
 * The bureaus one execution may ask: the served ones, narrowed to the caller's jurisdiction. Fan-outs
 * ask `codes` (served and reachable, in ascending code order: the order every merge uses); a routed
 * target is checked with `reaches` first (FORBIDDEN, never contacted) and `has` second (UNKNOWN_CITY).
 */
export interface CitySet {
  /** Served and within the caller's reach, ascending. */
  readonly codes: readonly string[];
  /** Served right now, whatever the caller may reach. */
  has(code: string): boolean;
  /** Within the caller's jurisdiction (always true without one), served or not. */
  reaches(code: string): boolean;
}

/** `jurisdiction`: the bureau codes the caller may reach; null = every bureau. */
export function citySet(codes: Iterable<string>, jurisdiction: ReadonlySet<string> | null = null): CitySet {
  const set = new Set(codes);
  const reaches = jurisdiction === null ? () => true : (code: string) => jurisdiction.has(code);
  const sorted = [...set].filter(reaches).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { codes: Object.freeze(sorted), has: (code) => set.has(code), reaches };
}

/**
 * Codes a client named explicitly (`cityCodes`) that lie outside its reach, ascending: each is
 * refused with FORBIDDEN. Leaving `cityCodes` out narrows silently to the reachable bureaus instead.
 */
export function outsideReach(named: ReadonlySet<string> | null, cities: CitySet): string[] {
  if (named === null) return [];
  return [...named].filter((code) => !cities.reaches(code)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Codes a client named explicitly (`cityCodes`) within its reach that no bureau serves, ascending:
 * they select nothing, and the answer says so with UNKNOWN_CITY, as a routed lookup does.
 */
export function notServed(named: ReadonlySet<string> | null, cities: CitySet): string[] {
  if (named === null) return [];
  return [...named].filter((code) => cities.reaches(code) && !cities.has(code)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
