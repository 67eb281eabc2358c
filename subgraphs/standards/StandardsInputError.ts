/**
 * What the standards calculators throw on input they cannot evaluate. The `code` is stable so a
 * resolver can map it to a GraphQL error code without parsing the message.
 */
export type StandardsInputErrorCode =
  | 'UNKNOWN_INDICATOR'
  | 'UNKNOWN_STANDARD'
  | 'UNKNOWN_CLASS'
  | 'NEGATIVE_VALUE'
  | 'NOT_A_NUMBER'
  | 'EMPTY_SAMPLE'
  | 'DUPLICATE_INDICATOR'
  | 'MISSING_CONCENTRATION'
  | 'PERIOD_NOT_ALLOWED'
  | 'NO_LIMIT'
  | 'UNSORTED_SERIES'
  | 'INVALID_INTERVAL'
  | 'INVALID_AGREEMENT'
  | 'MISSING_ASSESSMENT';

export class StandardsInputError extends Error {
  override readonly name = 'StandardsInputError';
  constructor(
    readonly code: StandardsInputErrorCode,
    message: string,
    /** The offending indicator code, value or id, when there is one. */
    readonly detail: Readonly<Record<string, string | number | null>> = {},
  ) {
    super(message);
  }
}
