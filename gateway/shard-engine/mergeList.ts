/**
 * `@cityFanout(merge: "LIST")`: the bureaus' lists concatenated in ascending city-code order, with
 * error paths `[key, i, …]` shifted to the item's index in the merged list. Null only when bureaus
 * were asked (or named and refused as out of jurisdiction) and none gave a list; no bureau to ask
 * gives [].
 */
import { cityError } from './cityError.ts';
import { cityUnavailableError } from './cityUnavailableError.ts';
import type { CityPart } from './CityPart.ts';
import type { ErrorSink } from './ErrorSink.ts';
import { forbiddenCityError } from './forbiddenCityError.ts';
import { unknownCityError } from './unknownCityError.ts';

export function mergeList(
  key: string, parts: readonly CityPart[], forbidden: readonly string[], unknown: readonly string[], errors: ErrorSink,
): unknown[] | null {
  const merged: unknown[] = [];
  for (const city of forbidden) errors.push(forbiddenCityError(city, [key]));
  for (const city of unknown) errors.push(unknownCityError(city, [key]));
  let answered = false;
  for (const part of parts) {
    if (part.kind === 'failed') {
      errors.push(cityUnavailableError(part.city, part.reason, [key]));
      continue;
    }
    const offset = merged.length;
    if (Array.isArray(part.value)) {
      answered = true;
      for (const item of part.value) merged.push(item);
    }
    for (const error of part.errors) {
      const index = error.path?.[1];
      const path = error.path && typeof index === 'number' ? [key, index + offset, ...error.path.slice(2)] : error.path;
      errors.push(cityError(error, part.city, path));
    }
  }
  return parts.length + forbidden.length > 0 && !answered ? null : merged;
}
