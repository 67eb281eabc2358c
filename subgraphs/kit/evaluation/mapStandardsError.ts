/**
 * Where the standards calculators' refusals (StandardsInputError) become GraphQL errors with stable
 * codes. The same calculator code means different things by where the values came from: the caller's
 * arguments (INVALID_STANDARDS_INPUT — fix the request) or a station's readings (INSUFFICIENT_DATA —
 * the data cannot support the result). `extensions.reason` always carries the calculator's own code.
 * Codes that can only mean a bug on our side (an unsorted series, a bad agreement table) pass on
 * untouched, so the error boundary masks and logs them.
 */
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../../schema/errors.ts';
import { StandardsInputError, type StandardsInputErrorCode } from '../../standards/index.ts';

/** Who supplied the values a calculator was given. */
export type StandardsValuesFrom = 'ARGUMENTS' | 'READINGS';

const OUR_BUGS: ReadonlySet<StandardsInputErrorCode> = new Set(['UNSORTED_SERIES', 'INVALID_INTERVAL', 'INVALID_AGREEMENT']);

export function mapStandardsError(error: unknown, from: StandardsValuesFrom): unknown {
  if (!(error instanceof StandardsInputError) || OUR_BUGS.has(error.code)) return error;
  const extensions = { reason: error.code, detail: error.detail };
  // A missing assessment is never the caller's mistake: the period simply has no data.
  const definition = from === 'ARGUMENTS' && error.code !== 'MISSING_ASSESSMENT' ? ERRORS.INVALID_STANDARDS_INPUT : ERRORS.INSUFFICIENT_DATA;
  return definition.err(error.message, { extensions }) satisfies GraphQLError;
}

/** Runs a calculator, turning its refusals into GraphQL errors. */
export function runStandard<T>(from: StandardsValuesFrom, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw mapStandardsError(error, from);
  }
}
