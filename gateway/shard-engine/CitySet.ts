/** The bureaus served right now, in ascending code order: the order every merge uses. */
export interface CitySet {
  readonly codes: readonly string[];
  has(code: string): boolean;
}

export function citySet(codes: Iterable<string>): CitySet {
  const set = new Set(codes);
  const sorted = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { codes: Object.freeze(sorted), has: (code) => set.has(code) };
}
