/**
 * The gateway's error boundary: codes pass (ours, Apollo's, and those the bureaus sent), stack
 * traces and internal details never do, and anything without a code becomes "Unexpected error.".
 * `serviceName` (added by @apollo/gateway) names our virtual subgraphs (`cities`, `city-broadcast`, `city-references`),
 * an internal detail: clients learn the bureau from `extensions.city`.
 *
 * A few client mistakes reach this boundary without a code: Apollo Server raises them as plain
 * GraphQLErrors with an HTTP 4xx (`extensions.http`), which its formatter then codes
 * INTERNAL_SERVER_ERROR. Their HTTP status says they are the client's: they keep their message and
 * get a code (the automatic persisted query refusals of Apollo's requestPipeline).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

/** Apollo Server 5 requestPipeline's messages for the APQ refusals it raises without a code. */
const CLIENT_ERROR_CODES: ReadonlyMap<string, string> = new Map([
  ['Unsupported persisted query version', ERRORS.PERSISTED_QUERY_NOT_SUPPORTED.code],
  ['provided sha does not match query', ERRORS.PERSISTED_QUERY_HASH_MISMATCH.code],
]);

export function maskGatewayError(log: (event: Record<string, unknown>) => void) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const { stacktrace: _dropped, exception: _alsoDropped, serviceName: _internal, ...extensions } = formatted.extensions ?? {};
    if (extensions['code'] === ERRORS.INTERNAL_SERVER_ERROR.code && extensions['city'] === undefined) {
      if (isClientError(error)) {
        return { message: formatted.message, extensions: { code: CLIENT_ERROR_CODES.get(formatted.message) ?? ERRORS.BAD_REQUEST.code } };
      }
      log({ level: 'error', msg: 'unexpected error', detail: formatted.message });
      return { message: 'Unexpected error.', ...(formatted.path && { path: formatted.path }), extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };
    }
    return { ...formatted, extensions };
  };
}

/** A GraphQLError raised (not wrapped from a crash) with a 4xx HTTP status: the request was at fault. */
function isClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError !== undefined) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
