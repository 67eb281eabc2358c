/** A JSON object (not an array, not null): what a GraphQL response uses for objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
