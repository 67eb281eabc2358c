/**
 * Hooks the optional OpenTelemetry export (gateway/telemetry/createTracer.ts) into the places the
 * metrics use: the request's span opens when Apollo starts the request and closes with the same
 * outcome the log line and metrics read (readOutcome); the bureau fetches' spans come from the
 * registry's send observer, found under their request because the data source runs `within` it.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayTracer } from '../telemetry/createTracer.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { readOutcome } from '../request/readOutcome.ts';

export function useTracing(tracer: GatewayTracer): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      tracer.startRequest(contextValue, contextValue.requestId);
      return {
        async willSendResponse(requestContext) {
          tracer.endRequest(contextValue, readOutcome(requestContext));
        },
      };
    },
  };
}

/** The data source, running each operation's processing within its request's span. */
export function traceWithinRequest(dataSource: GraphQLDataSource, tracer: GatewayTracer): GraphQLDataSource {
  if (!tracer.enabled) return dataSource;
  return {
    process: (options) =>
      // Health checks and schema loading have no request context.
      'context' in options && typeof options.context === 'object' && options.context !== null
        ? tracer.within(options.context, () => dataSource.process(options))
        : dataSource.process(options),
  };
}
