/**
 * The error boundary of subscriptions, as maskGatewayError is for queries: errors with a code pass
 * (ours, and those the graph answered, already masked by the query boundary), anything else — a
 * crash inside a resolver — becomes "Unexpected error." and is logged.
 */
import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

export function maskLiveResult(result: ExecutionResult, log: (event: Record<string, unknown>) => void): FormattedExecutionResult {
  if (!result.errors) return result as FormattedExecutionResult;
  return { ...result, errors: result.errors.map((error) => maskLiveError(error, log)) };
}

export function maskLiveError(error: GraphQLError, log: (event: Record<string, unknown>) => void): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (typeof formatted.extensions?.['code'] === 'string') return formatted;
  log({ level: 'error', msg: 'unexpected subscription error', detail: error.message });
  return { message: 'Unexpected error.', ...(formatted.path && { path: formatted.path }), extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };
}
