import type { GraphQLFormattedError } from 'graphql';
import type { CityErrorInput } from './readCityAnswer.ts';

/**
 * An error a bureau returned, as the client sees it: at `path` in the MERGED response, with
 * `extensions.city` naming the bureau (set by the engine, so a bureau cannot claim another's name).
 * Extension keys are copied into a null-prototype object, `__proto__` skipped: a bureau's payload
 * is untrusted.
 */
export function cityError(error: CityErrorInput, city: string, path: ReadonlyArray<string | number> | null): GraphQLFormattedError {
  const extensions: Record<string, unknown> = Object.create(null);
  if (error.extensions) {
    for (const [name, value] of Object.entries(error.extensions)) if (name !== '__proto__') extensions[name] = value;
  }
  extensions['city'] = city;
  return path === null ? { message: error.message, extensions } : { message: error.message, path, extensions };
}
