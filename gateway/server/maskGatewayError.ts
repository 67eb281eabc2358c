/**
 * The gateway's error boundary: codes pass (ours, Apollo's, and those the bureaus sent), stack
 * traces and internal details never do, and anything without a code becomes "Unexpected error.".
 * `serviceName` (added by @apollo/gateway) names our virtual subgraphs (`cities`, `city-broadcast`),
 * an internal detail: clients learn the bureau from `extensions.city`.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

export function maskGatewayError(log: (event: Record<string, unknown>) => void) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const { stacktrace: _dropped, exception: _alsoDropped, serviceName: _internal, ...extensions } = formatted.extensions ?? {};
    if (extensions['code'] === ERRORS.INTERNAL_SERVER_ERROR.code && extensions['city'] === undefined) {
      log({ level: 'error', msg: 'unexpected error', detail: formatted.message });
      return { message: 'Unexpected error.', ...(formatted.path && { path: formatted.path }), extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };
    }
    return { ...formatted, extensions };
  };
}
