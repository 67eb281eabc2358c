/**
 * A bureau's outcome, checked before anything reads it, as it is untrusted input: the response must
 * be a GraphQL response (`data` an object or null, `errors` a list); errors keep only a string
 * message, a path of names and indexes, and extensions. Locations are dropped: they point into the
 * bureau's document, not the planner's fetch. Anything else makes the bureau's answer a
 * `bad-response` failure.
 */
import type { CityFailureReason, CityOutcome } from './CityFetch.ts';
import { getOwn } from './getOwn.ts';
import { isRecord } from './isRecord.ts';

export interface CityErrorInput {
  readonly message: string;
  readonly path: ReadonlyArray<string | number> | null;
  readonly extensions: Readonly<Record<string, unknown>> | null;
}

export type CityAnswer =
  | { readonly kind: 'ok'; readonly city: string; readonly data: Record<string, unknown> | null; readonly errors: readonly CityErrorInput[] }
  | { readonly kind: 'failed'; readonly city: string; readonly reason: CityFailureReason };

// Keyed by CityFailureReason so the compiler flags a reason missing here: a missing one would reach
// clients as 'bad-response' (as 'off-contract' did).
const KNOWN_REASONS: Readonly<Record<CityFailureReason, true>> = {
  timeout: true, unreachable: true, 'circuit-open': true, 'off-contract': true, unchecked: true, 'http-error': true, 'bad-response': true,
  aborted: true,
};
const REASONS: ReadonlySet<string> = new Set(Object.keys(KNOWN_REASONS));

/** `city` is the bureau the fetch went to: an outcome cannot claim to come from another one. */
export function readCityAnswer(outcome: CityOutcome | undefined, city: string, maxErrors: number): CityAnswer {
  if (outcome?.kind === 'failed') {
    return { kind: 'failed', city, reason: REASONS.has(outcome.reason) ? outcome.reason : 'bad-response' };
  }
  const response: unknown = outcome?.response;
  const data = getOwn(response, 'data') ?? null;
  const errors = getOwn(response, 'errors') ?? [];
  if (!isRecord(response) || (data !== null && !isRecord(data)) || !Array.isArray(errors)) {
    return { kind: 'failed', city, reason: 'bad-response' };
  }
  return { kind: 'ok', city, data, errors: errors.slice(0, maxErrors).map(readError) };
}

function readError(error: unknown): CityErrorInput {
  const message = getOwn(error, 'message');
  const path = getOwn(error, 'path');
  const extensions = getOwn(error, 'extensions');
  const validPath = Array.isArray(path) && path.length > 0 &&
    path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0));
  return {
    message: typeof message === 'string' ? message : 'Unexpected error.',
    path: validPath ? (path as Array<string | number>) : null,
    extensions: isRecord(extensions) ? extensions : null,
  };
}
