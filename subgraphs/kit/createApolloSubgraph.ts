/**
 * An Apollo Server for one subgraph with the production hygiene every subgraph shares: no
 * telemetry, no CDN landing page, no stack traces, errors through formatSubgraphError.
 */
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatSubgraphError, type ErrorLogger } from './formatSubgraphError.ts';

export function createApolloSubgraph<TContext extends BaseContext>(
  schema: GraphQLSchema,
  origin: string,
  log: ErrorLogger,
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // The process entry handles signals and stops the server itself; two concurrent stop() calls hang.
    stopOnTerminationSignals: false,
    formatError: formatSubgraphError(origin, log),
    plugins: [
      // Apollo's landing page loads from a CDN and its reporting phones home: none of that here.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}
