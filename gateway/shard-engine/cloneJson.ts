import { isRecord } from './isRecord.ts';

/**
 * A deep copy of a JSON value with null-prototype objects. Used when one `_entities` answer fills
 * several slots: the gateway deep-merges later fetches into each slot, which must not alias.
 */
export function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) if (key !== '__proto__') copy[key] = cloneJson(item);
  return copy;
}
