/**
 * Every GraphQL error code this product emits, defined once (style rule R6). Front ends and partner
 * bureaus match on `extensions.code`, so a code is never renamed or reused; a removed one stays in
 * REMOVED_ERROR_CODES.
 */
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

export interface ErrorCodeDefinition<C extends string = string> {
  readonly code: C;
  readonly description: string;
  readonly addedIn: string;
  /** Build the error; `extensions.code` is always this definition's code. */
  err(message: string, options?: GraphQLErrorOptions): GraphQLError;
}

function defineCode<C extends string>(code: C, description: string, addedIn: string): ErrorCodeDefinition<C> {
  return {
    code,
    description,
    addedIn,
    err(message, options) {
      return new GraphQLError(message, { ...options, extensions: { ...options?.extensions, code } });
    },
  };
}

export const ERRORS = {
  BAD_USER_INPUT: defineCode('BAD_USER_INPUT',
    'An argument has a value the field does not accept (e.g. a time range that ends before it starts).', '0.1.0'),
  PAGE_SIZE_OUT_OF_RANGE: defineCode('PAGE_SIZE_OUT_OF_RANGE',
    '`first` is negative or above the page-size cap (100).', '0.1.0'),
  INVALID_CURSOR: defineCode('INVALID_CURSOR',
    '`after` is not a cursor this list produced (malformed, or from another list or sort).', '0.1.0'),
  INVALID_ID: defineCode('INVALID_ID',
    'An id argument is not a global id of this graph, or names another type than the field expects.', '0.1.0'),
  CITY_SOURCE_UNAVAILABLE: defineCode('CITY_SOURCE_UNAVAILABLE',
    "A bureau's own data system (database, file share, web service) failed or timed out; the bureau's subgraph is up.", '0.1.0'),
  CITY_UNAVAILABLE: defineCode('CITY_UNAVAILABLE',
    "A bureau's subgraph failed or missed its deadline; that bureau's part of the result is missing.", '0.1.0'),
  UNKNOWN_CITY: defineCode('UNKNOWN_CITY',
    'A cityCode argument or entity key names no configured bureau.', '0.1.0'),
  INVALID_STANDARDS_INPUT: defineCode('INVALID_STANDARDS_INPUT',
    'Values given to a standards calculation (a water sample, AQI concentrations, incident facts) cannot be evaluated: ' +
    'an unknown indicator, a negative or duplicate value, a period the report does not take… `extensions.reason` is the ' +
    "calculator's own code (UNKNOWN_INDICATOR, NEGATIVE_VALUE, DUPLICATE_INDICATOR, PERIOD_NOT_ALLOWED, …) and " +
    '`extensions.detail` names the offending value.', '0.2.0'),
  INSUFFICIENT_DATA: defineCode('INSUFFICIENT_DATA',
    "A result computed from a station's readings cannot be formed from the data there is (no valid reading in the " +
    "period, a concentration the standard needs is missing); `extensions.reason` says which.", '0.2.0'),
  CITY_DATA_UNAVAILABLE: defineCode('CITY_DATA_UNAVAILABLE',
    "The region could not get the bureau data a computed field needs (a section's period means) through the gateway: " +
    'the gateway was unreachable or too slow, or the bureau failed. `extensions.cityCode` names the bureau when known and ' +
    '`extensions.reason` what failed (GATEWAY_UNREACHABLE, GATEWAY_TIMEOUT, GATEWAY_FAILED, CITY_FAILED, STATION_NOT_FOUND).', '0.2.0'),
  INTERNAL_SERVER_ERROR: defineCode('INTERNAL_SERVER_ERROR',
    'An unexpected error; details are logged, never sent.', '0.1.0'),
} as const;

export type ErrorCode = keyof typeof ERRORS;

export const REMOVED_ERROR_CODES: ReadonlyArray<readonly [code: string, reason: string]> = [];
