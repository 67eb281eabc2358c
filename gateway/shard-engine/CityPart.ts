import type { CityFailureReason } from './CityFetch.ts';
import type { CityErrorInput } from './readCityAnswer.ts';

/** One bureau's contribution to one root response key: its value and the errors under that key. */
export type CityPart =
  | { readonly kind: 'ok'; readonly city: string; readonly value: unknown; readonly errors: readonly CityErrorInput[] }
  | { readonly kind: 'failed'; readonly city: string; readonly reason: CityFailureReason };
