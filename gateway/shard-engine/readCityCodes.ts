/**
 * The `cityCodes` argument of a fan-out field as a set, or null when absent or null (every city).
 * A single code is accepted as a one-element list (GraphQL spec §3.11 List input coercion); IDs
 * written as integers become strings. Codes that no bureau serves select nothing: the argument is a
 * filter, as it is for a single bureau, so `["510900", "999999"]` is 510900's items, with an
 * UNKNOWN_CITY error naming 999999 (unknownCityError).
 */
export function readCityCodes(value: unknown): ReadonlySet<string> | null {
  if (value === undefined || value === null) return null;
  const items = Array.isArray(value) ? value : [value];
  const codes = new Set<string>();
  for (const item of items) if (typeof item === 'string' || typeof item === 'number') codes.add(String(item));
  return codes;
}
