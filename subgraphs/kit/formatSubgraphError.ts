/**
 * The one boundary where a subgraph's errors become what clients see: adapter
 * failures become CITY_SOURCE_UNAVAILABLE, our own GraphQL errors and Apollo's request errors pass
 * with their codes, anything else is masked as "Unexpected error." and logged. Stack traces never
 * leave. Every error names the subgraph that raised it in `extensions.city`.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERRORS } from '../../schema/errors.ts';
import { CitySourceError } from './CitySourceError.ts';

export type ErrorLogger = (message: string, error: unknown) => void;

export function formatSubgraphError(origin: string, log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.['code'];
    if (original instanceof CitySourceError) {
      log(`data source failed (${original.code})`, original);
      return {
        message: `The data source of ${origin} is unavailable: ${original.message}`,
        ...(formatted.path && { path: formatted.path }),
        extensions: { code: ERRORS.CITY_SOURCE_UNAVAILABLE.code, city: origin, reason: original.code },
      };
    }
    if (original instanceof GraphQLError || code !== ERRORS.INTERNAL_SERVER_ERROR.code) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, city: origin } };
    }
    log('unexpected error', original);
    return {
      message: 'Unexpected error.',
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code, city: origin },
    };
  };
}
