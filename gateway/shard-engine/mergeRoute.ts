import { cityError } from './cityError.ts';
import { cityUnavailableError } from './cityUnavailableError.ts';
import type { CityPart } from './CityPart.ts';
import type { ErrorSink } from './ErrorSink.ts';

/** A routed field is exactly what its one bureau answered (same response key, so paths hold as they are). */
export function mergeRoute(key: string, part: CityPart | undefined, errors: ErrorSink): unknown {
  if (!part) return null;
  if (part.kind === 'failed') {
    errors.push(cityUnavailableError(part.city, part.reason, [key]));
    return null;
  }
  for (const error of part.errors) errors.push(cityError(error, part.city, error.path));
  return part.value ?? null;
}
